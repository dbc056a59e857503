-- Synthetic data added in the schema of the third release (a06d45c, Flyway V19; V18 had dropped the result keys):
-- loaded after V2.sql and V6.sql. Rows: import_batch +8 (one rolled back), import_rejection 1 with 2 problems,
-- work_codifier 1 (tasks 3, codes 2), school_context 1 (answers 2), gia_scale 1 (bands 4, points 3, rules 1),
-- result +2 (ЕГЭ, with gia_scale_id), assessment +1, exam_school_summary 1, journal_mark_distribution 1, textbook 2.

insert into import_batch (file_name, content_hash, format, imported_by, started_at, finished_at, rows_total,
                          rows_accepted, rows_absent, detected_because)
values ('ALL.xlsx', 'a000000000000000000000000000000000000000000000000000000000000005', 'WORK_CODIFIERS', 'region',
        '2025-07-01 10:00:00+03:00', '2025-07-01 10:00:01+03:00', 3, 3, 0, 'листы и заголовки кодификатора');
insert into import_batch (file_name, content_hash, format, imported_by, started_at, finished_at, rows_total,
                          rows_accepted, rows_absent, detected_because)
values ('context.xlsx', 'a000000000000000000000000000000000000000000000000000000000000006', 'SCHOOL_CONTEXT_XLSX',
        'region', '2025-07-01 10:01:00+03:00', '2025-07-01 10:01:01+03:00', 1, 1, 0, 'заголовки формы');
insert into import_batch (file_name, content_hash, format, imported_by, started_at, finished_at, rows_total,
                          rows_accepted, rows_absent, detected_because)
values ('gia-scales.csv', 'a000000000000000000000000000000000000000000000000000000000000007', 'GIA_SCALES_CSV',
        'region', '2025-07-01 10:02:00+03:00', '2025-07-01 10:02:01+03:00', 8, 8, 0, 'заголовки шкал ГИА');
insert into import_batch (file_name, content_hash, format, imported_by, started_at, finished_at, rows_total,
                          rows_accepted, rows_absent, detected_because)
values ('ege.csv', 'a000000000000000000000000000000000000000000000000000000000000008', 'RESULTS_CSV',
        'region', '2025-07-01 10:03:00+03:00', '2025-07-01 10:03:01+03:00', 2, 2, 0, 'заголовки results.csv');
insert into import_batch (file_name, content_hash, format, imported_by, started_at, finished_at, rows_total,
                          rows_accepted, rows_absent, detected_because)
values ('ege-moscow.csv', 'a000000000000000000000000000000000000000000000000000000000000009', 'EGE_MOSCOW_CSV',
        'region', '2025-07-01 10:04:00+03:00', '2025-07-01 10:04:01+03:00', 1, 1, 0, 'заголовки открытых данных');
insert into import_batch (file_name, content_hash, format, imported_by, started_at, finished_at, rows_total,
                          rows_accepted, rows_absent, detected_because)
values ('journal.csv', 'a000000000000000000000000000000000000000000000000000000000000010', 'JOURNAL_MARKS_CSV',
        'region', '2025-07-01 10:05:00+03:00', '2025-07-01 10:05:01+03:00', 1, 1, 0, 'заголовки журнала');
insert into import_batch (file_name, content_hash, format, imported_by, started_at, finished_at, rows_total,
                          rows_accepted, rows_absent, detected_because)
values ('books.xlsx', 'a000000000000000000000000000000000000000000000000000000000000011', 'TEXTBOOKS_XLSX',
        'region', '2025-07-01 10:06:00+03:00', '2025-07-01 10:06:01+03:00', 2, 2, 0, 'лист учебников');
-- A rolled-back import: its hash moved to original_hash (V12), its rows are gone.
insert into import_batch (file_name, content_hash, format, imported_by, started_at, finished_at, rows_total,
                          rows_accepted, rows_absent, detected_because, state, rolled_back_at, rolled_back_by,
                          original_hash)
values ('grade6.csv', 'rolled-back:12', 'RESULTS_CSV', 'region', '2025-07-01 10:07:00+03:00',
        '2025-07-01 10:07:01+03:00', 3, 3, 0, 'заголовки results.csv', 'rolled_back', '2025-07-01 11:00:00+03:00',
        'region', 'a000000000000000000000000000000000000000000000000000000000000012');

insert into import_rejection (file_name, content_hash, format, detected_because, attempted_by, attempted_at,
                              problems_total, rows_rejected)
values ('плохой.csv', 'a000000000000000000000000000000000000000000000000000000000000013', 'results.csv',
        'заголовки results.csv', 'region', '2025-07-02 09:00:00+03:00', 2, 2);
insert into import_rejection_problem (rejection_id, seq, sheet, row_no, column_name, message)
values ((select id from import_rejection), 1, null, 2, 'school_code', 'неизвестная школа edu999999');
insert into import_rejection_problem (rejection_id, seq, sheet, row_no, column_name, message)
values ((select id from import_rejection), 2, null, 3, 'mark', 'отметка 7 вне 2–5');

insert into work_codifier (import_id, kind, exam_year, subject_id, grade, source)
values ((select id from import_batch where file_name = 'ALL.xlsx'), 'VPR', 2025, (select id from subject where code = 'MA'),
        5, 'ALL.xlsx');
