package ru.msoko.app.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import ru.msoko.app.support.JavaMigrations;
import ru.msoko.app.support.MainPages;
import ru.msoko.app.support.StoredResults;
import ru.msoko.core.domain.Result;

/**
 * Schema migrations from every released schema version with data (issue #6): a database is made at the released
 * version with Flyway {@code target} (the current migration files: {@link ReleasedMigrationsTest} proves they are the
 * released ones), loaded with synthetic data written in that version's schema (upgrade/V2.sql, V6.sql, V19.sql: each
 * release's fixture adds to the earlier ones), then the application is started on it as a user would after an
 * update — Flyway takes it to the latest version — and its main pages are read. Every row of every table survives
 * with every column the released version had; counts, key values and stored marks are checked by hand too.
 * Run on H2 (a data folder's file) and PostgreSQL by the subclasses.
 */
abstract class UpgradeContract {

    /** Where the application finds the database: Spring arguments, and a data source for the test. */
    record Database(DataSource dataSource, List<String> springArgs) {
    }

    /** A value that a migration after a release rewrites on purpose in the rows of the earlier schema. */
    record Rewrite(String version, String table, String column, Map<String, String> values) {
    }

    /**
     * The rewrites the every-row check expects once the database has reached their version: V20 (the eight roles,
     * issue #6) maps the stored roles of earlier versions to the administrators of their level.
     */
    static final List<Rewrite> REWRITES = List.of(new Rewrite("20", "app_user", "role",
            Map.of("REGION", "REGION_ADMIN", "MUNICIPALITY", "MUNICIPALITY_ADMIN")));

    @TempDir
    Path data;

    /** A new empty database; {@code data} is the installation's data folder. */
    abstract Database freshDatabase(Path data) throws Exception;

    static List<String> releasedVersions() {
        return Released.versions();
    }

    /** Rows by table after the fixtures of releases up to {@code version}, counted by hand from the .sql files. */
    static Map<String, Integer> expectedCounts(String version) {
        int v = Integer.parseInt(version);
        Map<String, Integer> n = new TreeMap<>();
        // V2.sql
        n.put("municipality", 2);
        n.put("school", 3);
        n.put("school_identifier", 5);
        n.put("assessment", v >= 19 ? 3 : 2);
        n.put("import_batch", v >= 19 ? 12 : v >= 6 ? 4 : 2);
        if (v < 28) { // V28 moved the results into result_block: assertKeyValues reads them back from there
            n.put("result", v >= 19 ? 10 : 8);
        }
        n.put("app_user", 3);
        n.put("subject", 28); // V2__subjects.sql: 28 «insert into subject»
        if (v >= 6) {
            n.put("mark_scale", 1);
            n.put("mark_scale_band", 4);
            n.put("mark_scale_correction", 1);
            n.put("analysis_run", 1);
            n.put("analysis_sign", 2);
            n.put("analysis_risk", 3);
            n.put("official_marker", 1);
        }
        if (v >= 19) {
            n.put("import_rejection", 1);
            n.put("import_rejection_problem", 2);
            n.put("work_codifier", 1);
            n.put("work_codifier_task", 3);
            n.put("work_codifier_code", 2);
            n.put("school_context", 1);
            n.put("school_context_answer", 2);
            n.put("gia_scale", 1);
            n.put("gia_scale_band", 4);
            n.put("gia_scale_point", 3);
            n.put("gia_scale_rule", 1);
            n.put("exam_school_summary", 1);
            n.put("journal_mark_distribution", 1);
            n.put("textbook", 2);
        }
        return n;
    }

    @ParameterizedTest(name = "from the released schema V{0}")
    @MethodSource("releasedVersions")
    void aReleasedDatabaseWithDataUpgradesToTheLatestWithEveryRow(String version) throws Exception {
        Database db = freshDatabase(data);
        migrateWithFixtures(db.dataSource(), version);
        Map<String, List<String>> before = everyRow(db.dataSource());
        expectedCounts(version).forEach((table, rows) ->
                assertThat(before.get(table)).as("fixture rows of %s at V%s", table, version).hasSize(rows + 1));

        Map<String, MainPages.Page> pages = MainPages.open(db.springArgs(), "r", "edu990001");

        assertThat(appliedVersion(db.dataSource())).isEqualTo(latestVersion(db.dataSource()));
        String applied = appliedVersion(db.dataSource());
        for (Map.Entry<String, List<String>> t : before.entrySet()) {
            if (t.getKey().equalsIgnoreCase("result")) {
                // V28 moved the rows into result_block: every row comes back from the blocks, field by field
                assertThat(resultRowsFromBlocks(db.dataSource(), columnsOf(t.getValue())))
                        .as("every row of result (now in result_block), with the columns of V%s", version)
                        .containsExactlyInAnyOrderElementsOf(canonical(withoutId(t.getValue())));
                continue;
            }
            assertThat(rows(db.dataSource(), t.getKey(), columnsOf(t.getValue())))
                    .as("every row of %s, with the columns of V%s", t.getKey(), version)
                    .containsExactlyInAnyOrderElementsOf(rewritten(t.getKey(), t.getValue(), version, applied));
        }
        assertKeyValues(db.dataSource(), version);
        assertThat(pages.values()).allSatisfy(p -> assertThat(p.status()).isEqualTo(200));
        assertThat(pages.get("/").html()).contains("Северный округ", "Речной район");
        assertThat(pages.get("/schools/edu990001").html()).contains("СОШ № 1", "Математика", "Русский язык");
        if (Integer.parseInt(version) >= 6) {
            assertThat(pages.get("/risk").html()).contains("Расчёт № 1 от", "СОШ № 1", "красная зона");
        } else {
            assertThat(pages.get("/risk").html()).doesNotContain("Расчёт № ");
        }
    }

