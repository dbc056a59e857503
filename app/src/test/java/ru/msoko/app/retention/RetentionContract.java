package ru.msoko.app.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.imports.ImportOutcome;
import ru.msoko.app.imports.ImportRollback;
import ru.msoko.app.imports.ImportService;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.StoredResults;
import ru.msoko.app.support.Fixtures;

/** The retention period on H2 and PostgreSQL (subclasses): old pupil rows become aggregates, nothing else moves. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@org.springframework.context.annotation.Import(RetentionContract.FixedClock.class)
abstract class RetentionContract {

    /**
     * ВПР 2019: edu220001 has two works (primary scores 1+2 = 3 and 0+1 = 1, marks 5 and 3), edu220003 one absent
     * pupil. So the 2019 aggregates are, per school: 2 rows, 2 participants, mean primary 2.0, one «5» and one «3»;
     * and 1 row, 0 participants, 1 absent, no mean.
     */
    static final String OLD = """
            procedure;year;subject;grade;school_code;participant;variant;1 (1б);2 (2б);mark
            ВПР;2019;Математика;5;edu220001;19001;1;1;2;5
            ВПР;2019;Математика;5;edu220001;19002;2;0;1;3
            ВПР;2019;Математика;5;edu220003;19003;отсутствовал;;;
            """;

    /** The period is applied on 1 June 2026: keeping 5 years archives 2021 and earlier. */
    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    ImportService imports;
    @Autowired
    ImportRollback rollback;
    @Autowired
    Retention retention;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    long oldImport;

    @BeforeEach
    void load() {
        DatabaseState.clear(jdbc);
        load("schools.csv", Fixtures.SCHOOLS);
        load("results.csv", Fixtures.RESULTS);
        oldImport = ((ImportOutcome.Imported) load("old.csv", OLD)).batchId();
    }

    private ImportOutcome load(String name, String content) {
        ImportOutcome outcome = imports.importFile(Fixtures.write(dir, name, content), name, "test", ImportOptions.STRICT);
        assertThat(outcome).as(name).isInstanceOf(ImportOutcome.Imported.class);
        return outcome;
    }

    /** Per procedure and school, what the pages read: participants, absent, mean primary score, marks 2–5. */
    private List<String> pageAggregates() {
        return jdbc.sql("""
                select a.exam_year, s.code, sum(v.rows_total), sum(v.participants), sum(v.absent),
                       sum(v.primary_sum) / nullif(sum(v.primary_n), 0), sum(v.mark2), sum(v.mark3), sum(v.mark4),
                       sum(v.mark5)
                from result_stats v join assessment a on a.id = v.assessment_id join school s on s.id = v.school_id
                group by a.exam_year, s.code order by a.exam_year, s.code""")
                .query((rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " rows=" + rs.getLong(3) + " present="
                        + rs.getLong(4) + " absent=" + rs.getLong(5) + " mean=" + rs.getObject(6, Double.class) + " marks="
                        + rs.getLong(7) + "/" + rs.getLong(8) + "/" + rs.getLong(9) + "/" + rs.getLong(10))
                .list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void thePlanListsTheOldYearAndChangesNothing() {
        Map<String, String> before = DatabaseState.fingerprint(jdbc);
        Retention.Plan plan = retention.plan(5);
        assertThat(plan.lastArchivedYear()).isEqualTo(2021);
        assertThat(plan.years()).containsExactly(new Retention.YearToArchive(2019, 3, 2, 1));
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
    }

    @Test
    void archivingKeepsEveryAggregateAndDropsThePupilRows() {
        List<String> before = pageAggregates();
        assertThat(before).contains("2019 edu220001 rows=2 present=2 absent=0 mean=2.0 marks=0/1/0/1",
                "2019 edu220003 rows=1 present=0 absent=1 mean=null marks=0/0/0/0");

        Retention.Plan done = retention.apply(5, "test");

        assertThat(done.rows()).isEqualTo(3);
        assertThat(pageAggregates()).isEqualTo(before);
        assertThat(StoredResults.count(jdbc, r -> r.year() == 2019)).isZero();
        assertThat(count("""
                select count(*) from result_block r join assessment a on a.id = r.assessment_id
                where a.exam_year = 2019""")).isZero();
        assertThat(StoredResults.count(jdbc, r -> r.participant().contains("1900"))).isZero();
        // ВПР 2025 (6 rows of Fixtures.RESULTS) stays per pupil
        assertThat(StoredResults.count(jdbc)).isEqualTo(6);
        // aggregates of both years stay; those of 2019 are now the only record (2 schools), 2025 has 2 schools too
        assertThat(count("select count(*) from result_summary")).isEqualTo(4);
        assertThat(count("select count(*) from result_summary where archived")).isEqualTo(2);
        assertThat(retention.plan(5).isEmpty()).as("a second run has nothing to do").isTrue();
        assertThat(jdbc.sql("select username, object_id from audit_event where action = 'RETENTION'")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list()).containsExactly("test 2021");
    }

    @Test
    void problemListsOfFilesRejectedBeforeTheKeptYearsAreDeleted() {
        ImportOutcome bad = imports.importFile(Fixtures.write(dir, "bad.csv", """
                procedure;year;subject;grade;school_code;participant;mark
                ВПР;2025;Математика;7;edu999999;70001;5
                ВПР;2025;Математика;7;edu220001;70002;7
                """), "bad.csv", "test", ImportOptions.STRICT);
        assertThat(bad).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(count("select count(*) from import_rejection_problem")).isEqualTo(2);
        assertThat(retention.plan(5).rejectionProblems()).as("attempted this year: kept").isZero();

        jdbc.sql("update import_rejection set attempted_at = :t").param("t", java.time.OffsetDateTime.parse("2021-03-01T09:00:00Z")).update();
        assertThat(retention.apply(5, "test").rejectionProblems()).isEqualTo(2);

        assertThat(count("select count(*) from import_rejection_problem")).isZero();
        assertThat(count("select count(*) from import_rejection where problems_deleted_at is not null")).isEqualTo(1);
    }

    @Test
    void rollingBackAnArchivedImportRemovesItsAggregates() {
        retention.apply(5, "test");
        assertThat(rollback.rollback(oldImport, "test", false)).isInstanceOf(ImportRollback.Outcome.RolledBack.class);
        assertThat(count("select count(*) from result_summary where import_id = " + oldImport)).isZero();
        assertThat(count("select count(*) from result_summary where archived")).isZero();
        assertThat(pageAggregates()).noneMatch(line -> line.startsWith("2019"));
    }

    /** Every (import, procedure, school) aggregate as the stored rows give it now (StoredResults.aggregates). */
    private List<String> liveFromRows() {
        return StoredResults.aggregates(jdbc).stream().map(a -> a.importId() + "/" + a.assessmentId() + "/"
                + a.schoolId() + " " + a.rowsTotal() + " " + a.participants() + " " + a.absent() + " " + a.primaryN()
                + " " + a.primarySum() + " " + a.marks()[0] + a.marks()[1] + a.marks()[2] + a.marks()[3]).toList();
    }

    /** Every stored (import, procedure, school) aggregate of the table. */
    private List<String> live(String table) {
        return jdbc.sql("select import_id, assessment_id, school_id, rows_total, participants, absent, primary_n, "
                        + "primary_sum, mark2, mark3, mark4, mark5 from " + table + " order by 1, 2, 3")
                .query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3) + " " + rs.getLong(4) + " "
                        + rs.getLong(5) + " " + rs.getLong(6) + " " + rs.getLong(7) + " " + rs.getDouble(8) + " "
                        + rs.getLong(9) + rs.getLong(10) + rs.getLong(11) + rs.getLong(12)).list();
    }

    @Test
    void theStoredAggregatesFollowEveryImportAndRollback() {
        assertThat(live("result_summary")).hasSize(4).isEqualTo(liveFromRows());
        long latest = count("select max(id) from import_batch where file_name = 'results.csv'");
        assertThat(rollback.rollback(latest, "test", false)).isInstanceOf(ImportRollback.Outcome.RolledBack.class);
        assertThat(live("result_summary")).hasSize(2).isEqualTo(liveFromRows());
    }

    @Test
    void aPeriodShorterThanOneYearIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> retention.plan(0))
                .hasMessageContaining("не меньше 1 года");
    }
}
