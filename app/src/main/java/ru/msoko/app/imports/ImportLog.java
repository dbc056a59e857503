package ru.msoko.app.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.msoko.app.security.Scope;
import ru.msoko.core.canonical.Problem;

/**
 * The log of imports: one row per stored file (with its state: stored or rolled back) and one per
 * rejected attempt with the problems that rejected it.
 */
@Repository
public class ImportLog {

    /** How many problems of a rejected file are kept: the rest are only counted. */
    static final int KEPT_PROBLEMS = 1000;

    /** One stored (or later rolled-back) import. */
    public record Entry(long id, String fileName, String format, String because, String importedBy,
                        OffsetDateTime startedAt, OffsetDateTime finishedAt, long rowsTotal, long rowsAccepted,
                        long rowsAbsent, String warnings, String state, OffsetDateTime rolledBackAt,
                        String rolledBackBy) {
        public String when() {
            return RussianFormat.dateTime(startedAt);
        }

        /** A school directory is corrected by a new file, never rolled back (see {@link ImportRollback}). */
        public boolean directory() {
            return ImportRollback.isDirectory(format);
        }

        public boolean canRollBack() {
            return !rolledBack() && !directory();
        }

        public boolean rolledBack() {
            return ROLLED_BACK.equals(state);
        }

        public String rolledBackWhen() {
            return rolledBackAt == null ? "" : RussianFormat.dateTime(rolledBackAt);
        }

        public List<String> warningLines() {
            return warnings == null || warnings.isBlank() ? List.of() : List.of(warnings.split("\n"));
        }
    }

    /** One rejected attempt. */
    public record Rejection(long id, String fileName, String format, String because, String attemptedBy,
                            OffsetDateTime attemptedAt, long problemsTotal, long rowsRejected) {
        public String when() {
            return RussianFormat.dateTime(attemptedAt);
        }
    }

    static final String STORED = "stored";
    static final String ROLLED_BACK = "rolled_back";

    private static final String COLUMNS = """
            select id, file_name, format, detected_because, imported_by, started_at, finished_at, rows_total,
                   rows_accepted, rows_absent, warnings, state, rolled_back_at, rolled_back_by from import_batch""";
    private static final String REJECTION_COLUMNS = """
            select id, file_name, format, detected_because, attempted_by, attempted_at, problems_total, rows_rejected
            from import_rejection""";

    private final JdbcClient jdbc;

    ImportLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> findByHash(String hash) {
        return jdbc.sql(COLUMNS + " where content_hash = :hash").param("hash", hash).query(this::map).optional();
    }

    public Optional<Entry> find(long id) {
        return find(Scope.region(), id);
    }

    /** An import made within the territory; empty for another territory's, as for one that never was. */
    public Optional<Entry> find(Scope scope, long id) {
        return jdbc.sql(COLUMNS + " where id = :id and " + Scope.madeByCondition("imported_by"))
                .params(scope.sqlParams()).param("id", id).query(this::map).optional();
    }

    /** The latest imports of the whole installation (the command line). */
    public List<Entry> recent(int limit) {
        return recent(Scope.region(), limit);
    }

    /** The latest imports made within a territory (see {@link Scope#madeByCondition}). */
    public List<Entry> recent(Scope scope, int limit) {
        return jdbc.sql(COLUMNS + " where " + Scope.madeByCondition("imported_by") + " order by id desc limit :limit")
                .params(scope.sqlParams()).param("limit", limit).query(this::map).list();
    }

    /** One page of the imports made within a territory, newest first (the API's list). */
    public List<Entry> page(Scope scope, int offset, int limit) {
        return jdbc.sql(COLUMNS + " where " + Scope.madeByCondition("imported_by")
                        + " order by id desc limit :limit offset :offset")
                .params(scope.sqlParams()).param("limit", limit).param("offset", offset).query(this::map).list();
    }

    public long count(Scope scope) {
        return jdbc.sql("select count(*) from import_batch where " + Scope.madeByCondition("imported_by"))
                .params(scope.sqlParams()).query(Long.class).single();
    }

    public List<Rejection> recentRejections(int limit) {
        return recentRejections(Scope.region(), limit);
    }

    public List<Rejection> recentRejections(Scope scope, int limit) {
        return jdbc.sql(REJECTION_COLUMNS + " where " + Scope.madeByCondition("attempted_by")
                        + " order by id desc limit :limit")
                .params(scope.sqlParams()).param("limit", limit).query(this::mapRejection).list();
    }