insert into work_codifier_task (codifier_id, position_no, task_label, max_score, difficulty, content_codes,
                                requirement_codes, skills)
values ((select id from work_codifier), 1, '1', 1, 'Б', '1.1', '1.2', 'вычисления');
insert into work_codifier_task (codifier_id, position_no, task_label, max_score, difficulty, content_codes,
                                requirement_codes, skills)
values ((select id from work_codifier), 2, '2', 2, 'П', '2.1', '2.3', 'текстовые задачи');
insert into work_codifier_task (codifier_id, position_no, task_label, max_score, difficulty, content_codes,
                                requirement_codes, skills)
values ((select id from work_codifier), 3, '3', 1, 'В', '3.4', '3.1', 'геометрия');
insert into work_codifier_code (codifier_id, kind, code, description)
values ((select id from work_codifier), 'KS', '1.1', 'Натуральные числа');
insert into work_codifier_code (codifier_id, kind, code, description)
values ((select id from work_codifier), 'KT', '1.2', 'Выполнять арифметические действия');

insert into school_context (import_id, school_id, context_year, pupils, teachers, settlement, school_type, ovz_share,
                            non_native_share)
values ((select id from import_batch where file_name = 'context.xlsx'), (select id from school where code = 'edu990003'),
        2025, 58, 9, 'VILLAGE', 'OOSH', 0.07, 0.0);
insert into school_context_answer (context_id, position_no, question, answer)
values ((select id from school_context), 1, 'Есть ли в ОО библиотека?', 'да');
insert into school_context_answer (context_id, position_no, question, answer)
values ((select id from school_context), 2, 'Число компьютеров', '12');

-- ЕГЭ Russian 2025: minimum 24 test points; primary 10 → 36, 20 → 58, 30 → 76.
insert into gia_scale (import_id, kind, exam_year, subject_id, grade, form, variant, min_test_score, admission_score,
                       source, note)
values ((select id from import_batch where file_name = 'gia-scales.csv'), 'EGE', 2025,
        (select id from subject where code = 'RU'), 11, '', '', 24, null, 'синтетическая шкала', null);
insert into gia_scale_band (scale_id, mark, score_from, score_to) values ((select id from gia_scale), 2, 0, 23);
insert into gia_scale_band (scale_id, mark, score_from, score_to) values ((select id from gia_scale), 3, 24, 56);
insert into gia_scale_band (scale_id, mark, score_from, score_to) values ((select id from gia_scale), 4, 57, 71);
insert into gia_scale_band (scale_id, mark, score_from, score_to) values ((select id from gia_scale), 5, 72, 100);
insert into gia_scale_point (scale_id, primary_score, test_score) values ((select id from gia_scale), 10, 36);
insert into gia_scale_point (scale_id, primary_score, test_score) values ((select id from gia_scale), 20, 58);
insert into gia_scale_point (scale_id, primary_score, test_score) values ((select id from gia_scale), 30, 76);
insert into gia_scale_rule (scale_id, rule_no, mark, tasks, min_sum)
values ((select id from gia_scale), 1, 5, '27', 2);

insert into assessment (kind, exam_year, subject_id, grade, task_layout)
values ('EGE', 2025, (select id from subject where code = 'RU'), 11, null);
insert into result (import_id, assessment_id, school_id, participant, absent, primary_score, test_score, mark, passed,
                    gia_scale_id)
values ((select id from import_batch where file_name = 'ege.csv'), (select id from assessment where kind = 'EGE'),
        (select id from school where code = 'edu990002'), 'P000000000000000000000009', false, 20, 58, 4, true,
        (select id from gia_scale));
insert into result (import_id, assessment_id, school_id, participant, absent, primary_score, test_score, mark, passed,
                    gia_scale_id)
values ((select id from import_batch where file_name = 'ege.csv'), (select id from assessment where kind = 'EGE'),
        (select id from school where code = 'edu990002'), 'P000000000000000000000010', false, 30, 76, 5, true,
        (select id from gia_scale));

insert into exam_school_summary (import_id, school_id, procedure_kind, exam_year, subject_id, graduates, chose,
                                 participants, below_minimum, high_scorers, hundred, mean_score, at_least_160,
                                 at_least_220)
values ((select id from import_batch where file_name = 'ege-moscow.csv'), (select id from school where code = 'edu990002'),
        'EGE', 2025, null, 40, null, 38, null, null, null, null, 20, 5);

insert into journal_mark_distribution (import_id, school_id, school_year, period, subject_id, class_label, n2, n3, n4,
                                       n5)
values ((select id from import_batch where file_name = 'journal.csv'), (select id from school where code = 'edu990001'),
        2025, 'год', (select id from subject where code = 'MA'), '5А', 1, 6, 10, 8);

insert into textbook (import_id, code, subject_prefix, subject_id, grade, description)
values ((select id from import_batch where file_name = 'books.xlsx'), 'ma5.1', 'ma', (select id from subject where code = 'MA'),
        5, 'Математика. 5 класс. Учебник (синтетическая запись)');
insert into textbook (import_id, code, subject_prefix, subject_id, grade, description)
values ((select id from import_batch where file_name = 'books.xlsx'), 'xx5.1', 'xx', null, 5,
        'Учебник без предмета в справочнике');
