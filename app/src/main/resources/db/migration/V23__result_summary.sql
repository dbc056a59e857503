-- Aggregates of the results per import, procedure and school, kept with every import (issues #6 and #7): the pages
-- read these few thousand rows instead of aggregating every result on each view (50 concurrent users exhausted the
-- connection pool otherwise, bench/soak.sh), and the retention period deletes the per-pupil rows of old years while
-- these stay (archived = true), so an archived year still shows its participants, means and mark distribution.
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
    computed_at    timestamp with time zone not null,
    archived       boolean          not null default false,
    primary key (assessment_id, school_id, import_id)
);

-- Problems of rejected files may quote a cell of the file; they are deleted with the pupil-level data.
alter table import_rejection add column problems_deleted_at timestamp with time zone;

-- The aggregates computed from the stored rows, per import, procedure and school ...
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

-- ... what every page that shows counts, means and marks reads (imports.ResultAggregates keeps it up to date) ...
create view result_stats as
select import_id, assessment_id, school_id, rows_total, participants, absent, primary_n, primary_sum, test_n,
       test_sum, mark2, mark3, mark4, mark5, passed, failed, winners, prize_winners
from result_summary;

-- ... and the results already stored.
insert into result_summary (import_id, assessment_id, school_id, rows_total, participants, absent, primary_n,
    primary_sum, test_n, test_sum, mark2, mark3, mark4, mark5, passed, failed, winners, prize_winners, computed_at)
select import_id, assessment_id, school_id, rows_total, participants, absent, primary_n, primary_sum, test_n,
       test_sum, mark2, mark3, mark4, mark5, passed, failed, winners, prize_winners, current_timestamp
from result_live_stats;
