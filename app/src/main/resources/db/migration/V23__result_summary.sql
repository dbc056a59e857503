-- Retention (issue #6): pupil-level rows older than the retention period are replaced by their aggregates per
-- import, procedure and school. Pages read result and result_summary together, so an archived year still shows
-- its participants, means and mark distribution; only the per-pupil rows (pseudonymous keys, task scores) go.
create table result_summary (
    import_id      bigint           not null,
    assessment_id  bigint           not null references assessment (id),
    school_id      bigint           not null references school (id),
    rows_total     bigint           not null,
    participants   bigint           not null,
    absent         bigint           not null,
    primary_n      bigint           not null,
    primary_sum    double precision not null,
    test_n         bigint           not null,
    test_sum       double precision not null,
    mark2          bigint           not null,
    mark3          bigint           not null,
    mark4          bigint           not null,
    mark5          bigint           not null,
    passed         bigint           not null,
    failed         bigint           not null,
    winners        bigint           not null,
    prize_winners  bigint           not null,
    archived_at    timestamp with time zone not null,
    primary key (assessment_id, school_id, import_id)
);

-- Problems of rejected files may quote a cell of the file; they are deleted with the pupil-level data.
alter table import_rejection add column problems_deleted_at timestamp with time zone;

-- The same aggregates computed from the stored rows, per import, procedure and school ...
create view result_live_stats as
select r.import_id, r.assessment_id, r.school_id,
       count(*) as rows_total,
       count(*) filter (where not r.absent) as participants,
       count(*) filter (where r.absent) as absent,
       count(r.primary_score) filter (where not r.absent) as primary_n,
       coalesce(sum(r.primary_score) filter (where not r.absent), 0) as primary_sum,
       count(r.test_score) filter (where not r.absent) as test_n,
       coalesce(sum(r.test_score) filter (where not r.absent), 0) as test_sum,
       count(*) filter (where r.mark = 2) as mark2,
       count(*) filter (where r.mark = 3) as mark3,
       count(*) filter (where r.mark = 4) as mark4,
       count(*) filter (where r.mark = 5) as mark5,
       count(*) filter (where r.passed = true) as passed,
       count(*) filter (where r.passed = false) as failed,
       count(*) filter (where r.olympiad_status = 'WINNER') as winners,
       count(*) filter (where r.olympiad_status = 'PRIZE_WINNER') as prize_winners
from result r
group by r.import_id, r.assessment_id, r.school_id;

-- ... and both together: what every page that shows counts, means and marks reads.
create view result_stats as
select import_id, assessment_id, school_id, rows_total, participants, absent, primary_n, primary_sum, test_n,
       test_sum, mark2, mark3, mark4, mark5, passed, failed, winners, prize_winners
from result_live_stats
union all
select import_id, assessment_id, school_id, rows_total, participants, absent, primary_n, primary_sum, test_n,
       test_sum, mark2, mark3, mark4, mark5, passed, failed, winners, prize_winners
from result_summary;
