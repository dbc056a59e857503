package ru.msoko.app.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import ru.msoko.core.domain.Result;

/**
 * Writes results inside the caller's transaction: on H2 in JDBC batches, on PostgreSQL with {@code COPY … FROM
 * STDIN}, which takes the rows as one CSV stream instead of one statement execution each (stack.md §3.4).
 */
final class ResultBatchWriter {

    private static final int BATCH = 5000;
    private static final String COLUMNS = "import_id, assessment_id, school_id, participant, taken_on, class_label, "
            + "gender, variant, absent, tasks, primary_score, test_score, mark, passed, journal_mark, annual_mark, ovz, "
            + "repeater, medal_candidate, observed, olympiad_status, max_score, rechecked_score, mark_scale_id, "
            + "gia_scale_id";
    /** The SQL type of each column, in the order of {@link #COLUMNS} and {@link Row#values}. */
    private static final int[] TYPES = {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.DATE,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR, Types.DOUBLE, Types.DOUBLE,
            Types.SMALLINT, Types.BOOLEAN, Types.SMALLINT, Types.SMALLINT, Types.BOOLEAN, Types.BOOLEAN, Types.BOOLEAN,
            Types.BOOLEAN, Types.VARCHAR, Types.DOUBLE, Types.DOUBLE, Types.BIGINT, Types.BIGINT};
    private static final String INSERT = "insert into result (" + COLUMNS + ") values ("
            + "?, ".repeat(TYPES.length - 1) + "?)";
    private static final String COPY = "copy result (" + COLUMNS + ") from stdin (format csv)";

    /**
     * A result with its resolved database ids.
     *
     * @param markScaleId the scale the mark was computed from, {@code null} when the file gave it
     * @param giaScaleId the ГИА scale the mark or test score was computed from, {@code null} when the file gave it
     */
    record Row(long assessmentId, long schoolId, Result result, Long markScaleId, Long giaScaleId) {

        /** The column values in the order of {@link #COLUMNS}; {@code null} is SQL NULL. */
        Object[] values(long importId) {
            Result r = result;
            return new Object[] {importId, assessmentId, schoolId, r.participant(),
                    r.date() == null ? null : Date.valueOf(r.date()), r.classLabel(),
                    r.gender() == null ? null : r.gender().label(), r.variant(), r.absent(),
                    r.tasks() == null ? null : r.tasks().pack(), r.primaryScore(), r.testScore(), r.mark(), r.passed(),
                    r.journalMark(), r.annualMark(), r.flags().ovz(), r.flags().repeater(), r.flags().medalCandidate(),
                    r.flags().observed(), r.status() == null ? null : r.status().name(), r.maxScore(),
                    r.recheckedScore(), markScaleId, giaScaleId};
        }
    }

    private final JdbcTemplate jdbc;
    private final DataSource copyTarget;
    private final long importId;
    private final List<Row> buffer = new ArrayList<>(BATCH);
    private final ResultSummaries summaries = new ResultSummaries();
    private long written;

    /** @param postgres write with {@code COPY} (the connection must be PostgreSQL's) */
    ResultBatchWriter(JdbcTemplate jdbc, long importId, boolean postgres) {
        this.jdbc = jdbc;
        this.copyTarget = postgres ? jdbc.getDataSource() : null;
        this.importId = importId;
    }

    void add(Row row) {
        summaries.add(row.assessmentId(), row.schoolId(), row.result());
        buffer.add(row);
        if (buffer.size() == BATCH) {
            flush();
        }
    }

    long flush() {
        if (!buffer.isEmpty()) {
            if (copyTarget == null) {
                jdbc.batchUpdate(INSERT, new Setter(buffer, importId));
            } else {
                copy();
            }
            written += buffer.size();
            buffer.clear();
        }
        return written;
    }

    /** The aggregates of every row added so far, for {@code result_summary}. */
    ResultSummaries summaries() {
        return summaries;
    }

    /** One {@code COPY} per batch through the transaction's own connection, so a rollback takes these rows too. */
    private void copy() {
        StringBuilder csv = new StringBuilder(buffer.size() * 160);
        for (Row row : buffer) {
            appendCsv(csv, row.values(importId));
        }
        Connection c = DataSourceUtils.getConnection(copyTarget);
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(csv.toString()));
        } catch (SQLException e) {
            throw jdbc.getExceptionTranslator().translate("COPY result", COPY, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(c, copyTarget);
        }
    }

    /**
     * One CSV line of {@code COPY … (format csv)}: an unquoted empty field is NULL, text is always quoted (so an
     * empty string stays an empty string), booleans are {@code t}/{@code f}.
     */
    static void appendCsv(StringBuilder csv, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object v = values[i];
            if (v instanceof String s) {
                csv.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else if (v instanceof Boolean b) {
                csv.append(b ? 't' : 'f');
            } else if (v != null) {
                csv.append(v);
            }
        }
        csv.append('\n');
    }

    private record Setter(List<Row> rows, long importId) implements BatchPreparedStatementSetter {
        @Override
        public void setValues(PreparedStatement ps, int i) throws SQLException {
            Object[] values = rows.get(i).values(importId);
            for (int c = 0; c < values.length; c++) {
                Object v = values[c];
                if (v == null) {
                    ps.setNull(c + 1, TYPES[c]);
                } else if (TYPES[c] == Types.SMALLINT) {
                    ps.setShort(c + 1, ((Integer) v).shortValue());
                } else {
                    ps.setObject(c + 1, v, TYPES[c]);
                }
            }
        }

        @Override
        public int getBatchSize() {
            return rows.size();
        }
    }
}
