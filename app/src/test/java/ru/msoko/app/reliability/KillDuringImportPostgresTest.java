package ru.msoko.app.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@link KillDuringImportContract} on PostgreSQL 17 (zonky): the client is killed, the server lives on and must roll
 * the dead session's transaction back. The child writes with {@code COPY}, so progress is read on the server: the
 * growth of {@code result}'s main fork ({@code pg_relation_size}; autovacuum is off, so dead rows of an earlier kill
 * are never reused and the table only grows) divided by the bytes per committed row.
 */
class KillDuringImportPostgresTest extends KillDuringImportContract {

    private EmbeddedPostgres postgres;
    private double bytesPerRow;

    @Override
    String[] database() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().setServerConfig("autovacuum", "off").start();
                try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                    st.execute("create database crash");
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new String[] {postgres.getJdbcUrl("postgres", "crash"), "postgres", "postgres"};
    }

    @AfterEach
    void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    <T> T withDatabase(Function<JdbcClient, T> check) {
        String[] db = database();
        SingleConnectionDataSource ds = new SingleConnectionDataSource(db[0], db[1], db[2], true);
        try {
            return check.apply(JdbcClient.create(ds));
        } finally {
            ds.destroy();
        }
    }

    @Override
    long awaitRowsInFlight(long rows, Process child) throws Exception {
        String[] db = database();
        SingleConnectionDataSource ds = new SingleConnectionDataSource(db[0], db[1], db[2], true);
        try {
            JdbcClient jdbc = JdbcClient.create(ds);
            if (bytesPerRow == 0) { // the first kill: every row of the table is committed
                bytesPerRow = jdbc.sql("select pg_relation_size('result')::float8 / count(*) from result")
                        .query(Double.class).single();
            }
            long start = size(jdbc);
            long inFlight = 0;
            while (child.isAlive() && inFlight < rows) {
                Thread.sleep(2); // polling the server for progress; the kill point itself is the condition
                inFlight = Math.round((size(jdbc) - start) / bytesPerRow);
            }
            return inFlight;
        } finally {
            ds.destroy();
        }
    }

    private static long size(JdbcClient jdbc) {
        return jdbc.sql("select pg_relation_size('result')").query(Long.class).single();
    }

    @Override
    boolean batchesReported() {
        return false;
    }

    /** Waits until the server noticed the dead client and ended its session, which rolls its transaction back. */
    @Override
    void afterKill() throws Exception {
        long start = System.nanoTime();
        while (true) {
            Long others = withDatabase(j -> j.sql("""
                    select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()""")
                    .query(Long.class).single());
            if (others == 0) {
                break;
            }
            if (System.nanoTime() - start > 60_000_000_000L) {
                throw new AssertionError("the killed client's session is still open on the server after 60 s");
            }
            Thread.sleep(10);
        }
        System.out.printf(Locale.ROOT, "  the server ended the dead session after %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
    }
}
