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
 * the dead session's transaction back. The child reports its batches of result blocks as on H2.
 */
class KillDuringImportPostgresTest extends KillDuringImportContract {

    private EmbeddedPostgres postgres;

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