    /** Values the fixtures set on purpose, and what migrations after the release derive for old rows. */
    static void assertKeyValues(DataSource ds, String version) {
        int v = Integer.parseInt(version);
        JdbcClient jdbc = JdbcClient.create(ds);
        // V2.sql: marks as stored (P4 absent); V19.sql adds the two ЕГЭ marks from the ГИА scale
        List<StoredResults.Row> stored = StoredResults.all(jdbc);
        List<String> marks = stored.stream().map(r -> r.participant() + "=" + (r.mark() == null ? "-" : r.mark()))
                .sorted().toList();
        List<String> expected = new ArrayList<>(List.of("P000000000000000000000001=5", "P000000000000000000000002=2",
                "P000000000000000000000003=4", "P000000000000000000000004=-", "P000000000000000000000005=5",
                "P000000000000000000000006=4", "P000000000000000000000007=3", "P000000000000000000000008=2"));
        if (v >= 19) {
            expected.addAll(List.of("P000000000000000000000009=4", "P000000000000000000000010=5"));
        }
        assertThat(marks).containsExactlyElementsOf(expected);
        assertThat(jdbc.sql("select name from school where code = 'edu990001'").query(String.class).single())
                .isEqualTo("МБОУ \"СОШ № 1\"");
        // V12 gave every earlier import the state «stored»; V19.sql has one rolled-back import
        assertThat(jdbc.sql("select count(*) from import_batch where state = 'stored'").query(Long.class).single())
                .isEqualTo(v >= 19 ? 11L : v >= 6 ? 4L : 2L);
        // V6.sql: three marks came from the mark scale; V19.sql: two from the ГИА scale
        assertThat(stored.stream().filter(r -> r.markScaleId() != null).count()).isEqualTo(v >= 6 ? 3L : 0L);
        assertThat(stored.stream().filter(r -> r.giaScaleId() != null).count()).isEqualTo(v >= 19 ? 2L : 0L);
    }

    /**
     * The database of an installation of release {@code version} that lived through the earlier releases: each
     * release's fixture (upgrade/V2.sql, V6.sql, V19.sql; later releases have none) is loaded at its own schema
     * version, then the migrations up to {@code version} run over the data — so a release after V28, which moved
     * the results into blocks, gets its results the way V28 made them.
     */
    static void migrateWithFixtures(DataSource ds, String version) throws SQLException {
        for (String v : Released.versions()) {
            if (Integer.parseInt(v) > Integer.parseInt(version)) {
                break;
            }
            flyway(ds, v).migrate();
            ClassPathResource fixture = new ClassPathResource("upgrade/V" + v + ".sql");
            if (fixture.exists()) {
                try (Connection c = ds.getConnection()) {
                    ScriptUtils.executeSqlScript(c, new EncodedResource(fixture, StandardCharsets.UTF_8));
                }
            }
        }
        flyway(ds, version).migrate();
    }

