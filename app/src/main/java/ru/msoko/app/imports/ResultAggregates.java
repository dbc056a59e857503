package ru.msoko.app.imports;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code result_summary} (the aggregates per import, procedure and school that the pages read through the
 * {@code result_stats} view) equal to what the stored results give, inside the transaction that changes them: an
 * import of results adds its own aggregates; an import or rollback that re-marks stored results (scales,
 * corrections) recomputes all of them. Aggregates of years whose per-pupil rows the retention period deleted
 * ({@code archived}) are never recomputed: nothing is left to compute them from.
 */
@Component
public class ResultAggregates {

    /** Formats that store results. */
    private static final Set<FileFormat> RESULTS = EnumSet.of(FileFormat.RESULTS_CSV, FileFormat.FISOKO_FORM,
            FileFormat.FISOKO_EXPORT_2021, FileFormat.FISOKO_EXPORT_2020, FileFormat.RCOI_GIA,
            FileFormat.OLYMPIAD_PROTOCOL, FileFormat.PASS_FAIL_LIST);
    /** Formats that change the marks of results already stored. */
    private static final Set<FileFormat> REMARKING = EnumSet.of(FileFormat.MARK_SCALES_CSV, FileFormat.GIA_SCALES_CSV,
            FileFormat.SCALE_CORRECTIONS_CSV);

    private static final String COLUMNS = """
            import_id, assessment_id, school_id, rows_total, participants, absent, primary_n, primary_sum, test_n,
            test_sum, mark2, mark3, mark4, mark5, passed, failed, winners, prize_winners""";

    private final JdbcClient jdbc;

    ResultAggregates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** After an import was stored, in its transaction. */
    void afterImport(long importId, FileFormat format) {
        if (REMARKING.contains(format)) {
            recomputeAll();
        } else if (RESULTS.contains(format)) {
            jdbc.sql("insert into result_summary (" + COLUMNS + ", computed_at) select " + COLUMNS
                            + ", :now from result_live_stats where import_id = :id")
                    .param("now", OffsetDateTime.now()).param("id", importId).update();
        }
    }

    /** Recomputes the aggregates of every result still stored per pupil. */
    public void recomputeAll() {
        jdbc.sql("delete from result_summary where not archived").update();
        jdbc.sql("insert into result_summary (" + COLUMNS + ", computed_at) select " + COLUMNS
                + ", :now from result_live_stats").param("now", OffsetDateTime.now()).update();
    }
}
