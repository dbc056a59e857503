package ru.msoko.app.resultstore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.msoko.app.system.DatabaseKind;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.ResultBlock;

/**
 * The stored results: one {@code result_block} row per import × procedure × school (or part of a school's rows),
 * its participants encoded by {@link ResultBlock} (issue #4, V28). Everything that reads or changes pupils' results
 * goes through here; aggregates for the pages are in {@code result_summary}. Statements are fixed: selections differ
 * only in their parameters.
 */
@Repository
public class ResultBlockRepository {

    /** Rows (in whole blocks) inserted per JDBC batch: a batch is sent once it holds at least this many. */
    public static final int BATCH_ROWS = 5000;
    private static final int FETCH_SIZE = 100;
    /** How long an import waits for another import into the same procedure to end. */
    static final int IMPORT_LOCK_WAIT_MS = 15 * 60 * 1000;

    private static final String SELECT = """
            select b.id, b.import_id, b.assessment_id, b.school_id, b.row_count, b.data, s.code, a.kind, a.exam_year,
                   sub.code, sub.name, a.grade, a.task_layout
            from result_block b join school s on s.id = b.school_id join assessment a on a.id = b.assessment_id
            join subject sub on sub.id = a.subject_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    private final boolean postgres;

    ResultBlockRepository(DataSource dataSource, JdbcTemplate jdbcTemplate, DatabaseKind kind) {
        this.postgres = kind.isPostgres();
        // blocks are read a hundred at a time: PostgreSQL would otherwise hold a whole region's results at once
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(streaming);
        this.jdbcTemplate = jdbcTemplate;
    }

    /** A writer of new blocks inside the caller's transaction. */
    public Inserter inserter(long importId) {
        return new Inserter(importId);
    }

    /** The blocks of one procedure, in the order they were written. */
    public void forEachOfAssessment(long assessmentId, Consumer<StoredBlock> action) {
        jdbc.sql(SELECT + "where b.assessment_id = :id order by b.id").param("id", assessmentId)
                .query(rs -> {
                    action.accept(StoredBlock.of(rs));
                });
    }

    /** The blocks of one school, in the order they were written. */
    public void forEachOfSchool(long schoolId, Consumer<StoredBlock> action) {
        jdbc.sql(SELECT + "where b.school_id = :id order by b.id").param("id", schoolId)
                .query(rs -> {
                    action.accept(StoredBlock.of(rs));
                });
    }

    /** The blocks of procedures of these kinds (the ГИА scales re-mark them). */
    public void forEachOfKinds(Collection<ProcedureKind> kinds, Consumer<StoredBlock> action) {
        jdbc.sql(SELECT + "where a.kind in (:kinds) order by b.id")
                .param("kinds", kinds.stream().map(Enum::name).toList())
                .query(rs -> {
                    action.accept(StoredBlock.of(rs));
                });
    }

    /** The blocks of one procedure, found by its key (subject by code). */
    public void forEachOfProcedure(Procedure.Key key, Consumer<StoredBlock> action) {
        jdbc.sql(SELECT + """
                where a.kind = :kind and a.exam_year = :year and a.grade = :grade and sub.code = :subject
                order by b.id""")
                .param("kind", key.kind().name()).param("year", key.year()).param("grade", key.grade())
                .param("subject", key.subjectCode())
                .query(rs -> {
                    action.accept(StoredBlock.of(rs));
                });
    }

    /** Every block. */
    public void forEach(Consumer<StoredBlock> action) {
        jdbc.sql(SELECT + "order by b.id").query(rs -> {
            action.accept(StoredBlock.of(rs));
        });
    }

    /**
     * Changes stored rows (marks given or taken away by a scale): {@code change} sees every row of the selected
     * blocks, with its block, and returns it as it should be; blocks with a changed row are stored again, in place, after the
     * selection was read. Returns how many rows changed.
     *
     * @param selection one of the {@code forEach…} methods, e.g. {@code blocks::forEach}
     */
    public long change(Consumer<Consumer<StoredBlock>> selection,
                       BiFunction<StoredBlock, ResultBlock.Row, ResultBlock.Row> change) {
        List<Object[]> updates = new ArrayList<>();
        long[] changed = {0};
        selection.accept(block -> {
            List<ResultBlock.Row> rows = block.rows();
            List<ResultBlock.Row> out = new ArrayList<>(rows.size());
            long before = changed[0];
            for (ResultBlock.Row row : rows) {
                ResultBlock.Row after = change.apply(block, row);
                changed[0] += after.equals(row) ? 0 : 1;
                out.add(after);
            }
            if (changed[0] > before) {
                updates.add(new Object[] {ResultBlock.encode(out), block.id()});
            }
        });
        if (!updates.isEmpty()) {
            jdbcTemplate.batchUpdate("update result_block set data = ? where id = ?", updates);
        }
        return changed[0];
    }

    /** Deletes an import's blocks; returns how many results they held. */
    public long deleteImport(long importId) {
        long rows = jdbc.sql("select coalesce(sum(row_count), 0) from result_block where import_id = :id")
                .param("id", importId).query(Long.class).single();
        jdbc.sql("delete from result_block where import_id = :id").param("id", importId).update();
        return rows;
    }

    /** Deletes the results of procedures of these years and earlier (the retention period); returns how many. */
    public long deleteUpToYear(int lastYear) {
        long rows = jdbc.sql("""
                select coalesce(sum(row_count), 0) from result_block
                where assessment_id in (select id from assessment where exam_year <= :last)""")
                .param("last", lastYear).query(Long.class).single();
        jdbc.sql("delete from result_block where assessment_id in (select id from assessment where exam_year <= :last)")
                .param("last", lastYear).update();
        return rows;
    }

    /** The number of stored results. */
    public long count() {
        return jdbc.sql("select coalesce(sum(row_count), 0) from result_block").query(Long.class).single();
    }

    /**
     * Locks the procedure's row until the transaction ends, so that two imports into one procedure run one after
     * the other and each sees the other's participants (a participant must not get two results).
     */
    public void lockAssessment(long assessmentId) {
        if (postgres) { // PostgreSQL waits for a row lock as long as it takes (lock_timeout 0)
            lock(assessmentId);
            return;
        }
        // H2 gives up on a lock after LOCK_TIMEOUT (2 s by default): the other import may take minutes. The setting
        // belongs to the session and does not end the transaction; the pooled connection gets its own value back.
        int before = jdbc.sql("select lock_timeout()").query(Integer.class).single();
        jdbc.sql("set lock_timeout " + IMPORT_LOCK_WAIT_MS).update();
        try {
            lock(assessmentId);
        } finally {
            jdbc.sql("set lock_timeout " + before).update();
        }
    }

    private void lock(long assessmentId) {
        jdbc.sql("select id from assessment where id = :id for update").param("id", assessmentId).query(Long.class)
                .single();
    }

    /** Buffers encoded blocks and inserts them in JDBC batches. */
    public final class Inserter {
        private final long importId;
        private final List<Object[]> pending = new ArrayList<>();
        private int pendingRows;

        private Inserter(long importId) {
            this.importId = importId;
        }

        public void add(long assessmentId, long schoolId, List<ResultBlock.Row> rows) {
            if (rows.isEmpty()) {
                return;
            }
            pending.add(new Object[] {importId, assessmentId, schoolId, rows.size(), ResultBlock.encode(rows)});
            pendingRows += rows.size();
            if (pendingRows >= BATCH_ROWS) {
                flush();
            }
        }

        public void flush() {
            if (!pending.isEmpty()) {
                jdbcTemplate.batchUpdate("""
                        insert into result_block (import_id, assessment_id, school_id, row_count, data)
                        values (?, ?, ?, ?, ?)""", pending);
                pending.clear();
                pendingRows = 0;
            }
        }
    }
}
