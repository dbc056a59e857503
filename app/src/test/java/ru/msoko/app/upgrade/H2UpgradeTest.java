package ru.msoko.app.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import ru.msoko.app.support.MainPages;

/**
 * The pinned H2 (h2.version in the root pom) opens a database file that the previous H2 release (h2.previous.version,
 * copied to target/h2-previous by maven-dependency-plugin) wrote: the schema of the last release made by Flyway and
 * the data of every release's fixture, written by the old engine in its own class loader, are read back row for row
 * by the current one, and the application starts on the file (migrating it to the latest schema). If a new H2 changes the file format, this test fails and an export/import
 * upgrade (SCRIPT with the old jar, RUNSCRIPT with the new) becomes necessary — docs/architecture.md, «H2 version».
 */
class H2UpgradeTest {

    @TempDir
    Path data;

    /** The previous release's jar (one fixed name, overwritten when h2.previous.version changes); missing is an error. */
    private static Path previousJar() {
        Path jar = Path.of("target", "h2-previous", "h2-previous.jar");
        assertThat(jar).as("run the build through Maven: generate-test-resources copies the previous H2 jar to " + jar)
                .isRegularFile();
        return jar;
    }

    private static String version(DataSource ds) {
        return JdbcClient.create(ds).sql("select h2version()").query(String.class).single();
    }

    @Test
    void aDatabaseFileWrittenByThePreviousH2OpensWithThePinnedOne() throws Exception {
        Path jar = previousJar();
        // the application's own URL for a data folder (application.properties)
        String url = "jdbc:h2:file:" + data.resolve("msoko")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
        // release 19: the last one whose migrations the previous H2 runs by itself — V22's append-only trigger is a
        // class of the application, which the old engine's own class loader cannot load
        String lastRelease = "19";
        Map<String, List<String>> written;
        String previous;
        try (URLClassLoader old = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Driver driver = (Driver) old.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
            DataSource oldH2 = new SimpleDriverDataSource(driver, url, "sa", "");
            previous = version(oldH2);
            // the schema of the last release, as an installation of it on the old H2 has it (a newer migration may
            // need the new engine: V22's append-only trigger is a class written against the pinned H2's API)
            UpgradeContract.migrateWithFixtures(oldH2, lastRelease);
            written = UpgradeContract.everyRow(oldH2);
        } // the last connection closed: the old engine closed the file
        UpgradeContract.expectedCounts(lastRelease).forEach((table, rows) ->
                assertThat(written.get(table)).as("rows of %s written by H2 %s", table, previous).hasSize(rows + 1));

        JdbcDataSource current = new JdbcDataSource();
        current.setURL(url);
        current.setUser("sa");
        current.setPassword("");

        assertThat(version(current)).isNotEqualTo(previous).startsWith("2.");
        assertThat(UpgradeContract.everyRow(current)).isEqualTo(written);
        // then the application's start on it takes it to the latest schema with the new engine
        Map<String, MainPages.Page> pages = MainPages.open(List.of("--msoko.data=" + data), "r", "edu990001");
        assertThat(pages.values()).allSatisfy(p -> assertThat(p.status()).isEqualTo(200));
        assertThat(pages.get("/risk").html()).contains("Расчёт № 1 от", "красная зона");
        UpgradeContract.assertKeyValues(current, lastRelease);
        // the new engine writes to the old file: identity counters continue after the rows the old one wrote
        JdbcClient jdbc = JdbcClient.create(current);
        long maxId = jdbc.sql("select max(id) from municipality").query(Long.class).single();
        jdbc.sql("insert into municipality (code, name) values ('M03', 'Новый район')").update();
        assertThat(jdbc.sql("select id from municipality where code = 'M03'").query(Long.class).single()).isEqualTo(maxId + 1);
    }
}
