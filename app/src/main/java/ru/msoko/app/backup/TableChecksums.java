package ru.msoko.app.backup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Row count and SHA-256 of every table: the rows in primary-key order, each as its {@link RowLine} (canonical
 * text of the values read through JDBC) followed by a newline. The same data gives the same checksum on H2 and
 * on PostgreSQL; the backup manifest records it and restore checks it.
 */
public final class TableChecksums {

    /** A table's row count and SHA-256 (hex). */
    public record Digest(long rows, String sha256) {

        @Override
        public String toString() {
            return rows + ":" + sha256;
        }
    }

    private static final int FETCH = 1000;

    private TableChecksums() {
    }

    /** Every application table (Flyway's history excluded), in restore order: table → «rows:sha256». */
    public static Map<String, String> of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            Map<String, String> out = new LinkedHashMap<>();
            for (Schema.Table t : Schema.read(c)) {
                out.put(t.name(), scan(c, t, line -> { }).toString());
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute table checksums", e);
        }
    }

    /** Reads a table in key order, handing every row's line to {@code sink}, and returns its digest. */
    static Digest scan(Connection c, Schema.Table t, Consumer<String> sink) throws SQLException {
        Hasher hasher = new Hasher();
        int n = t.columns().size();
        try (Statement st = c.createStatement()) {
            st.setFetchSize(FETCH);
            try (ResultSet rs = st.executeQuery(t.selectOrdered())) {
                String[] values = new String[n];
                while (rs.next()) {
                    for (int i = 0; i < n; i++) {
                        values[i] = t.columns().get(i).kind().read(rs, i + 1);
                    }
                    String line = RowLine.encode(values);
                    hasher.add(line);
                    sink.accept(line);
                }
            }
        }
        return hasher.digest();
    }

    /** Counts lines and hashes them, each followed by a newline. */
    static final class Hasher {
        private final MessageDigest md;
        private long rows;

        Hasher() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(String line) {
            md.update(line.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
            rows++;
        }

        Digest digest() {
            return new Digest(rows, HexFormat.of().formatHex(md.digest()));
        }
    }
}
