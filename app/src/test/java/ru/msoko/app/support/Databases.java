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

    private static void dataFolder(DynamicPropertyRegistry registry) {
        try {
            String dir = Files.createTempDirectory("msoko-test-").toString();
            registry.add("msoko.data", () -> dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
