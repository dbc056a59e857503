package ru.msoko.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.demo.DemoManifest;
import ru.msoko.core.demo.DemoRegionGenerator;
import ru.msoko.core.demo.DemoSettings;

/** {@code msoko analyze} end to end, from a folder of canonical files and from the database, as a user runs it. */
class AnalyzeCommandTest {

    @TempDir
    static Path demoDir;
    static DemoManifest demo;

    @TempDir
    Path data;
    @TempDir
    Path out;

    @BeforeAll
    static void generate() throws Exception {
        demo = new DemoRegionGenerator(DemoSettings.standard().withSchools(40)).writeTo(demoDir);
    }

    private static Msoko.Run msoko(String... args) {
        return Msoko.run(args);
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void analysesAFolderWithoutADatabaseAndWritesTheContractFiles() throws Exception {
        Msoko.Run run = msoko("analyze", "--input", demoDir.toString(), "--out", out.toString(), "--year", "2026");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("2026 г.: красная зона — ", "версия методики");
        List<String> risk = lines(out.resolve("risk.csv"));
        // DESIGN §5: these columns first, in this order (the file starts with a BOM for Excel)
        assertThat(risk.get(0)).startsWith("\uFEFFschool_code;year;zone;score;signs;explanation;");
        assertThat(risk.subList(1, risk.size())).allSatisfy(l -> assertThat(l).contains(";2026;"));
        assertThat(risk.size() - 1).isEqualTo(schoolsWithResults(2026));
        assertThat(lines(out.resolve("signs.csv")).get(0))
                .isEqualTo("\uFEFFschool_code;year;procedure;subject;grade;sign;class;value;threshold;p_value;q_value;n;counted;evidence;explanation");
        assertThat(Files.readString(out.resolve("run.properties"))).contains("method.version=", "setting.fdr.q=0.05", "years=2026");
    }

    /**
     * Schools with a result of that year other than an olympiad: each gets one row of risk.csv. Exam files
     * name schools by their exam codes, resolved here through the aliases of schools.csv.
     */
    private static long schoolsWithResults(int year) throws Exception {
        java.util.Map<String, String> codes = new java.util.HashMap<>();
        List<String> directory = lines(demo.schoolsFile());
        int aliases = List.of(directory.get(0).split(";")).indexOf("aliases");
        for (String row : directory.subList(1, directory.size())) {
            String[] f = row.split(";", -1);
            codes.put(f[0], f[0]);
            for (String alias : f[aliases].split("\\|")) {
                codes.put(alias.replaceAll("@.*", ""), f[0]);
            }
        }
        java.util.Set<String> schools = new java.util.HashSet<>();
        for (Path f : demo.resultFiles()) {
            String name = f.getFileName().toString();
            if (!name.contains("-" + year) || name.contains("vsosh")) {
                continue;
            }
            List<String> rows = lines(f);
            int column = List.of(rows.get(0).split(";")).indexOf("school_code");
            rows.stream().skip(1).forEach(r -> schools.add(codes.get(r.split(";", -1)[column])));
        }
        return schools.size();
    }

    @Test
    void analysesTheDatabaseKeepsTheRunAndGivesTheSameZonesAsTheFolder() throws Exception {
        List<String> files = new ArrayList<>(List.of("import", "--data", data.toString(), demo.schoolsFile().toString()));
        demo.resultFiles().forEach(f -> files.add(f.toString()));
        assertThat(msoko(files.toArray(String[]::new)).exitCode()).isZero();

        Msoko.Run fromDb = msoko("analyze", "--data", data.toString(), "--out", out.resolve("db").toString());
        Msoko.Run fromFiles = msoko("analyze", "--input", demoDir.toString(), "--out", out.resolve("files").toString());

        assertThat(fromDb.exitCode()).isZero();
        assertThat(fromDb.output()).contains("Расчёт № 1 сохранён в базе.");
        // the stored participant keys are pseudonymised, subjects come back by name: the numbers must not change
        assertThat(zones(out.resolve("db/risk.csv"))).isEqualTo(zones(out.resolve("files/risk.csv")));
        String url = "jdbc:h2:file:" + data.resolve("msoko") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (var c = DriverManager.getConnection(url, "sa", ""); var st = c.createStatement();
             var rs = st.executeQuery("select count(*), max(method_version) from analysis_run r join analysis_risk k on k.run_id = r.id")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(lines(out.resolve("db/risk.csv")).size() - 1);
            assertThat(rs.getString(2)).isEqualTo(ru.msoko.core.objectivity.ObjectivitySettings.METHOD_VERSION);
        }
        // the run and the report files it wrote, each one audit event of the command line's user
        try (var c = DriverManager.getConnection(url, "sa", ""); var st = c.createStatement();
             var rs = st.executeQuery("select action || ' ' || object_id || ' ' || username from audit_event "
                     + "where action in ('ANALYSIS_RUN', 'REPORT_DOWNLOAD') order by id")) {
            List<String> events = new ArrayList<>();
            while (rs.next()) {
                events.add(rs.getString(1));
            }
            String user = "cli:" + System.getProperty("user.name", "unknown");
            assertThat(events).containsExactly("ANALYSIS_RUN 1 " + user, "REPORT_DOWNLOAD 1 " + user);
        }
    }

    private static List<String> zones(Path risk) throws Exception {
        return lines(risk).stream().skip(1).map(l -> String.join(";", List.of(l.split(";", -1)).subList(0, 5))).sorted().toList();
    }

    @Test
    void anUnknownSettingIsRefusedWithItsName() {
        Msoko.Run run = msoko("analyze", "--input", demoDir.toString(), "--out", out.toString(), "--set", "a1.tt=3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(Files.exists(out.resolve("risk.csv"))).isFalse();
    }

    @Test
    void brokenInputStopsTheAnalysisWithRowAndColumn() throws Exception {
        Path bad = Files.createDirectories(data.resolve("bad"));
        Files.copy(demo.schoolsFile(), bad.resolve("schools.csv"));
        Files.writeString(bad.resolve("results-x.csv"), """
                procedure;year;subject;grade;school_code;participant;mark
                ВПР;2025;Математика;6;nosuchschool;1;5
                """);
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertThat(msoko("analyze", "--input", bad.toString(), "--out", out.toString()).exitCode()).isEqualTo(1);
        } finally {
            System.setErr(err);
        }
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("results-x.csv, строка 2, столбец «school_code»");
        assertThat(Files.exists(out.resolve("risk.csv"))).isFalse();
    }
}
