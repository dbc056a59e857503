-- Synthetic data in the schema of the first release (9b90e70, Flyway V1–V2). No real person or school.
-- Written as that release's import wrote it: ids from the identity columns, references by subselect.
-- Rows: municipality 2, school 3, school_identifier 5, assessment 2, import_batch 2, result 8, app_user 3.

insert into municipality (code, name) values ('M01', 'Северный округ');
insert into municipality (code, name) values ('M02', 'Речной район');

insert into school (code, name, municipality_id, school_type, settlement, pupils, teachers, ses_index, low_results,
                    non_native_share)
values ('edu990001', 'МБОУ "СОШ № 1"', (select id from municipality where code = 'M01'), 'SOSH', 'CITY', 800, 52, 0.25,
        false, 0.04);
insert into school (code, name, municipality_id, school_type, settlement, pupils)
values ('edu990002', 'МАОУ «Гимназия № 2»', (select id from municipality where code = 'M01'), 'GYMNASIUM', 'CITY', 900);
insert into school (code, name, municipality_id, school_type, settlement, pupils)
values ('edu990003', 'МКОУ Озёрная ООШ', (select id from municipality where code = 'M02'), 'OOSH', 'VILLAGE', 60);

insert into school_identifier (school_id, kind, identifier, lookup_key, valid_from, valid_to)
values ((select id from school where code = 'edu990001'), 'FIS_OKO_LOGIN', 'edu990001', 'edu990001', null, null);
insert into school_identifier (school_id, kind, identifier, lookup_key, valid_from, valid_to)
values ((select id from school where code = 'edu990001'), 'FIS_OKO_LOGIN', 'sch990001', 'sch990001', null, 2021);
insert into school_identifier (school_id, kind, identifier, lookup_key, valid_from, valid_to)
values ((select id from school where code = 'edu990002'), 'FIS_OKO_LOGIN', 'edu990002', 'edu990002', null, null);
insert into school_identifier (school_id, kind, identifier, lookup_key, valid_from, valid_to)
values ((select id from school where code = 'edu990003'), 'FIS_OKO_LOGIN', 'edu990003', 'edu990003', null, null);
insert into school_identifier (school_id, kind, identifier, lookup_key, valid_from, valid_to)
values ((select id from school where code = 'edu990003'), 'ALIAS', 'Озёрная школа', 'озерная школа', 2019, null);

insert into assessment (kind, exam_year, subject_id, grade, task_layout)
values ('VPR', 2025, (select id from subject where code = 'MA'), 5, '1=1;2=2;3=1');
insert into assessment (kind, exam_year, subject_id, grade, task_layout)
values ('OGE', 2025, (select id from subject where code = 'RU'), 9, null);

insert into import_batch (file_name, content_hash, format, imported_by, started_at, finished_at, rows_total,
                          rows_accepted, rows_absent, warnings)
values ('schools.csv', 'a000000000000000000000000000000000000000000000000000000000000001', 'SCHOOLS_CSV', 'region',
        '2025-06-01 09:00:00+03:00', '2025-06-01 09:00:01+03:00', 3, 3, 0, null);
insert into import_batch (file_name, content_hash, format, imported_by, started_at, finished_at, rows_total,
                          rows_accepted, rows_absent, warnings)
values ('results.csv', 'a000000000000000000000000000000000000000000000000000000000000002', 'RESULTS_CSV', 'region',
        '2025-06-01 09:05:00+03:00', '2025-06-01 09:05:02+03:00', 8, 8, 1, 'строка 7: нет отметки по журналу');

-- ВПР maths 5, 2025: tasks 1 (max 1), 2 (max 2), 3 (max 1); one absent participant.
insert into result (import_id, assessment_id, school_id, participant, taken_on, class_label, gender, variant, absent,
                    tasks, primary_score, mark, journal_mark)
values ((select id from import_batch where file_name = 'results.csv'),
        (select id from assessment where kind = 'VPR'), (select id from school where code = 'edu990001'),
        'P000000000000000000000001', '2025-04-15', '5А', 'м', '1', false, '121', 4, 5, 5);
insert into result (import_id, assessment_id, school_id, participant, taken_on, class_label, gender, variant, absent,
                    tasks, primary_score, mark, journal_mark)
values ((select id from import_batch where file_name = 'results.csv'),
        (select id from assessment where kind = 'VPR'), (select id from school where code = 'edu990001'),
        'P000000000000000000000002', '2025-04-15', '5А', 'ж', '2', false, '01-', 1, 2, 3);
insert into result (import_id, assessment_id, school_id, participant, taken_on, class_label, gender, variant, absent,
                    tasks, primary_score, mark, journal_mark)
values ((select id from import_batch where file_name = 'results.csv'),
        (select id from assessment where kind = 'VPR'), (select id from school where code = 'edu990002'),
        'P000000000000000000000003', '2025-04-15', '5Б', 'ж', '1', false, '111', 3, 4, 4);
insert into result (import_id, assessment_id, school_id, participant, taken_on, class_label, gender, variant, absent,
                    tasks, primary_score, mark, journal_mark)
values ((select id from import_batch where file_name = 'results.csv'),
        (select id from assessment where kind = 'VPR'), (select id from school where code = 'edu990002'),
        'P000000000000000000000004', null, '5Б', 'м', null, true, null, null, null, 4);
insert into result (import_id, assessment_id, school_id, participant, absent, primary_score, mark, passed, ovz,
                    repeater, medal_candidate, observed)
values ((select id from import_batch where file_name = 'results.csv'),
        (select id from assessment where kind = 'OGE'), (select id from school where code = 'edu990001'),
        'P000000000000000000000005', false, 30, 5, true, false, false, true, true);
insert into result (import_id, assessment_id, school_id, participant, absent, primary_score, mark, passed, ovz,
                    repeater, medal_candidate, observed)
values ((select id from import_batch where file_name = 'results.csv'),
        (select id from assessment where kind = 'OGE'), (select id from school where code = 'edu990001'),
        'P000000000000000000000006', false, 20, 4, true, true, false, false, false);
insert into result (import_id, assessment_id, school_id, participant, absent, primary_score, mark, passed, ovz,
                    repeater, medal_candidate, observed)
values ((select id from import_batch where file_name = 'results.csv'),
        (select id from assessment where kind = 'OGE'), (select id from school where code = 'edu990003'),
        'P000000000000000000000007', false, 12, 3, true, false, true, false, false);
insert into result (import_id, assessment_id, school_id, participant, absent, primary_score, mark, passed, ovz,
                    repeater, medal_candidate, observed)
values ((select id from import_batch where file_name = 'results.csv'),
        (select id from assessment where kind = 'OGE'), (select id from school where code = 'edu990003'),
        'P000000000000000000000008', false, 5, 2, false, false, false, false, false);

-- Users of the three levels of that release (roles REGION, MUNICIPALITY, SCHOOL); the hash is a bcrypt hash of a
-- throw-away password.
insert into app_user (username, password_hash, full_name, role, municipality_id, school_id, enabled)
values ('r', '$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', 'Регион', 'REGION', null, null, true);
insert into app_user (username, password_hash, full_name, role, municipality_id, school_id, enabled)
values ('m', '$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', 'Муниципалитет', 'MUNICIPALITY',
        (select id from municipality where code = 'M01'), null, true);
insert into app_user (username, password_hash, full_name, role, municipality_id, school_id, enabled)
values ('s', '$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', 'Школа', 'SCHOOL',
        (select id from municipality where code = 'M01'), (select id from school where code = 'edu990001'), false);