    private static Flyway flyway(DataSource ds, String target) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                .javaMigrations(JavaMigrations.all()).target(target).load();
    }

    static String appliedVersion(DataSource ds) {
        MigrationInfo current = flyway(ds).info().current();
        return current.getVersion().getVersion();
    }

    private static String latestVersion(DataSource ds) {
        MigrationInfo[] all = flyway(ds).info().all();
        return all[all.length - 1].getVersion().getVersion();
    }

    private static Flyway flyway(DataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                .javaMigrations(JavaMigrations.all()).load();
    }

    /**
     * Every table but Flyway's: the column list, then its rows, each as the tab-joined text of every column, in the
     * order of all columns.
     */
    static Map<String, List<String>> everyRow(DataSource ds) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    if (!rs.getString("TABLE_NAME").equalsIgnoreCase("flyway_schema_history")) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            for (String t : tables) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = md.getColumns(null, c.getSchema(), t, "%")) {
                    while (rs.next()) {
                        columns.add(rs.getString("COLUMN_NAME"));
                    }
                }
                out.put(t, rows(ds, t, columns));
            }
        }
        return out;
    }

    /** The rows as the migrations after {@code from} up to {@code to} leave them ({@link #REWRITES}). */
    static List<String> rewritten(String table, List<String> rows, String from, String to) {
        List<String> out = new ArrayList<>(rows);
        for (Rewrite r : REWRITES) {
            MigrationVersion v = MigrationVersion.fromVersion(r.version());
            if (!r.table().equals(table) || v.compareTo(MigrationVersion.fromVersion(from)) <= 0
                    || v.compareTo(MigrationVersion.fromVersion(to)) > 0) {
                continue;
            }
            int column = columnsOf(rows).indexOf(r.column());
            for (int i = 1; i < out.size(); i++) {
                String[] values = out.get(i).split("\t", -1);
                values[column] = r.values().getOrDefault(values[column], values[column]);
                out.set(i, String.join("\t", values));
            }
        }
        return out;
    }

    /**
     * The old {@code result} table's rows rebuilt from the blocks, in the given columns but {@code id} (a block keeps
     * its rows in order, not their old ids), each value in {@link #canonical} form.
     */
    private static List<String> resultRowsFromBlocks(DataSource ds, List<String> columns) {
        List<String> out = new ArrayList<>();
        for (StoredResults.Row r : StoredResults.all(JdbcClient.create(ds))) {
            Result x = r.result();
            Map<String, Object> v = new java.util.HashMap<>();
            v.put("import_id", r.importId());
            v.put("assessment_id", r.assessmentId());
            v.put("school_id", r.schoolId());
            v.put("participant", x.participant());
            v.put("taken_on", x.date());
            v.put("class_label", x.classLabel());
            v.put("gender", r.gender());
            v.put("variant", x.variant());
            v.put("absent", x.absent());
            v.put("tasks", r.tasks());
            v.put("primary_score", x.primaryScore());
            v.put("test_score", x.testScore());
            v.put("mark", x.mark());
            v.put("passed", x.passed());
            v.put("journal_mark", x.journalMark());
            v.put("annual_mark", x.annualMark());
            v.put("ovz", x.flags().ovz());
            v.put("repeater", x.flags().repeater());
            v.put("medal_candidate", x.flags().medalCandidate());
            v.put("observed", x.flags().observed());
            v.put("olympiad_status", r.olympiadStatus());
            v.put("max_score", x.maxScore());
            v.put("rechecked_score", x.recheckedScore());
            v.put("mark_scale_id", r.markScaleId());
            v.put("gia_scale_id", r.giaScaleId());
            StringBuilder sb = new StringBuilder();
            for (String c : columns) {
                String name = c.toLowerCase(java.util.Locale.ROOT);
                if (name.equals("id")) {
                    continue;
                }
                if (!v.containsKey(name)) {
                    throw new IllegalStateException("result column " + c + " is not in the blocks");
                }
                Object value = v.get(name);
                sb.append(sb.isEmpty() ? "" : "\t").append(canonicalValue(value == null ? null : value.toString()));
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** The rows (header first) without the {@code id} column and without the header. */
    private static List<String> withoutId(List<String> rows) {
        int id = columnsOf(rows).stream().map(c -> c.toLowerCase(java.util.Locale.ROOT)).toList().indexOf("id");
        List<String> out = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            List<String> values = new ArrayList<>(Arrays.asList(row.split("\t", -1)));
            if (id >= 0) {
                values.remove(id);
            }
            out.add(String.join("\t", values));
        }
        return out;
    }

    /** Every value of the rows in {@link #canonicalValue} form. */
    private static List<String> canonical(List<String> rows) {
        return rows.stream().map(row -> String.join("\t", Arrays.stream(row.split("\t", -1))
                .map(UpgradeContract::canonicalValue).toList())).toList();
    }

    /**
     * One text for a value however the engine printed it: H2 prints a boolean {@code TRUE} and a double {@code 4.0},
     * PostgreSQL {@code t} and {@code 4}.
     */
    private static String canonicalValue(String s) {
        if (s == null || s.equals("null")) {
            return "null";
        }
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "t" -> {
                return "true";
            }
            case "false", "f" -> {
                return "false";
            }
            default -> {
                try {
                    return Double.toString(Double.parseDouble(s));
                } catch (NumberFormatException notANumber) {
                    return s;
                }
            }
        }
    }

    private static List<String> columnsOf(List<String> rows) {
        return Arrays.asList(rows.get(0).split("\t"));
    }

    private static List<String> rows(DataSource ds, String table, List<String> columns) throws SQLException {
        List<String> out = new ArrayList<>();
        out.add(String.join("\t", columns));
        String cols = String.join(", ", columns);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select " + cols + " from " + table + " order by " + cols)) {
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= columns.size(); i++) {
                    sb.append(i > 1 ? "\t" : "").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