    public Optional<Rejection> findRejection(long id) {
        return findRejection(Scope.region(), id);
    }

    /** A rejected attempt made within the territory; empty for another territory's, as for one that never was. */
    public Optional<Rejection> findRejection(Scope scope, long id) {
        return jdbc.sql(REJECTION_COLUMNS + " where id = :id and " + Scope.madeByCondition("attempted_by"))
                .params(scope.sqlParams()).param("id", id).query(this::mapRejection).optional();
    }

    /** The kept problems of a rejected attempt, in the order they were found. */
    public List<Problem> problems(long rejectionId) {
        String file = findRejection(rejectionId).map(Rejection::fileName).orElse("");
        return jdbc.sql("""
                select sheet, row_no, column_name, message from import_rejection_problem
                where rejection_id = :id order by seq""")
                .param("id", rejectionId)
                .query((rs, n) -> new Problem(file, rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    long start(String fileName, String hash, String format, String user) {
        jdbc.sql("""
                insert into import_batch (file_name, content_hash, format, imported_by, started_at)
                values (:name, :hash, :format, :user, :now)""")
                .param("name", clip(fileName, 500)).param("hash", hash).param("format", format).param("user", user)
                .param("now", OffsetDateTime.now()).update();
        return jdbc.sql("select id from import_batch where content_hash = :hash").param("hash", hash)
                .query(Long.class).single();
    }

    void finish(long id, long total, long accepted, long absent, List<String> warnings) {
        String w = String.join("\n", warnings);
        jdbc.sql("""
                update import_batch set finished_at = :now, rows_total = :total, rows_accepted = :accepted,
                    rows_absent = :absent, warnings = :warnings where id = :id""")
                .param("now", OffsetDateTime.now()).param("total", total).param("accepted", accepted)
                // a warning may quote a header cell with NUL (found by bench/fuzz.sh): clip shows it as «␀»
                .param("absent", absent).param("warnings", clip(w, 4000))
                .param("id", id).update();
    }

    /** Why the stored file was recognised as its format (written by the service, inside the import's transaction). */
    void explain(long id, String because) {
        jdbc.sql("update import_batch set detected_because = :because where id = :id")
                .param("because", clip(because, 1000)).param("id", id).update();
    }

    /** Records a rejected attempt with its first {@value #KEPT_PROBLEMS} problems; returns its id. */
    long reject(String fileName, String hash, String format, String because, String user,
                ImportOutcome.Rejected rejected) {
        List<Problem> problems = rejected.problems();
        jdbc.sql("""
                insert into import_rejection (file_name, content_hash, format, detected_because, attempted_by,
                    attempted_at, problems_total, rows_rejected)
                values (:name, :hash, :format, :because, :user, :now, :total, :rows)""")
                .param("name", clip(fileName, 500)).param("hash", hash).param("format", clip(format, 200))
                .param("because", clip(because, 1000)).param("user", user).param("now", OffsetDateTime.now())
                .param("total", rejected.totalProblems()).param("rows", rejected.rowsRejected()).update();
        long id = jdbc.sql("select max(id) from import_rejection where content_hash = :hash").param("hash", hash)
                .query(Long.class).single();
        int seq = 0;
        for (Problem p : problems.subList(0, Math.min(problems.size(), KEPT_PROBLEMS))) {
            jdbc.sql("""
                    insert into import_rejection_problem (rejection_id, seq, sheet, row_no, column_name, message)
                    values (:id, :seq, :sheet, :row, :column, :message)""")
                    .param("id", id).param("seq", seq++).param("sheet", clip(p.sheet(), 200)).param("row", p.row())
                    .param("column", clip(p.column(), 300)).param("message", clip(p.message(), 2000)).update();
        }
        return id;
    }

    /**
     * Fits a text to its column. A NUL character (a rejected file's cell may hold one and the message quotes it) is
     * shown as U+2400 «␀»: PostgreSQL refuses NUL in text, and the rejection could not be logged (found by
     * ImportFuzzTest); a cut never splits a surrogate pair.
     */
    static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u0000', '\u2400');
        if (t.length() <= max) {
            return t;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(t.charAt(end - 1))) {
            end--;
        }
        return t.substring(0, end) + "…";
    }

    private Entry map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), rs.getLong(8),
                rs.getLong(9), rs.getLong(10), rs.getString(11), rs.getString(12),
                rs.getObject(13, OffsetDateTime.class), rs.getString(14));
    }

    private Rejection mapRejection(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class), rs.getLong(7), rs.getLong(8));
    }
}
