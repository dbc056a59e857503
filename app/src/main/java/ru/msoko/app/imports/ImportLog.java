package ru.msoko.app.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The log of imports: one row per stored file. */
@Repository
public class ImportLog {

    /** One stored import. */
    public record Entry(long id, String fileName, String format, String importedBy, OffsetDateTime startedAt,
                        OffsetDateTime finishedAt, long rowsTotal, long rowsAccepted, long rowsAbsent,
                        String warnings) {
        public String when() {
            return RussianFormat.dateTime(startedAt);
        }
    }

    private static final String COLUMNS = """
            select id, file_name, format, imported_by, started_at, finished_at, rows_total, rows_accepted,
                   rows_absent, warnings from import_batch""";

    private final JdbcClient jdbc;

    ImportLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> findByHash(String hash) {
        return jdbc.sql(COLUMNS + " where content_hash = :hash").param("hash", hash).query(this::map).optional();
    }

    public List<Entry> recent(int limit) {
        return jdbc.sql(COLUMNS + " order by id desc limit :limit").param("limit", limit).query(this::map).list();
    }

    long start(String fileName, String hash, String format, String user) {
        jdbc.sql("""
                insert into import_batch (file_name, content_hash, format, imported_by, started_at)
                values (:name, :hash, :format, :user, :now)""")
                .param("name", fileName).param("hash", hash).param("format", format).param("user", user)
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
                .param("absent", absent).param("warnings", w.length() > 4000 ? w.substring(0, 4000) : w)
                .param("id", id).update();
    }

    private Entry map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class), rs.getLong(7),
                rs.getLong(8), rs.getLong(9), rs.getString(10));
    }
}
