package ru.msoko.app.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ru.msoko.app.MsokoApplication;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.imports.ImportOutcome;
import ru.msoko.app.imports.ImportRollback;
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
        DemoSettings settings = DemoSettings.standard().withSchools(schools);
        DemoManifest demo = new DemoRegionGenerator(settings)
                .writeTo(work.resolve("csv"));
        System.out.printf(Locale.ROOT, "rows: %,d in %d result files (%d schools)%n", demo.resultRows(),
                demo.resultFiles().size(), schools);

        double parse = parseOnly(demo);
        System.out.printf(Locale.ROOT, "reference (parse + validate, no database): %.2f s%n", parse);
        if (Boolean.getBoolean("bench.reader-only")) {
            // the reader alone, repeated: -Dbench.reader-only=true measures a change to reading without a database
            for (int i = 0; i < 4; i++) {
                System.out.printf(Locale.ROOT, "reference again: %.2f s%n", parseOnly(demo));
            }
            return;
        }

        String h2 = "jdbc:h2:file:" + work.resolve("h2/msoko")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" + System.getProperty("bench.h2", "");
        String only = args.length > 1 ? args[1] : "";
        if (!only.equals("pg")) {
            double h2Time = importInto(settings, demo, work.resolve("h2"), h2, "sa", "");
            report("H2 (embedded file)", demo.resultRows(), h2Time, parse);
        }

        if (only.equals("h2")) {
            return;
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            double pgTime = importInto(settings, demo, work.resolve("pg"), pg.getJdbcUrl("postgres", "postgres"), "postgres",
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

    private static double importInto(DemoSettings settings, DemoManifest demo, Path data, String url, String user,
                                     String password) throws IOException {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MsokoApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--msoko.data=" + data, "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password, "--logging.level.root=warn")) {
            ImportService service = ctx.getBean(ImportService.class);
            check(service.importFile(demo.schoolsFile(), "schools.csv", "bench", ImportOptions.STRICT));
            if (Boolean.getBoolean("bench.warm")) {
                warmUp(settings, service, data.resolve("warm-csv"));
            }
            System.gc();
            var pools = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
            pools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            long cpu = cpu();
            Map<String, Long> threads = ThreadCpu.byGroup();
            List<Long> batches = new ArrayList<>();
            for (Path f : demo.resultFiles()) {
                ImportOutcome o = service.importFile(f, f.getFileName().toString(), "bench", ImportOptions.STRICT);
                check(o);
                batches.add(((ImportOutcome.Imported) o).batchId());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT, "  process CPU %.2f s, peak heap (sum of the heap pools' peaks) %d MB%n",
                    (cpu() - cpu) / 1e9, peak / (1024 * 1024));
            System.out.println("  CPU by thread: " + ThreadCpu.since(threads));
            if (Boolean.getBoolean("bench.rollback")) {
                rollBack(ctx.getBean(ImportRollback.class), batches);
            }
            return seconds;
        }
    }

    /** -Dbench.rollback=true: every measured import rolled back, newest first, as a user cancels a wrong file. */
    private static void rollBack(ImportRollback rollback, List<Long> batches) {
        long start = System.nanoTime();
        double slowest = 0;
        for (int i = batches.size() - 1; i >= 0; i--) {
            long one = System.nanoTime();
            var outcome = rollback.rollback(batches.get(i), "bench", false);
            if (!(outcome instanceof ImportRollback.Outcome.RolledBack)) {
                throw new IllegalStateException(outcome.message());
            }
            slowest = Math.max(slowest, (System.nanoTime() - one) / 1e9);
        }
        double all = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "  rollback of the %d imports one by one: %.2f s (mean %.2f s, slowest %.2f s)%n",
                batches.size(), all, all / batches.size(), slowest);
    }

    /**
     * A server that has imported before: the same region's three earlier springs (same schools, other years, as many
     * rows) imported first by this application, so that the JIT has compiled the import path of this very context —
     * a cold run compiles it while timing (~15 s of the compiler threads' CPU on 2 cores, and a second application
     * context in the same JVM still recompiles much of it) — and the measured files go into a database that already
     * holds a million results, as a region's database does after its first years.
     */
    private static void warmUp(DemoSettings settings, ImportService service, Path work) throws IOException {
        long start = System.nanoTime();
        DemoSettings earlier = settings;
        DemoManifest before = new DemoRegionGenerator(new DemoSettings(earlier.seed(), earlier.municipalities(),
                earlier.schools(), earlier.firstYear() - earlier.years(), earlier.years(), earlier.manipulating()))
                .writeTo(work);
        for (Path f : before.resultFiles()) {
            check(service.importFile(f, f.getFileName().toString(), "bench", ImportOptions.STRICT));
        }
        System.out.printf(Locale.ROOT, "  warm-up: %,d rows of %d–%d imported first in %.2f s (not counted)%n",
                before.resultRows(), earlier.firstYear() - earlier.years(), earlier.firstYear() - 1,
                (System.nanoTime() - start) / 1e9);
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
