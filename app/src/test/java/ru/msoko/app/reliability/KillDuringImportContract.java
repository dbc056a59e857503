package ru.msoko.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.core.demo.DemoManifest;
import ru.msoko.core.demo.DemoRegionGenerator;
import ru.msoko.core.demo.DemoSettings;

/**
 * Crash safety (issue #6, «Reliability»): an import killed with {@code kill -9} at a random moment leaves the database
 * exactly as before, and after the restart the same file imports completely. A child JVM ({@link ImportChild}) runs
 * the ordinary import of a large canonical results file (the three olympiad files of a 120-school demo region in one,
 * {@value #SCHOOLS} schools, about 98 000 rows, 20 batches of 5 000); the parent kills it at points chosen from a
 * seeded {@link Random} — early, at a random moment, in the middle, late, at the commit — and after each kill compares
 * the fingerprint of every table ({@link DatabaseState#fingerprint}) with the one taken before. Finally the file
 * imports again, and the child is killed as soon as the commit returned: a committed import must survive a kill.
 */
abstract class KillDuringImportContract {

    static final long SEED = 6L;
    static final int SCHOOLS = 120;
    /** Rows per {@code FLUSHED} line of the child, at least (a batch of whole blocks). */
    private static final int BATCH = ru.msoko.app.resultstore.ResultBlockRepository.BATCH_ROWS;

    @TempDir
    Path work;

    private int runs;

    /** The JDBC URL, user and password the child starts the application on. */
    abstract String[] database();

    /** Runs {@code check} on a connection to the database that is closed again before the next child starts. */
    abstract <T> T withDatabase(Function<JdbcClient, T> check);

    /** Called when the killed child has exited: a database server waits here until it dropped the dead session. */
    void afterKill() throws Exception {
    }

    @Test
    void everyKillLeavesTheDatabaseAsBeforeAndTheFileThenImportsCompletely() throws Exception {
        DemoManifest demo = new DemoRegionGenerator(DemoSettings.standard().withSchools(SCHOOLS))
                .writeTo(work.resolve("csv"));
        Path earlier = demo.resultFiles().stream().filter(f -> f.getFileName().toString().equals("results-oge-2024.csv"))
                .findFirst().orElseThrow();
        Path big = work.resolve("olympiads.csv");
        long bigRows = concatenate(demo.resultFiles().stream()
                .filter(f -> f.getFileName().toString().startsWith("results-vsosh-")).toList(), big);
        // 3 × about 32 600 data lines (wc -l of the generated files minus their headers)
        assertThat(bigRows).isBetween(90_000L, 110_000L);
        int flushes = (int) ((bigRows + BATCH - 1) / BATCH);

        Run first = run(List.of(demo.schoolsFile(), earlier), Kill.NEVER, 0);
        assertThat(first.lines()).filteredOn(l -> l.startsWith(ImportChild.IMPORTED)).hasSize(2);
        assertThat(first.exit()).isZero();
        Map<String, String> before = withDatabase(DatabaseState::fingerprint);
        long resultsBefore = count("select coalesce(sum(row_count), 0) from result_block");
        long batchesBefore = count("select count(*) from import_batch");
        assertThat(resultsBefore).isPositive();

        Random random = new Random(SEED);
        List<Plan> plans = List.of(
                new Plan("early: during the 2nd batch", Kill.AFTER_FLUSHES, 1, random.nextInt(40)),
                new Plan("random moment after the start", Kill.AFTER_DELAY, 0, random.nextInt(600)),
                new Plan("middle", Kill.AFTER_FLUSHES, 2 + random.nextInt(flushes / 2 - 2), random.nextInt(40)),
                new Plan("late", Kill.AFTER_FLUSHES, flushes / 2 + random.nextInt(flushes / 2 - 1), random.nextInt(40)),
                new Plan("at the commit", Kill.AT_COMMIT, 0, 0));
        boolean committedBeforeKill = false;
        for (int i = 0; i < plans.size(); i++) {
            Plan plan = plans.get(i);
            Run run = run(List.of(big), plan.kill(), plan.n(), plan.delayMs());
            assertThat(run.killed()).as("the child was killed, not finished: " + plan).isTrue();
            Map<String, String> after = withDatabase(DatabaseState::fingerprint);
            long unfinished = count("select count(*) from import_batch where finished_at is null");
            boolean complete = count("select coalesce(sum(row_count), 0) from result_block") == resultsBefore + bigRows;
            System.out.printf(Locale.ROOT, "kill %d (%s, %s %d, +%d ms): %s of %,d rows written before the kill; "
                            + "database %s%n", i + 1, plan.name(), plan.kill(), plan.n(), plan.delayMs(),
                    written(run, plan), bigRows, after.equals(before) ? "as before" : complete ? "complete" : "CHANGED");
            assertThat(unfinished).as("an unfinished import batch survived the kill").isZero();
            if (plan.kill() == Kill.AT_COMMIT && complete) {
                committedBeforeKill = true; // the kill came after the commit: all rows, never some
            } else {
                assertThat(after).as("kill %d (%s)", i + 1, plan.name()).isEqualTo(before);
            }
            if (plan.kill() == Kill.AFTER_FLUSHES) {
                assertThat(run.rowsWritten()).as("rows written inside the transaction before kill %d", i + 1)
                        .isGreaterThanOrEqualTo((long) plan.n() * BATCH);
            }
        }

        // restart: the big file again, then a small one (the header and the first 40 rows of another file); the kill
        // comes as soon as the small one's commit returned. A small transaction is the one H2 with its default
        // WRITE_DELAY (MVStore autoCommitDelay, 1 s) keeps in memory only: it was lost on every kill (10 of 10)
        Path small = work.resolve("small.csv");
        long smallRows = 40;
        Files.write(small, Files.readAllLines(demo.resultFiles().stream()
                .filter(f -> f.getFileName().toString().equals("results-oge-2025.csv")).findFirst().orElseThrow(),
                StandardCharsets.UTF_8).subList(0, 1 + (int) smallRows), StandardCharsets.UTF_8);
        Run restart = run(List.of(big, small), Kill.AFTER_IMPORTED, 0, 0);
        assertThat(restart.lines()).contains(ImportChild.CONTEXT_UP);
        String expected = committedBeforeKill ? ImportChild.NOT_IMPORTED : ImportChild.IMPORTED;
        assertThat(restart.lines()).filteredOn(l -> l.startsWith(expected + big.getFileName())).hasSize(1);
        assertThat(restart.lines()).filteredOn(l -> l.startsWith(ImportChild.IMPORTED + small.getFileName())).hasSize(1);
        System.out.printf(Locale.ROOT, "restart: %s; killed right after the commit of %s (%,d rows)%n",
                committedBeforeKill ? "the file was already stored" : "the file imported completely",
                small.getFileName(), smallRows);
        assertThat(count("select coalesce(sum(row_count), 0) from result_block"))
                .as("every committed import survived the kill right after the last commit")
                .isEqualTo(resultsBefore + bigRows + smallRows);
        assertThat(count("select count(*) from import_batch where finished_at is not null "
                + "and state = 'stored' and rows_total = " + bigRows)).isEqualTo(1);
        assertThat(count("select count(*) from import_batch")).isEqualTo(batchesBefore + 2);
    }

