package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.StoredResults;
import ru.msoko.core.demo.DemoManifest;
import ru.msoko.core.demo.DemoRegionGenerator;
import ru.msoko.core.demo.DemoSettings;

/**
 * The aggregates a results import counts in Java while writing ({@link ResultSummaries}) are exactly what the former
 * SQL view {@code result_live_stats} (V23, dropped with the table {@code result} in V28) computed from the stored
 * rows, column by column — recomputed here by {@link #liveStats()} from the stored blocks; run on H2 and on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class ResultSummariesContract {

    @Autowired
    ImportService service;
    @Autowired
    ResultAggregates aggregates;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImportRollback rollback;
    @TempDir
    Path dir;

    @BeforeEach
    void clean() {
        DatabaseState.clear(jdbc);
    }

    /** Every column of every (import, procedure, school) aggregate, one line each, in key order. */
    private List<String> rows(String table) {
        return jdbc.sql("select import_id, assessment_id, school_id, rows_total, participants, absent, primary_n, "
                        + "primary_sum, test_n, test_sum, mark2, mark3, mark4, mark5, passed, failed, winners, "
                        + "prize_winners from " + table + " order by 1, 2, 3")
                .query((rs, n) -> {
                    StringBuilder line = new StringBuilder();
                    for (int c = 1; c <= 18; c++) {
                        line.append(c == 8 || c == 10 ? String.valueOf(rs.getDouble(c)) : String.valueOf(rs.getLong(c)))
                                .append(c < 18 ? " " : "");
                    }
                    return line.toString();
                }).list();
    }

    /**
     * What the view {@code result_live_stats} of V23 gave, in the lines of {@link #rows}: per import, procedure and
     * school, count(*), the absent and not absent, count and sum of primary and test scores of those not absent, and of
     * every row the marks 2–5, passed true/false and the olympiad statuses WINNER and PRIZE_WINNER.
     */
    private List<String> liveStats() {
        List<String> out = new ArrayList<>();
        for (StoredResults.Aggregate a : StoredResults.aggregates(jdbc)) {
            List<Object> line = new ArrayList<>(List.of(a.importId(), a.assessmentId(), a.schoolId(), a.rowsTotal(),
                    a.participants(), a.absent(), a.primaryN(), a.primarySum(), a.testN(), a.testSum()));
            for (long m : a.marks()) {
                line.add(m);
            }
            line.addAll(List.of(a.passed(), a.failed(), a.winners(), a.prizeWinners()));
            out.add(String.join(" ", line.stream().map(String::valueOf).toList()));
        }
        return out;
    }

    private long sum(String column) {
        return jdbc.sql("select coalesce(sum(" + column + "), 0) from result_summary").query(Long.class).single();
    }

    private static void imported(ImportOutcome o) {
        assertThat(o).as(o.summary()).isInstanceOf(ImportOutcome.Imported.class);
    }

    @Test
    void theCountsOfASmallDemoRegionEqualTheViewOverTheStoredRows() throws Exception {
        DemoManifest demo = new DemoRegionGenerator(DemoSettings.standard().withSchools(8)).writeTo(dir.resolve("demo"));
        List<Path> files = new ArrayList<>(List.of(demo.schoolsFile()));
        files.addAll(demo.resultFiles());
        for (Path f : files) {
            imported(service.importFile(f, f.getFileName().toString(), "test", ImportOptions.STRICT));
        }

        List<String> counted = rows("result_summary");
        assertThat(counted).isNotEmpty().isEqualTo(liveStats());
        // not a comparison of empty columns: the demo has absent pupils, marks, ЕГЭ test scores and olympiad winners
        assertThat(sum("rows_total")).isEqualTo(StoredResults.count(jdbc));
        assertThat(sum("absent")).isPositive();
        assertThat(sum("test_n")).isPositive();
        assertThat(sum("mark2") * sum("mark5")).isPositive();
        assertThat(sum("winners") * sum("prize_winners")).isPositive();

        // and a recomputation from the rows (what a scale import or a rollback does) gives the same
        aggregates.recomputeAll();
        assertThat(rows("result_summary")).isEqualTo(counted);
    }

    @Test
    void rowsLeftOutOfAFileAreNotCountedAndMarksFromTheFileAreCountedAsStored() {
        imported(service.importFile(Fixtures.write(dir, "schools.csv", Fixtures.SCHOOLS), "schools.csv", "test",
                ImportOptions.STRICT));
        // Fixtures.RESULTS with two bad rows (40002: text in a score cell; 40005: mark 7), left out with skip-invalid-rows
        String results = Fixtures.RESULTS.replace("40002;А;ж;2;0;1;X;3;4", "40002;А;ж;2;0;один;X;3;4")
                .replace("40005;А;м;1;0;0;0;2;3", "40005;А;м;1;0;0;0;7;3");
        ImportOptions skip = new ImportOptions(false, null, true);
        imported(service.importFile(Fixtures.write(dir, "results.csv", results), "results.csv", "test", skip));

        assertThat(rows("result_summary")).hasSize(2).isEqualTo(liveStats());
        // by hand from Fixtures.RESULTS without 40002 and 40005: edu220001 keeps 40001 (mark 5, 1+2+1 = 4 points) and
        // 40003 (mark 4, 1+1+0 = 2); edu220002 keeps 40004 (sch220002, mark 4, 1+2+0 = 3) and 40006 (absent)
        assertThat(rows("result_summary")).extracting(line -> line.substring(line.indexOf(' ', line.indexOf(' ',
                line.indexOf(' ') + 1) + 1) + 1)).containsExactly(
                "2 2 0 2 6.0 0 0.0 0 0 1 1 0 0 0 0",
                "2 1 1 1 3.0 0 0.0 0 0 1 0 0 0 0 0");
    }

    /** When each aggregate row was computed, by its key: a recomputation writes them all again. */
    private List<String> computedAt() {
        return jdbc.sql("select import_id || ' ' || assessment_id || ' ' || school_id || ' ' || computed_at "
                + "from result_summary order by import_id, assessment_id, school_id").query(String.class).list();
    }

    @Test
    void rollingBackAResultsFileTakesAwayItsAggregatesAndLeavesTheOthersUntouched() throws Exception {
        DemoManifest demo = new DemoRegionGenerator(DemoSettings.standard().withSchools(8)).writeTo(dir.resolve("demo"));
        imported(service.importFile(demo.schoolsFile(), "schools.csv", "test", ImportOptions.STRICT));
        List<Long> batches = new ArrayList<>();
        for (Path f : demo.resultFiles().subList(0, 3)) {
            ImportOutcome o = service.importFile(f, f.getFileName().toString(), "test", ImportOptions.STRICT);
            imported(o);
            batches.add(((ImportOutcome.Imported) o).batchId());
        }
        long gone = batches.get(1);
        String prefix = gone + " ";
        List<String> others = rows("result_summary").stream().filter(l -> !l.startsWith(prefix)).toList();
        List<String> othersComputed = computedAt().stream().filter(l -> !l.startsWith(prefix)).toList();
        assertThat(rows("result_summary")).hasSizeGreaterThan(others.size());

        assertThat(rollback.rollback(gone, "test", false)).isInstanceOf(ImportRollback.Outcome.RolledBack.class);

        assertThat(rows("result_summary")).isEqualTo(others).isEqualTo(liveStats());
        // not recomputed: a rollback that changes no stored mark does not read every stored result again
        assertThat(computedAt()).isEqualTo(othersComputed);
    }

    @Test
    void rollingBackAScaleRecountsTheMarksItTookAway() {
        imported(service.importFile(Fixtures.write(dir, "schools.csv", Fixtures.SCHOOLS), "schools.csv", "test",
                ImportOptions.STRICT));
        imported(service.importFile(Fixtures.write(dir, "results.csv", """
                procedure;year;subject;grade;school_code;participant;primary_score
                ВПР;2025;Математика;5;edu220003;40007;1
                ВПР;2025;Математика;5;edu220003;40008;4
                """), "results.csv", "test", ImportOptions.STRICT));
        ImportOutcome scale = service.importFile(Fixtures.write(dir, "scales.csv", """
                year,grade,subject,max_primary,mark2_from,mark2_to,mark3_from,mark3_to,mark4_from,mark4_to,mark5_from,mark5_to,source,note
                2025,5,Математика,4,0,0,1,1,2,3,4,4,test,
                """), "scales.csv", "test", ImportOptions.STRICT);
        imported(scale);
        // primary 1 → «3», primary 4 → «5» (the scale above)
        assertThat(sum("mark3")).isEqualTo(1);
        assertThat(sum("mark5")).isEqualTo(1);

        rollback.rollback(((ImportOutcome.Imported) scale).batchId(), "test", false);

        assertThat(sum("mark3") + sum("mark5")).isZero();
        assertThat(rows("result_summary")).hasSize(1).isEqualTo(liveStats());
    }
}
