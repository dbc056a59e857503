package ru.msoko.app.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.MsokoApplication;

/**
 * The application the fuzzing properties import into: one Spring context per test JVM on a fresh in-memory H2
 * (PostgreSQL mode), started by hand because jqwik properties do not run under the Spring test extension.
 */
final class FuzzApp {

    private static ConfigurableApplicationContext context;

    private FuzzApp() {
    }

    static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            Path data;
            try {
                data = Files.createTempDirectory("msoko-fuzz-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context = new SpringApplicationBuilder(MsokoApplication.class).web(WebApplicationType.NONE)
                    // as command-line arguments: they win over application.properties (default properties do not)
                    .run("--spring.datasource.url=jdbc:h2:mem:fuzz" + UUID.randomUUID().toString().replace("-", "")
                                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                            "--spring.datasource.username=sa", "--spring.datasource.password=",
                            "--msoko.data=" + data, "--logging.level.root=warn");
        }
        return context;
    }

    static ImportService imports() {
        return context().getBean(ImportService.class);
    }

    static JdbcClient jdbc() {
        return context().getBean(JdbcClient.class);
    }
}
