package ru.msoko.app.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.ZipFile;
import picocli.CommandLine;
import ru.msoko.app.cli.MsokoCli;
import ru.msoko.core.demo.DemoManifest;
import ru.msoko.core.demo.DemoRegionGenerator;
import ru.msoko.core.demo.DemoSettings;

/**
 * Backup round trip on the demo region through the commands a user runs: import into an embedded H2 file
 * database, {@code backup}, {@code restore} into PostgreSQL (zonky), {@code backup} there, {@code restore} into a
 * fresh H2; prints rows, seconds and sizes, and whether the two backups' per-table checksums are equal.
 * Run with {@code bench/backup.sh [schools]}.
 */
public final class BackupBenchmark {

    private BackupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int schools = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        Path work = Files.createTempDirectory("msoko-backup-bench-");
        DemoManifest demo = new DemoRegionGenerator(DemoSettings.standard().withSchools(schools)).writeTo(work.resolve("csv"));
        List<String> importArgs = new ArrayList<>(List.of("import", "--data", work.resolve("h2").toString(),
                demo.schoolsFile().toString()));
        demo.resultFiles().forEach(f -> importArgs.add(f.toString()));
        time("import into H2", importArgs.toArray(String[]::new));

        Path fromH2 = work.resolve("from-h2.zip");
        time("backup H2", "backup", "--data", work.resolve("h2").toString(), "--out", fromH2.toString());
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String[] db = {"--data", work.resolve("h2").toString(), "--jdbc-url", pg.getJdbcUrl("postgres", "postgres"),
                    "--db-user", "postgres", "--db-password", "postgres"};
            time("restore into PostgreSQL", concat(new String[] {"restore", fromH2.toString()}, db));
            Path fromPg = work.resolve("from-pg.zip");
            time("backup PostgreSQL", concat(new String[] {"backup", "--out", fromPg.toString()}, db));
            time("restore into a fresh H2", "restore", fromPg.toString(), "--data", work.resolve("h2-again").toString());
            Properties a = manifest(fromH2);
            Properties b = manifest(fromPg);
            boolean same = a.stringPropertyNames().stream().filter(k -> k.startsWith("table."))
                    .allMatch(k -> a.getProperty(k).equals(b.getProperty(k)));
            System.out.printf(Locale.ROOT, "rows: %,d in %d tables; backup from H2 %.1f MB, from PostgreSQL %.1f MB; "
                            + "per-table rows and SHA-256 equal across engines: %s%n",
                    rows(a), a.getProperty("tables").split(",").length,
                    Files.size(fromH2) / 1048576.0, Files.size(fromPg) / 1048576.0, same);
        }
    }

    private static long rows(Properties p) {
        long sum = 0;
        for (String t : p.getProperty("tables").split(",")) {
            sum += Long.parseLong(p.getProperty("table." + t + ".rows"));
        }
        return sum;
    }

    private static Properties manifest(Path zip) throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry("manifest.properties"))) {
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            return p;
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void time(String what, String... args) {
        long start = System.nanoTime();
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        int code;
        try {
            code = new CommandLine(new MsokoCli()).execute(args);
        } finally {
            System.setOut(out);
        }
        System.out.printf(Locale.ROOT, "%-26s %6.1f s (exit %d)%n", what, (System.nanoTime() - start) / 1e9, code);
        if (code != 0) {
            throw new IllegalStateException(what + " failed");
        }
    }
}
