package ru.msoko.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;
import ru.msoko.app.MsokoApplication;
import ru.msoko.app.backup.TableChecksums;
import ru.msoko.app.demo.DemoLoader;
import ru.msoko.app.support.Databases;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.MainPages;

/**
 * {@code msoko migrate-to-postgres} end to end, as a user runs it: an embedded installation with a small demo region,
 * a rolled-back import, a rejected file, demo users and an analysis run moves into an empty PostgreSQL database
 * (zonky); every table's row count and SHA-256 are equal on both sides; the application works there; a second run
 * is refused and changes nothing; a table that comes out different rolls the whole move back.
 */
class MigrateToPostgresCommandTest {

    @TempDir
    Path data;
    @TempDir
    Path files;

    private static List<String> pgArgs(Map<String, String> pg) {
        return List.of("--jdbc-url", pg.get("spring.datasource.url"), "--user", pg.get("spring.datasource.username"),
                "--password", pg.get("spring.datasource.password"));
    }

    private Msoko.Run migrate(Map<String, String> pg) {
        List<String> args = new ArrayList<>(List.of("migrate-to-postgres", "--data", data.toString()));
        args.addAll(pgArgs(pg));
        return Msoko.run(args.toArray(String[]::new));
    }

    private static long count(DataSource ds, String sql) {
        return JdbcClient.create(ds).sql(sql).query(Long.class).single();
    }

