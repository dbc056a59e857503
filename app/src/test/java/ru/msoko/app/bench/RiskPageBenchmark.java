package ru.msoko.app.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.MsokoApplication;
import ru.msoko.app.demo.DemoLoader;

/**
 * Single-user timings of the risk view (issue #7 item «Speed»): the app with the demo region (H2 file database),
 * one signed-in user per role, each page warmed up and then requested one at a time; prints the median and p95 of
 * the warm requests, and H2's plan of the risk table's queries. Not a load test (bench/soak.sh is). Run with
 * {@code bench/risk.sh [requests per page, default 50]}.
 */
public final class RiskPageBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final int WARMUP = 20;

    /** The risk table's query before the filters (commit 9155f22), to time the SQL alone before and after. */
    private static final String OLD_RISK = """
            select s.code, s.name, m.name, r.exam_year, r.zone, r.score, r.signs, r.procedures, r.explanation,
                   r.internal_assessment, r.history
            from analysis_risk r join school s on s.id = r.school_id join municipality m on m.id = s.municipality_id
            where r.run_id = :run and r.exam_year = :year
              and (:zone = '' or r.zone = :zone)
              and (:sign = '' or '|' || r.signs || '|' like '%|' || :sign || '|%')
              and (:scopeAll = true or s.municipality_id = :scopeMunicipality and :scopeSchool = -1 or s.id = :scopeSchool)
            order by case r.zone when 'red' then 0 when 'yellow' then 1 when 'green' then 2 else 3 end,
                     r.score desc, s.name""";

    private RiskPageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        // -Drisk.data=folder reuses the database of an earlier run (the demo region loads in minutes)
        String reuse = System.getProperty("risk.data");
        Path data = reuse != null ? Path.of(reuse) : Files.createTempDirectory("msoko-risk-bench-");
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MsokoApplication.class)
                .web(WebApplicationType.SERVLET).logStartupInfo(false)
                .run("--server.port=0", "--msoko.data=" + data, "--logging.level.root=warn");
        try {
            ctx.getBean(DemoLoader.class).ensureLoaded();
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            long run = jdbc.sql("select max(id) from analysis_run").query(Long.class).single();
            int year = jdbc.sql("select max(exam_year) from analysis_risk where run_id = :run").param("run", run)
                    .query(Integer.class).single();
            List<String> two = jdbc.sql("""
                    select s.code from analysis_risk r join school s on s.id = r.school_id
                    where r.run_id = :run and r.exam_year = :year order by r.zone, s.code limit 2""")
                    .param("run", run).param("year", year).query(String.class).list();
            System.out.printf(Locale.ROOT, "demo region: %d schools, run %d, year %d; %d warm requests per page%n",
                    jdbc.sql("select count(*) from school").query(Long.class).single(), run, year, n);
            String base = "http://localhost:" + port;
            for (String login : List.of("region-analyst", "municipality-analyst", "school")) {
                Session s = new Session(base, login);
                for (String path : List.of("/risk", "/risk?procedure=" + enc("ВПР") + "&subject=" + enc("Математика"),
                        "/risk?sign=THRESHOLD_HEAPING&sort=score&dir=desc", "/risk/grid", "/api/v1/risk",
                        "/api/v1/risk?format=csv", "/compare?schools=" + two.get(0) + "," + two.get(1) + "&year=" + year)) {
                    if (!login.equals("region-analyst") && path.startsWith("/compare")) {
                        continue; // the two schools may be outside the territory
                    }
                    print(login, path, time(n, () -> s.get(path)));
                }
            }
            var params = new java.util.HashMap<String, Object>(java.util.Map.of("run", run, "year", year, "zone", "",
                    "sign", "", "scopeAll", true, "scopeMunicipality", -1L, "scopeSchool", -1L));
            print("sql", "risk before the filters (all schools)",
                    time(n, () -> jdbc.sql(OLD_RISK).params(params).query((rs, i) -> rs.getString(1)).list()));
            explain(jdbc, run, year);
        } finally {
            ctx.close();
        }
    }

    private interface Call {
        void call() throws Exception;
    }

    private static double[] time(int n, Call call) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            call.call();
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.call();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void print(String who, String what, double[] ms) {
        System.out.printf(Locale.ROOT, "%-22s %-70s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n", who, what,
                ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1]);
    }

    /** H2's plans of the risk table's filtered query and of its sign lookup (are the indexes used?). */
    private static void explain(JdbcClient jdbc, long run, int year) {
        String filtered = """
                explain select r.zone, count(*) from analysis_risk r join school s on s.id = r.school_id
                join municipality m on m.id = s.municipality_id
                where r.run_id = %d and r.exam_year = %d
                  and (exists (select 1 from analysis_sign g where g.run_id = r.run_id and g.school_id = r.school_id
                               and g.exam_year = r.exam_year and g.procedure = 'ВПР' and g.sign = 'THRESHOLD_HEAPING')
                       or exists (select 1 from result_summary v join assessment a on a.id = v.assessment_id
                                  where v.school_id = r.school_id and a.exam_year = r.exam_year and a.kind = 'VPR'))
                group by r.zone""".formatted(run, year);
        System.out.println("EXPLAIN (H2) zone counts with a procedure and a sign filter:");
        System.out.println(jdbc.sql(filtered).query(String.class).single());
        System.out.println("EXPLAIN (H2) a school's results of a year (the comparison):");
        System.out.println(jdbc.sql("""
                explain select a.id, sum(v.participants) from result_stats v join assessment a on a.id = v.assessment_id
                where v.school_id = 1 and a.exam_year = %d group by a.id""".formatted(year)).query(String.class).single());
        System.out.println("EXPLAIN (H2) badges of a page:");
        System.out.println(jdbc.sql("""
                explain select s.code, g.procedure, g.sign from analysis_sign g join school s on s.id = g.school_id
                where g.run_id = %d and g.exam_year = %d and s.code in ('a', 'b')""".formatted(run, year))
                .query(String.class).single());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A signed-in browser without a browser. */
    private static final class Session {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;

        Session(String base, String login) throws Exception {
            this.base = base;
            Matcher m = CSRF.matcher(get("/login"));
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on /login");
            }
            String form = "username=" + login + "&password=" + DemoLoader.PASSWORD + "&_csrf=" + enc(m.group(1));
            http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        }

        String get(String path) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " → " + r.statusCode());
            }
            return r.body();
        }
    }
}
