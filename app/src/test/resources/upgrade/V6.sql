-- Synthetic data added in the schema of the second release (4736107, Flyway V6): loaded after V2.sql.
-- Rows: import_batch +2, mark_scale 1, mark_scale_band 4, mark_scale_correction 1, result.mark_scale_id on 3 rows,
-- analysis_run 1, analysis_sign 2, analysis_risk 3, official_marker 1.

insert into import_batch (file_name, content_hash, format, imported_by, started_at, finished_at, rows_total,
                          rows_accepted, rows_absent)
values ('scales.csv', 'a000000000000000000000000000000000000000000000000000000000000003', 'MARK_SCALES_CSV', 'region',
        '2025-06-02 10:00:00+03:00', '2025-06-02 10:00:01+03:00', 4, 4, 0);
insert into import_batch (file_name, content_hash, format, imported_by, started_at, finished_at, rows_total,
                          rows_accepted, rows_absent)
values ('bias.xlsx', 'a000000000000000000000000000000000000000000000000000000000000004', 'OFFICIAL_MARKERS_XLSX',
        'region', '2025-06-03 10:00:00+03:00', '2025-06-03 10:00:01+03:00', 1, 1, 0);

-- ВПР maths 5, 2025: 0 → 2, 1–1 → 3, 2–3 → 4, 4 → 5 (max 4).
insert into mark_scale (import_id, kind, exam_year, subject_id, grade, variant, max_primary, source, note)
values ((select id from import_batch where file_name = 'scales.csv'), 'VPR', 2025, (select id from subject where code = 'MA'),
        5, '', 4, 'синтетическая шкала для теста обновления', null);
insert into mark_scale_band (scale_id, mark, score_from, score_to) values ((select id from mark_scale), 2, 0, 0);
insert into mark_scale_band (scale_id, mark, score_from, score_to) values ((select id from mark_scale), 3, 1, 1);
insert into mark_scale_band (scale_id, mark, score_from, score_to) values ((select id from mark_scale), 4, 2, 3);
insert into mark_scale_band (scale_id, mark, score_from, score_to) values ((select id from mark_scale), 5, 4, 4);
insert into mark_scale_correction (import_id, kind, exam_year, subject_id, grade, variant, mark, score_from, score_to,
                                   confirmed_by, reason)
values ((select id from import_batch where file_name = 'scales.csv'), 'VPR', 2025, (select id from subject where code = 'MA'),
        5, '', 4, 2, 3, 'Методист', 'опечатка в опубликованной шкале');

-- The marks of the three present ВПР participants came from that scale.
update result set mark_scale_id = (select id from mark_scale) where participant in
    ('P000000000000000000000001', 'P000000000000000000000002', 'P000000000000000000000003');

insert into analysis_run (started_by, started_at, finished_at, method_version, settings, years, results, signs, red,
                          yellow)
values ('region', '2025-06-04 12:00:00+03:00', '2025-06-04 12:00:03+03:00', '0.1', 'fdr.q=0.05', '2025', 8, 2, 1, 1);
insert into analysis_sign (run_id, school_id, exam_year, procedure, subject, grade, sign, n, sign_value, threshold,
                           p_value, q_value, counted, evidence, explanation)
values ((select id from analysis_run), (select id from school where code = 'edu990001'), 2025, 'ВПР', 'Математика', 5,
        'JOURNAL_INFLATED', 2, 0.5, 0.3, 0.001, 0.004, true, null, 'отметки по журналу выше отметок ВПР');
insert into analysis_sign (run_id, school_id, exam_year, procedure, subject, grade, sign, n, sign_value, threshold,
                           p_value, q_value, counted, evidence, explanation)
values ((select id from analysis_run), (select id from school where code = 'edu990002'), 2025, 'ВПР', 'Математика', 5,
        'THRESHOLD_HEAPING', 1, 1.5, 1.0, 0.04, 0.08, false, null, 'скопление работ у границ отметок');
insert into analysis_risk (run_id, school_id, exam_year, zone, score, signs, procedures, explanation,
                           internal_assessment, history, official, reconciliation)
values ((select id from analysis_run), (select id from school where code = 'edu990001'), 2025, 'red', 3.5,
        'JOURNAL_INFLATED', 'ВПР 5 кл., Математика', 'сильный признак подтверждён', '', '', true, 'both');
insert into analysis_risk (run_id, school_id, exam_year, zone, score, signs, procedures, explanation,
                           internal_assessment, history, official, reconciliation)
values ((select id from analysis_run), (select id from school where code = 'edu990002'), 2025, 'yellow', 1.5,
        'THRESHOLD_HEAPING', 'ВПР 5 кл., Математика', 'один признак', '', '', false, 'only_ours');
insert into analysis_risk (run_id, school_id, exam_year, zone, score, signs, procedures, explanation,
                           internal_assessment, history, official, reconciliation)
values ((select id from analysis_run), (select id from school where code = 'edu990003'), 2025, 'green', 0, '',
        'ОГЭ 9 кл., Русский язык', 'признаков нет', '', '', null, '');

insert into official_marker (import_id, school_id, exam_year, markers)
values ((select id from import_batch where file_name = 'bias.xlsx'), (select id from school where code = 'edu990001'),
        2025, 'М1 М3');
