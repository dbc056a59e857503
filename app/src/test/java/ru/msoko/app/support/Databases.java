package ru.msoko.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The two databases every repository test runs on: H2 in PostgreSQL mode, and real PostgreSQL (zonky, no Docker). */
public final class Databases {

    private static EmbeddedPostgres postgres;

    private Databases() {
    }

    public static void h2(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
        dataFolder(registry);
    }

    /** One embedded PostgreSQL per test JVM; each Spring context gets its own fresh database in it. */
    public static synchronized void postgres(DynamicPropertyRegistry registry) {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
            }
            String db = "t" + UUID.randomUUID().toString().replace("-", "");
            try (var c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                st.execute("create database " + db);
            }
            registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", db));
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "postgres");
            dataFolder(registry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The embedded database of a data folder, opened as the application opens it (AUTO_SERVER: alongside it). */
    public static javax.sql.DataSource h2File(java.nio.file.Path folder) {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + folder.resolve("msoko") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE");
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    /** A fresh PostgreSQL database: url, user and password under the Spring property names. */
    public static java.util.Map<String, String> freshPostgres() {
        java.util.Map<String, String> props = new java.util.HashMap<>();
        postgres((name, value) -> props.put(name, String.valueOf(value.get())));
        props.remove("msoko.data");
        return props;
    }

    /** A data source on a database given as {@link #freshPostgres()} gives it. */
    public static javax.sql.DataSource postgresDataSource(java.util.Map<String, String> props) {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(props.get("spring.datasource.url"));
        ds.setUser(props.get("spring.datasource.username"));
        ds.setPassword(props.get("spring.datasource.password"));
        return ds;
    }

    private static void dataFolder(DynamicPropertyRegistry registry) {
        try {
            String dir = Files.createTempDirectory("msoko-test-").toString();
            registry.add("msoko.data", () -> dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
