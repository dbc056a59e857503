package ru.msoko.app.imports;

import ru.msoko.app.resultstore.BlockWriter;
import ru.msoko.app.resultstore.ResultBlockRepository;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.ResultBlock;

/**
 * Writes an import's results inside the caller's transaction as blocks per procedure × school
 * ({@link BlockWriter}), and counts their aggregates for {@code result_summary} on the way.
 */
final class ResultBatchWriter {

    /**
     * A result with its resolved database ids.
     *
     * @param markScaleId the scale the mark was computed from, {@code null} when the file gave it
     * @param giaScaleId the ГИА scale the mark or test score was computed from, {@code null} when the file gave it
     */
    record Row(long assessmentId, long schoolId, Result result, Long markScaleId, Long giaScaleId) {
    }

    private final BlockWriter blocks;
    private final ResultSummaries summaries = new ResultSummaries();

    ResultBatchWriter(ResultBlockRepository repository, long importId) {
        this.blocks = BlockWriter.of(repository, importId);
    }

    void add(Row row) {
        summaries.add(row.assessmentId(), row.schoolId(), row.result());
        blocks.add(row.assessmentId(), row.schoolId(),
                new ResultBlock.Row(row.result(), row.markScaleId(), row.giaScaleId()));
    }

    /** Stores what is still buffered; returns how many rows were written in all. */
    long flush() {
        return blocks.flush();
    }

    /** The aggregates of every row added so far, for {@code result_summary}. */
    ResultSummaries summaries() {
        return summaries;
    }
}