    /** A small demo region (8 schools) through the ordinary CLI import, a rejected file and a rolled-back import. */
    private void embeddedInstallation() throws Exception {
        Path demo = files.resolve("demo");
        assertThat(Msoko.run("demo-data", "--out", demo.toString(), "--schools", "8").exitCode()).isZero();
        List<String> args = new ArrayList<>(List.of("import", "--data", data.toString()));
        try (Stream<Path> s = Files.list(demo)) {
            // the school directory first, then the results files (DemoLoader's order; planted.csv is the answer key)
            s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("schools") || n.startsWith("results"))
                    .sorted((a, b) -> Boolean.compare(!a.startsWith("schools"), !b.startsWith("schools")))
                    .forEach(n -> args.add(demo.resolve(n).toString()));
        }
        Msoko.Run imported = Msoko.run(args.toArray(String[]::new));
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        Path bad = Fixtures.write(files, "bad.csv", """
                procedure;year;subject;grade;school_code;participant;mark
                ВПР;2025;Математика;7;edu999999;70001;5
                """);
        assertThat(Msoko.run("import", "--data", data.toString(), bad.toString()).exitCode()).isEqualTo(1);
        assertThat(Msoko.run("imports", "--data", data.toString(), "--rollback", "2").exitCode()).isZero();
        // demo users and the first analysis run, as ./msoko serve --demo makes them on a loaded region
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MsokoApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--msoko.data=" + data, "--logging.level.root=warn")) {
            ctx.getBean(DemoLoader.class).ensureLoaded();
        }
    }

    @Test
    void anEmbeddedInstallationMovesToPostgresWithEveryRowChecked() throws Exception {
        embeddedInstallation();
        DataSource h2 = Databases.h2File(data);
        Map<String, String> before = TableChecksums.of(h2);
        assertThat(count(h2, "select sum(row_count) from result_block")).isGreaterThan(1000);
        assertThat(count(h2, "select count(*) from import_rejection")).isEqualTo(1);
        assertThat(count(h2, "select count(*) from app_user")).isPositive(); // DemoLoader's demo users
        assertThat(count(h2, "select count(*) from analysis_run")).isEqualTo(1);
        Map<String, String> pg = Databases.freshPostgres();
        DataSource target = Databases.postgresDataSource(pg);

        Msoko.Run run = migrate(pg);

        assertThat(run.exitCode()).as(run.output()).isZero();
        for (Map.Entry<String, String> t : before.entrySet()) {
            String side = t.getValue().replace(":", ", ");
            assertThat(run.output()).contains("  " + t.getKey() + ": " + side + " | " + side + " — совпадает");
        }
        assertThat(run.output()).doesNotContain("НЕ СОВПАДАЕТ")
                .contains("Перенесено за", "число строк и SHA-256 каждой таблицы в PostgreSQL совпали",
                        "./msoko serve --data " + data + " --jdbc-url " + pg.get("spring.datasource.url"));
        assertThat(TableChecksums.of(target)).isEqualTo(before);
        assertThat(TableChecksums.of(h2)).as("the embedded database is left as it was").isEqualTo(before);

        // identity counters continue after the copied ids: a new import on PostgreSQL gets fresh ids
        long maxBlock = count(target, "select max(id) from result_block");
        long maxBatch = count(target, "select max(id) from import_batch");
        String code = JdbcClient.create(target).sql("select code from school order by code limit 1").query(String.class)
                .single();
        Path more = Fixtures.write(files, "more.csv", """
                procedure;year;subject;grade;school_code;participant;mark
                ВПР;2031;Математика;4;%s;900001;5
                ВПР;2031;Математика;4;%s;900002;4
                """.formatted(code, code));
        List<String> importArgs = new ArrayList<>(List.of("import", "--data", data.toString(), more.toString()));
        importArgs.addAll(List.of("--jdbc-url", pg.get("spring.datasource.url"), "--db-user",
                pg.get("spring.datasource.username"), "--db-password", pg.get("spring.datasource.password")));
        Msoko.Run afterwards = Msoko.run(importArgs.toArray(String[]::new));
        assertThat(afterwards.exitCode()).as(afterwards.output()).isZero();
        assertThat(count(target, "select sum(row_count) from result_block where id > " + maxBlock)).isEqualTo(2);
        assertThat(count(target, "select max(id) from import_batch")).isEqualTo(maxBatch + 1);

        // the application reads the moved data: dashboard, school page, risk page as the demo region user
        String municipality = JdbcClient.create(target)
                .sql("select m.name from municipality m join school s on s.municipality_id = m.id where s.code = :c")
                .param("c", code).query(String.class).single();
        Map<String, MainPages.Page> pages = MainPages.open(List.of("--spring.datasource.url=" + pg.get("spring.datasource.url"),
                "--spring.datasource.username=" + pg.get("spring.datasource.username"),
                "--spring.datasource.password=" + pg.get("spring.datasource.password"), "--msoko.data=" + data), "region", code);
        assertThat(pages.values()).allSatisfy(p -> assertThat(p.status()).isEqualTo(200));
        assertThat(pages.get("/").html()).contains(HtmlUtils.htmlEscape(municipality));
        assertThat(pages.get("/schools/" + code).html()).contains(code, "2031");
        long runId = count(target, "select max(id) from analysis_run");
        assertThat(pages.get("/risk").html()).contains("Расчёт № " + runId + " от");

        Map<String, String> moved = TableChecksums.of(target);
        Msoko.Run again = migrate(pg);

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.output()).contains("Не перенесено: база PostgreSQL не пуста", "result_block (")
                .doesNotContain("скопировано", "Схема в PostgreSQL"); // refused before Flyway ran on the target
        assertThat(TableChecksums.of(target)).isEqualTo(moved);
    }

    @Test
    void aTableThatComesOutDifferentRollsTheWholeMoveBack() throws Exception {
        Path schools = Fixtures.write(files, "schools.csv", Fixtures.SCHOOLS);
        Path results = Fixtures.write(files, "results.csv", Fixtures.RESULTS);
        assertThat(Msoko.run("import", "--data", data.toString(), schools.toString(), results.toString()).exitCode()).isZero();
        Map<String, String> pg = Databases.freshPostgres();
        DataSource target = Databases.postgresDataSource(pg);
        // the schema made by an earlier start of МСОКО on this database (allowed: it holds no data), and a trigger
        // that changes what is written: the copy of school differs from the source
        new SpringApplicationBuilder(MsokoApplication.class).web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--spring.datasource.url=" + pg.get("spring.datasource.url"),
                        "--spring.datasource.username=" + pg.get("spring.datasource.username"),
                        "--spring.datasource.password=" + pg.get("spring.datasource.password"),
                        "--msoko.data=" + files, "--logging.level.root=warn").close();
        try (Connection c = target.getConnection(); Statement st = c.createStatement()) {
            st.execute("create function shout() returns trigger as $$ begin new.name := upper(new.name); return new; end $$"
                    + " language plpgsql");
            st.execute("create trigger shout before insert on school for each row execute function shout()");
        }
        Map<String, String> emptyTarget = TableChecksums.of(target);
        Map<String, String> source = TableChecksums.of(Databases.h2File(data));

        Msoko.Run run = migrate(pg);

        assertThat(run.exitCode()).isEqualTo(1);
        // Fixtures.SCHOOLS: 3 schools; the upper-cased names give another SHA-256 with the same count
        assertThat(run.output()).containsPattern("  school: 3, [0-9a-f]{64} \\| 3, [0-9a-f]{64} — НЕ СОВПАДАЕТ")
                .contains("  result_block: 2, ", "Не перенесено: после копирования не совпали таблицы school (",
                        "в PostgreSQL не записано ни строки");
        assertThat(TableChecksums.of(target)).isEqualTo(emptyTarget);
        assertThat(count(target, "select count(*) from school")).isZero();
        assertThat(TableChecksums.of(Databases.h2File(data))).isEqualTo(source);
    }

    @Test
    void aForeignDatabaseIsRefusedUntouched() throws Exception {
        Path schools = Fixtures.write(files, "schools.csv", Fixtures.SCHOOLS);
        assertThat(Msoko.run("import", "--data", data.toString(), schools.toString()).exitCode()).isZero();
        Map<String, String> pg = Databases.freshPostgres();
        DataSource target = Databases.postgresDataSource(pg);
        try (Connection c = target.getConnection(); Statement st = c.createStatement()) {
            st.execute("create table accounts (id int)");
        }

        Msoko.Run run = migrate(pg);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("Не перенесено: база PostgreSQL не пуста: в ней есть таблицы [accounts]",
                "это не база МСОКО");
        assertThat(count(target, "select count(*) from information_schema.tables where table_schema = current_schema()"))
                .isEqualTo(1);
    }

    @Test
    void theHelpIsInRussian() {
        Msoko.Run help = Msoko.run("migrate-to-postgres", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("Использование: msoko migrate-to-postgres", "Перенести встроенную базу H2",
                "--jdbc-url=URL", "--user, --db-user=NAME", "Показать справку и выйти.");
    }

    @Test
    void withoutAnEmbeddedDatabaseThereIsNothingToMove() {
        Msoko.Run run = Msoko.run("migrate-to-postgres", "--data", files.resolve("нет").toString(),
                "--jdbc-url", "jdbc:postgresql://localhost:1/x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(Files.exists(files.resolve("нет"))).isFalse();
    }
}
