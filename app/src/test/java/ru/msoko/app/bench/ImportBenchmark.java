package ru.msoko.app.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ru.msoko.app.MsokoApplication;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.imports.ImportOutcome;
import ru.msoko.app.imports.ImportService;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.demo.DemoManifest;
import ru.msoko.core.demo.DemoRegionGenerator;
import ru.msoko.core.demo.DemoSettings;

/**
 * Import benchmark: a synthetic region of about a million canonical result rows is imported into a
 * fresh embedded H2 file database and into PostgreSQL (zonky), and each time is printed with its
 * ratio to a reference run in the same process: parsing and validating the same files without any
 * database. Run with {@code bench/import.sh [schools]}.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int schools = args.length > 0 ? Integer.parseInt(args[0]) : 430;
        Path work = Files.createTempDirectory("msoko-bench-");
        DemoManifest demo = new DemoRegionGenerator(DemoSettings.standard().withSchools(schools))
                .writeTo(work.resolve("csv"));
        System.out.printf(Locale.ROOT, "rows: %,d in %d result files (%d schools)%n", demo.resultRows(),
                demo.resultFiles().size(), schools);

        double parse = parseOnly(demo);
        System.out.printf(Locale.ROOT, "reference (parse + validate, no database): %.2f s%n", parse);

        String h2 = "jdbc:h2:file:" + work.resolve("h2/msoko")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" + System.getProperty("bench.h2", "");
        String only = args.length > 1 ? args[1] : "";
        if (Boolean.getBoolean("bench.warm")) {
            // a server that has imported before: the JIT has compiled the write path (a cold run compiles it while
            // timing, ~19 s of compiler threads' CPU on 2 cores); the same files into a scratch database first
            double warmUp = importInto(demo, work.resolve("warm"), "jdbc:h2:file:" + work.resolve("warm/msoko")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
            report("H2 warm-up (not counted)", demo.resultRows(), warmUp, parse);
        }
        if (!only.equals("pg")) {
            double h2Time = importInto(demo, work.resolve("h2"), h2, "sa", "");
            report("H2 (embedded file)", demo.resultRows(), h2Time, parse);
        }

        if (only.equals("h2")) {
            return;
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            double pgTime = importInto(demo, work.resolve("pg"), pg.getJdbcUrl("postgres", "postgres"), "postgres",
                    "postgres");
            report("PostgreSQL 17 (zonky)", demo.resultRows(), pgTime, parse);
        }
    }

    private static void report(String db, long rows, double seconds, double reference) {
        System.out.printf(Locale.ROOT, "%-24s %.2f s, %,.0f rows/s, ratio to reference %.1fx%n", db, seconds,
                rows / seconds, seconds / reference);
    }

    /** Same reading and validation as the import, against an accept-all directory, with no database. */
    private static double parseOnly(DemoManifest demo) throws Exception {
        Directory all = new Directory() {
            @Override
            public java.util.Optional<String> schoolCode(String identifier, int year) {
                return java.util.Optional.of(identifier);
            }

            @Override
            public java.util.Optional<String> subjectCode(String nameOrCode) {
                return java.util.Optional.of(nameOrCode);
            }
        };
        var pseudonymizer = new ru.msoko.core.privacy.Pseudonymizer(new byte[32]);
        long[] sink = new long[1];
        long start = System.nanoTime();
        for (Path f : demo.resultFiles()) {
            new CanonicalResultsReader(all, pseudonymizer::key, 10).read(f, f.getFileName().toString(),
                    (row, r) -> sink[0] += r.participant().length());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double importInto(DemoManifest demo, Path data, String url, String user, String password) {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MsokoApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--msoko.data=" + data, "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password, "--logging.level.root=warn")) {
            ImportService service = ctx.getBean(ImportService.class);
            check(service.importFile(demo.schoolsFile(), "schools.csv", "bench", ImportOptions.STRICT));
            System.gc();
            var pools = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
            pools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            long cpu = cpu();
            for (Path f : demo.resultFiles()) {
                check(service.importFile(f, f.getFileName().toString(), "bench", ImportOptions.STRICT));
            }
            long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT, "  process CPU %.2f s, peak heap (sum of the heap pools' peaks) %d MB%n",
                    (cpu() - cpu) / 1e9, peak / (1024 * 1024));
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void check(ImportOutcome o) {
        if (!(o instanceof ImportOutcome.Imported)) {
            throw new IllegalStateException(o.summary());
        }
    }

}
