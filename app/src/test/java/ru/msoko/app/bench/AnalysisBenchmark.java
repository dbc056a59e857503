package ru.msoko.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import ru.msoko.core.demo.DemoManifest;
import ru.msoko.core.demo.DemoRegionGenerator;
import ru.msoko.core.demo.DemoSettings;
import ru.msoko.core.objectivity.AnalysisData;
import ru.msoko.core.objectivity.AnalysisResult;
import ru.msoko.core.objectivity.InputFolder;
import ru.msoko.core.objectivity.ObjectivityEngine;
import ru.msoko.core.objectivity.ObjectivitySettings;

/**
 * Analysis benchmark (DESIGN §6): the full objectivity analysis of a synthetic region of about a million
 * results, in memory, timed after warm-up (median of five runs), and its ratio to DuckDB computing the
 * per-school means, confidence intervals and journal shares of the same data with SQL. Loading the data
 * is not timed for either. Run with {@code bench/analysis.sh [schools]} (it starts the JVM with
 * {@code -Xmx512m}).
 */
public final class AnalysisBenchmark {

    private static final int WARMUP = 2;
    private static final int RUNS = 5;

    private AnalysisBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int schools = args.length > 0 ? Integer.parseInt(args[0]) : 430;
        Path work = Files.createTempDirectory("msoko-analysis-bench-");
        DemoManifest demo = new DemoRegionGenerator(DemoSettings.standard().withSchools(schools)).writeTo(work);
        AnalysisData data = InputFolder.read(work).data();
        System.out.printf(Locale.ROOT, "results in memory: %,d (%d schools, %,d rows in files incl. absent)%n",
                data.resultCount(), schools, demo.resultRows());

        ObjectivityEngine engine = new ObjectivityEngine(ObjectivitySettings.defaults());
        double full = median(() -> engine.analyse(data, List.of()));
        AnalysisResult result = engine.analyse(data, List.of());
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "full analysis: %.3f s (median of %d; %d signs, %d school-years); heap max %d MB%n",
                full, RUNS, result.signs().size(), result.risk().size(), rt.maxMemory() >> 20);

        double duck = duckDb(work);
        System.out.printf(Locale.ROOT, "DuckDB %s, per-school means, 95%% CIs and journal shares: %.3f s (median of %d)%n",
                duckVersion(), duck, RUNS);
        System.out.printf(Locale.ROOT, "ratio full analysis / DuckDB subset: %.1fx%n", full / duck);
    }

    private interface Run {
        Object run() throws Exception;
    }

    private static double median(Run run) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            run.run();
        }
        double[] t = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            run.run();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(t);
        return t[RUNS / 2];
    }

    private static String duckVersion() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Same data loaded into an in-memory DuckDB (not timed), then the aggregate query timed. */
    private static double duckDb(Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("set threads = 2");
            s.execute("create table result as select school_code, procedure, year, subject, grade, "
                    + "try_cast(primary_score as double) as primary_score, try_cast(score as double) as score, "
                    + "try_cast(mark as integer) as mark, try_cast(journal_mark as integer) as journal_mark "
                    + "from read_csv('" + dir.resolve("results*.csv") + "', delim=';', header=true, union_by_name=true, "
                    + "all_varchar=true) where variant is distinct from 'отсутствовал'");
            String query = """
                    select school_code, procedure, year, subject, grade, count(*) as n,
                           avg(coalesce(primary_score, score)) as mean,
                           avg(coalesce(primary_score, score)) - 1.96 * stddev_samp(coalesce(primary_score, score)) / sqrt(count(*)) as ci_low,
                           avg(coalesce(primary_score, score)) + 1.96 * stddev_samp(coalesce(primary_score, score)) / sqrt(count(*)) as ci_high,
                           avg(case when mark < journal_mark then 1.0 else 0.0 end) filter (where journal_mark is not null and mark is not null) as lower,
                           avg(case when mark = journal_mark then 1.0 else 0.0 end) filter (where journal_mark is not null and mark is not null) as same,
                           avg(case when mark > journal_mark then 1.0 else 0.0 end) filter (where journal_mark is not null and mark is not null) as higher
                    from result group by school_code, procedure, year, subject, grade""";
            return median(() -> {
                long rows = 0;
                try (ResultSet rs = s.executeQuery(query)) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                return rows;
            });
        }
    }
}
