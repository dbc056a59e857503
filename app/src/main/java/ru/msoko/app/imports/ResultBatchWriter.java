package ru.msoko.app.imports;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.msoko.core.domain.Result;

/** Writes results in JDBC batches inside the caller's transaction. */
final class ResultBatchWriter {

    private static final int BATCH = 5000;
    private static final String INSERT = """
            insert into result (import_id, assessment_id, school_id, participant, taken_on, class_label, gender,
                variant, absent, tasks, primary_score, test_score, mark, passed, journal_mark, annual_mark, ovz,
                repeater, medal_candidate, observed, olympiad_status, max_score, rechecked_score, mark_scale_id,
                gia_scale_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /**
     * A result with its resolved database ids.
     *
     * @param markScaleId the scale the mark was computed from, {@code null} when the file gave it
     * @param giaScaleId the ГИА scale the mark or test score was computed from, {@code null} when the file gave it
     */
    record Row(long assessmentId, long schoolId, Result result, Long markScaleId, Long giaScaleId) {
    }

    private final JdbcTemplate jdbc;
    private final long importId;
    private final List<Row> buffer = new ArrayList<>(BATCH);
    private long written;

    ResultBatchWriter(JdbcTemplate jdbc, long importId) {
        this.jdbc = jdbc;
        this.importId = importId;
    }

    void add(Row row) {
        buffer.add(row);
        if (buffer.size() == BATCH) {
            flush();
        }
    }

    long flush() {
        if (!buffer.isEmpty()) {
            jdbc.batchUpdate(INSERT, new Setter(buffer, importId));
            written += buffer.size();
            buffer.clear();
        }
        return written;
    }

    private record Setter(List<Row> rows, long importId) implements BatchPreparedStatementSetter {
        @Override
        public void setValues(PreparedStatement ps, int i) throws SQLException {
            Row row = rows.get(i);
            Result r = row.result();
            ps.setLong(1, importId);
            ps.setLong(2, row.assessmentId());
            ps.setLong(3, row.schoolId());
            ps.setString(4, r.participant());
            ps.setDate(5, r.date() == null ? null : Date.valueOf(r.date()));
            ps.setString(6, r.classLabel());
            ps.setString(7, r.gender() == null ? null : r.gender().label());
            ps.setString(8, r.variant());
            ps.setBoolean(9, r.absent());
            ps.setString(10, r.tasks() == null ? null : r.tasks().pack());
            setDouble(ps, 11, r.primaryScore());
            setDouble(ps, 12, r.testScore());
            setShort(ps, 13, r.mark());
            if (r.passed() == null) {
                ps.setNull(14, Types.BOOLEAN);
            } else {
                ps.setBoolean(14, r.passed());
            }
            setShort(ps, 15, r.journalMark());
            setShort(ps, 16, r.annualMark());
            ps.setBoolean(17, r.flags().ovz());
            ps.setBoolean(18, r.flags().repeater());
            ps.setBoolean(19, r.flags().medalCandidate());
            ps.setBoolean(20, r.flags().observed());
            ps.setString(21, r.status() == null ? null : r.status().name());
            setDouble(ps, 22, r.maxScore());
            setDouble(ps, 23, r.recheckedScore());
            setLong(ps, 24, row.markScaleId());
            setLong(ps, 25, row.giaScaleId());
        }

        @Override
        public int getBatchSize() {
            return rows.size();
        }

        private static void setDouble(PreparedStatement ps, int i, Double d) throws SQLException {
            if (d == null) {
                ps.setNull(i, Types.DOUBLE);
            } else {
                ps.setDouble(i, d);
            }
        }

        private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
            if (v == null) {
                ps.setNull(i, Types.BIGINT);
            } else {
                ps.setLong(i, v);
            }
        }

        private static void setShort(PreparedStatement ps, int i, Integer v) throws SQLException {
            if (v == null) {
                ps.setNull(i, Types.SMALLINT);
            } else {
                ps.setShort(i, v.shortValue());
            }
        }
    }
}
