package ru.msoko.app.imports;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.msoko.app.resultstore.ResultBlockRepository;
import ru.msoko.core.domain.ResultBlock;

/**
 * Keeps {@code result_summary} (the aggregates per import, procedure and school that the pages read through the
 * {@code result_stats} view) equal to what the stored results give, inside the transaction that changes them: an
 * import of results adds its own aggregates, counted in Java while its rows are written ({@link ResultSummaries});
 * an import or rollback that re-marks stored results (scales, corrections) recomputes all of them from the blocks. Aggregates
 * of years whose per-pupil rows the retention period deleted ({@code archived}) are never recomputed: nothing is left
 * to compute them from.
 */
@Component
public class ResultAggregates {

    /** Formats that change the marks of results already stored. */
    private static final Set<FileFormat> REMARKING = EnumSet.of(FileFormat.MARK_SCALES_CSV, FileFormat.GIA_SCALES_CSV,
            FileFormat.SCALE_CORRECTIONS_CSV);

    private static final String COLUMNS = """
            import_id, assessment_id, school_id, rows_total, participants, absent, primary_n, primary_sum, test_n,
            test_sum, mark2, mark3, mark4, mark5, passed, failed, winners, prize_winners""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    private final ResultBlockRepository blocks;

    ResultAggregates(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ResultBlockRepository blocks) {
        this.blocks = blocks;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * After an import was stored, in its transaction: a re-marking import recomputes everything. An import of results
     * has stored its own aggregates already ({@link #store}), from the rows it wrote.
     */
    void afterImport(long importId, FileFormat format) {
        if (REMARKING.contains(format)) {
            recomputeAll();
        }
    }

    /** Stores the aggregates a results import counted while writing its rows (one row per procedure × school). */
    void store(long importId, ResultSummaries summaries) {
        OffsetDateTime now = OffsetDateTime.now();
        List<Object[]> rows = summaries.all().stream().map(c -> new Object[] {importId, c.assessmentId, c.schoolId,
                c.rowsTotal, c.participants, c.absent, c.primaryN, c.primarySum, c.testN, c.testSum, c.marks[0],
                c.marks[1], c.marks[2], c.marks[3], c.passed, c.failed, c.winners, c.prizeWinners, now}).toList();
        jdbcTemplate.batchUpdate("insert into result_summary (" + COLUMNS + ", computed_at) values ("
                + "?, ".repeat(18) + "?)", rows);
    }

    /** Recomputes the aggregates of every result still stored per pupil, counted as an import counts them. */
    public void recomputeAll() {
        jdbc.sql("delete from result_summary where not archived").update();
        Map<Long, ResultSummaries> byImport = new TreeMap<>();
        blocks.forEach(block -> {
            ResultSummaries summaries = byImport.computeIfAbsent(block.importId(), id -> new ResultSummaries());
            for (ResultBlock.Row row : block.rows()) {
                summaries.add(block.assessmentId(), block.schoolId(), row.result());
            }
        });
        byImport.forEach(this::store);
    }
}