    /** What the child reported: the results in the batches it wrote. */
    private String written(Run run, Plan plan) {
        return String.format(Locale.ROOT, "%,d", run.rowsWritten());
    }

    private long count(String sql) {
        Long n = withDatabase(j -> j.sql(sql).query(Long.class).single());
        return n;
    }

    /** Writes the files into one (their header once); returns the data lines written. */
    private static long concatenate(List<Path> files, Path into) throws IOException {
        assertThat(files).hasSize(3);
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            if (out.isEmpty()) {
                out.add(lines.get(0));
            }
            assertThat(lines.get(0)).isEqualTo(out.get(0));
            out.addAll(lines.subList(1, lines.size()));
        }
        Files.write(into, out, StandardCharsets.UTF_8);
        return out.size() - 1L;
    }

    enum Kill { NEVER, AFTER_FLUSHES, AFTER_DELAY, AT_COMMIT, AFTER_IMPORTED }

    /**
     * @param n batches of rows written before the kill ({@link Kill#AFTER_FLUSHES})
     * @param delayMs then this long before the kill: the fault injection point, not a synchronisation
     */
    record Plan(String name, Kill kill, int n, int delayMs) {
    }

    /** @param rowsWritten results the child had written in its transaction when it died */
    record Run(int exit, List<String> lines, boolean killed, long rowsWritten) {
    }

    private Run run(List<Path> files, Kill kill, int n) throws Exception {
        return run(files, kill, n, 0);
    }

    /** Starts {@link ImportChild} on the files and kills it with SIGKILL when it reports the plan's point. */
    private Run run(List<Path> files, Kill kill, int n, int delayMs) throws Exception {
        String[] db = database();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString()), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), ImportChild.class.getName(), db[0], db[1], db[2],
                work.resolve("data").toString()));
        files.forEach(f -> command.add(f.toString()));
        Path stderr = work.resolve("child-" + (++runs) + ".err");
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        watchdog.schedule(child::destroyForcibly, 3, TimeUnit.MINUTES);
        List<String> lines = new ArrayList<>();
        boolean killed = false;
        long written = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            boolean writing = false;
            int flushed = 0;
            int done = 0;
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                writing |= line.equals(ImportChild.STARTED_WRITING);
                if (line.startsWith(ImportChild.FLUSHED)) {
                    flushed++;
                    written = Long.parseLong(line.substring(ImportChild.FLUSHED.length()));
                }
                if (line.startsWith(ImportChild.IMPORTED) || line.startsWith(ImportChild.NOT_IMPORTED)) {
                    done++;
                }
                boolean now = !killed && switch (kill) {
                    case NEVER -> false;
                    case AFTER_DELAY -> line.equals(ImportChild.STARTED_WRITING);
                    case AFTER_FLUSHES -> writing && line.startsWith(ImportChild.FLUSHED) && flushed == n;
                    case AT_COMMIT -> writing && line.equals(ImportChild.COMMITTING);
                    case AFTER_IMPORTED -> done == files.size();
                };
                if (now) {
                    if (delayMs > 0) {
                        Thread.sleep(delayMs); // the fault injection point, chosen by the seeded Random
                    }
                    killed = child.isAlive();
                    // SIGKILL on Linux; through the handle, which (unlike Process.destroyForcibly) leaves the pipe open
                    // so that the lines the child printed before it died are still read below
                    child.toHandle().destroyForcibly();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            watchdog.shutdownNow();
        }
        int exit = child.waitFor();
        if (killed) {
            afterKill();
        }
        if (!killed && kill != Kill.NEVER && kill != Kill.AFTER_IMPORTED) {
            throw new AssertionError("the child ended before the kill point " + kill + ": " + lines + "\n"
                    + Files.readString(stderr));
        }
        if (kill == Kill.NEVER && exit != 0) {
            throw new AssertionError("the child failed: " + lines + "\n" + Files.readString(stderr));
        }
        return new Run(exit, lines, killed, written);
    }
}
