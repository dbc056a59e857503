package ru.msoko.app.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.resultstore.ResultBlockRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msoko.app.audit.Action;
import ru.msoko.app.audit.Auditor;
import ru.msoko.app.audit.Outcome;
import ru.msoko.app.imports.ResultAggregates;

/**
 * Deletes pupil-level data older than the retention period while keeping its aggregates (issue #6, 152-ФЗ art. 5
 * part 7: personal data are kept no longer than their purpose needs). A year is archived as a whole: its result rows
 * are deleted and their {@code result_summary} rows (one per import, procedure and school) stay, and the problem
 * lists of files rejected before the next year began are deleted (a problem may quote a cell of the file). The aggregates themselves are
 * kept with every import ({@link ResultAggregates}); archiving marks them as the only record left. One
 * transaction, so a crash leaves either the old state or the archived one.
 */
@Service
public class Retention {

    /** Per-pupil rows of one procedure year that the period would archive. */
    public record YearToArchive(int year, long rows, long schools, long imports) {
    }

    /** What a run would do or did. */
    public record Plan(int keepYears, int lastArchivedYear, List<YearToArchive> years, long rejectionProblems) {
        public long rows() {
            return years.stream().mapToLong(YearToArchive::rows).sum();
        }

        public boolean isEmpty() {
            return years.isEmpty() && rejectionProblems == 0;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Auditor auditor;
    private final ResultAggregates aggregates;
    private final ResultBlockRepository blocks;

    Retention(JdbcClient jdbc, java.util.Optional<Clock> clock, Auditor auditor, ResultAggregates aggregates,
              ResultBlockRepository blocks) {
        this.aggregates = aggregates;
        this.blocks = blocks;
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.auditor = auditor;
    }

    /**
     * What keeping {@code keepYears} years would archive: procedure years up to {@code current year − keepYears}, so
     * with 5 years in 2026 the years 2021 and earlier.
     */
    @Transactional(readOnly = true)
    public Plan plan(int keepYears) {
        int last = lastArchivedYear(keepYears);
        List<YearToArchive> years = jdbc.sql("""
                select a.exam_year, sum(r.row_count), count(distinct r.school_id), count(distinct r.import_id)
                from result_block r join assessment a on a.id = r.assessment_id
                where a.exam_year <= :last
                group by a.exam_year order by a.exam_year""")
                .param("last", last)
                .query((rs, n) -> new YearToArchive(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
        long problems = jdbc.sql("""
                select count(*) from import_rejection_problem p join import_rejection j on j.id = p.rejection_id
                where j.attempted_at < :before""")
                .param("before", startOfYearAfter(last)).query(Long.class).single();
        return new Plan(keepYears, last, years, problems);
    }

    /**
     * Archives what {@link #plan} lists, in one transaction, and returns that plan; the audit log records it.
     *
     * @param user who runs it: {@code cli:<os user>}, or {@link RetentionSchedule#SYSTEM} for the nightly run
     */
    @Transactional
    public Plan apply(int keepYears, String user) {
        Plan plan = plan(keepYears);
        if (plan.isEmpty()) {
            return plan;
        }
        auditor.record(user, Auditor.What.of(Action.RETENTION, "retention", plan.lastArchivedYear(),
                "срок " + keepYears + " лет: записи участников за " + plan.lastArchivedYear() + " год и ранее ("
                        + plan.rows() + ") заменены итогами, удалены строки ошибок отклонённых файлов ("
                        + plan.rejectionProblems() + ")", Outcome.OK));
        OffsetDateTime now = OffsetDateTime.now(clock);
        // the aggregates are kept with every import; recomputed here once more so that what stays is exactly what
        // the deleted rows gave, then marked as the only record of those years
        aggregates.recomputeAll();
        jdbc.sql("""
                update result_summary set archived = true, computed_at = :now
                where assessment_id in (select id from assessment where exam_year <= :last)""")
                .param("now", now).param("last", plan.lastArchivedYear()).update();
        blocks.deleteUpToYear(plan.lastArchivedYear());
        OffsetDateTime before = startOfYearAfter(plan.lastArchivedYear());
        jdbc.sql("""
                delete from import_rejection_problem
                where rejection_id in (select id from import_rejection where attempted_at < :before)""")
                .param("before", before).update();
        jdbc.sql("""
                update import_rejection set problems_deleted_at = :now
                where attempted_at < :before and problems_deleted_at is null""")
                .param("now", now).param("before", before).update();
        return plan;
    }

    private int lastArchivedYear(int keepYears) {
        if (keepYears < 1) {
            throw new IllegalArgumentException("срок хранения должен быть не меньше 1 года, указано: " + keepYears);
        }
        return LocalDate.now(clock).getYear() - keepYears;
    }

    private static OffsetDateTime startOfYearAfter(int year) {
        return OffsetDateTime.of(year + 1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    }
}
