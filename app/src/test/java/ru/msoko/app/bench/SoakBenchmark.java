package ru.msoko.app.bench;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
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
 * Load and soak run against the demo region in this process (issue #6 soak, issue #7 page timings): the app starts
 * on an embedded H2 file database with the demo data, N simulated users sign in with the demo logins and open the
 * main pages and API endpoints without pause, and (unless {@code --pages-only}) one writer keeps uploading result
 * files through the upload page while another keeps starting analysis runs. At the end it prints p50/p95/p99 per
 * page, errors, writes acknowledged vs found in the database (lost writes), and the heap floor per minute.
 * Exit code 1 on any error or lost write. Run with {@code bench/soak.sh [seconds] [users] [--pages-only]}.
 */
public final class SoakBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    /** Year of the soak's uploads: far from the demo's years, so its rows are counted apart. */
    private static final int SOAK_YEAR = 2090;
    private static final int ROWS_PER_FILE = 2_000;
    /** The demo logins, one per role; the simulated users take them in turn. */
    private static final List<String> LOGINS = List.of("region", "region-analyst", "municipality",
            "municipality-analyst", "school", "expert", "observer", "auditor");

    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    /** Page latencies per 10-second window of the run: shows whether the slow requests cluster (pauses) or not. */
    private final Map<Integer, List<Long>> windows = new ConcurrentHashMap<>();
    private static final long WINDOW_NANOS = 10_000_000_000L;
    private volatile long runStart;
    private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong uploadsAcknowledged = new AtomicLong();
    private final AtomicLong rowsAcknowledged = new AtomicLong();
    private final AtomicLong runsAcknowledged = new AtomicLong();
    /** Where a page's POST leads once the work is a background job. */
    private static final java.util.regex.Pattern JOB = java.util.regex.Pattern.compile("/jobs/\\d+$");
    private final String base;
    private final Targets targets;

    private SoakBenchmark(String base, Targets targets) {
        this.base = base;
        this.targets = targets;
    }

    /** What each demo login may open: the schools and municipalities of its territory. */
    record Targets(Map<String, List<String>> schools, Map<String, List<Long>> municipalities) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        boolean background = !List.of(args).contains("--pages-only");
        // -Dsoak.data=FOLDER reuses the demo region of an earlier run (its data folder) instead of loading it again
        String reuse = System.getProperty("soak.data", "");
        Path data = reuse.isEmpty() ? Files.createTempDirectory("msoko-soak-") : Path.of(reuse);
        System.out.println("data folder: " + data);
        long t0 = System.nanoTime();
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MsokoApplication.class)
                .web(WebApplicationType.SERVLET).logStartupInfo(false)
                .initializers(c -> c.getBeanFactory().registerSingleton("soakCpuPerPage", CPU))
                .run("--server.port=0", "--msoko.data=" + data, "--logging.level.root=warn",
                        // every simulated user signs in from 127.0.0.1: the per-address limit would refuse most of them
                        "--msoko.security.login-rate-limit=100000");
        List<String> logins = ctx.getBean(DemoLoader.class).ensureLoaded();
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        System.out.printf(Locale.ROOT, "demo region ready in %.1f s on port %d; logins: %s%n",
                (System.nanoTime() - t0) / 1e9, port, logins);
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        SoakBenchmark bench = new SoakBenchmark("http://localhost:" + port, targets(jdbc));
        int code = 2;
        try {
            bench.singleRequests("region");
            bench.singleRequests("school");
            code = bench.run(seconds, users, background, jdbc);
        } finally {
            ctx.close();
            System.exit(code); // also when the run failed: no simulated user may outlive it
        }
    }

    private static Targets targets(JdbcClient jdbc) {
        Map<String, List<String>> schools = new TreeMap<>();
        Map<String, List<Long>> municipalities = new TreeMap<>();
        for (String login : LOGINS) {
            // the territory of the login, as the demo created it: the whole region, one municipality, one school
            String where = """
                    from school s, app_user u where u.username = :login
                      and (u.municipality_id is null and u.school_id is null
                           or u.school_id is null and s.municipality_id = u.municipality_id or s.id = u.school_id)""";
            schools.put(login, jdbc.sql("select s.code " + where + " order by s.code").param("login", login)
                    .query(String.class).list());
            municipalities.put(login, jdbc.sql("select distinct s.municipality_id " + where + " order by 1")
                    .param("login", login).query(Long.class).list());
        }
        return new Targets(schools, municipalities);
    }

    /** Requests per page of the warm single-user loop: the first half warms up, the second half is measured. */
    private static final int SINGLE_REQUESTS = Integer.getInteger("soak.single", 40);

    /**
     * One user alone, one request after another: the latency of each page when nothing else runs (warm: the first
     * half of the requests only warms the JIT and the database's caches).
     */
    private void singleRequests(String login) {
        Session s = new Session(login);
        String school = targets.schools().get(login).get(0);
        long municipality = targets.municipalities().get(login).get(0);
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("обзор /", "/");
        pages.put("школы муниципалитета", "/dashboard/municipalities/" + municipality + "/schools");
        pages.put("страница школы", "/schools/" + school);
        pages.put("признаки школы", "/schools/" + school + "/signs");
        pages.put("зоны риска", "/risk");
        pages.put("поиск", "/search?q=" + URLEncoder.encode("школа", StandardCharsets.UTF_8));
        pages.put("направление", "/directions/objectivity");
        if (login.equals("region")) {
            pages.put("журнал загрузок", "/imports");
        }
        System.out.printf(Locale.ROOT, "%n«%s» alone, %d requests per page, the last %d measured%n", login,
                SINGLE_REQUESTS, SINGLE_REQUESTS / 2);
        System.out.printf(Locale.ROOT, "%-24s %9s %9s %9s%n", "page", "p50 ms", "p95 ms", "max ms");
        pages.forEach((name, path) -> {
            List<Long> l = new ArrayList<>();
            for (int i = 0; i < SINGLE_REQUESTS; i++) {
                long t = System.nanoTime();
                s.get(name, path);
                if (i >= SINGLE_REQUESTS / 2) {
                    l.add(System.nanoTime() - t);
                }
            }
            Collections.sort(l);
            System.out.printf(Locale.ROOT, "%-24s %9.1f %9.1f %9.1f%n", name, pct(l, 0.50), pct(l, 0.95),
                    l.get(l.size() - 1) / 1e6);
        });
        latencies.clear();
        errorSamples.forEach(e -> System.out.println("  error: " + e));
    }

    private int run(int seconds, int users, boolean background, JdbcClient jdbc) throws Exception {
        long soakRowsBefore = soakRows(jdbc);
        long runsBefore = jdbc.sql("select count(*) from analysis_run").query(Long.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(users + 3, r -> {
            Thread t = new Thread(r, "simulated-user");
            t.setDaemon(true);
            return t;
        });
        List<Future<Session>> sessions = signIn(pool, users);
        long liveAtStart = HeapFloor.liveAfterFullCollection();
        CPU.nanos.clear();
        runStart = System.nanoTime();
        long deadline = runStart + seconds * 1_000_000_000L;
        List<Future<?>> tasks = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String login = LOGINS.get(u % LOGINS.size());
            long seed = u;
            Future<Session> session = sessions.get(u);
            tasks.add(pool.submit(() -> browse(login, session, seed, deadline)));
        }
        if (background) {
            tasks.add(pool.submit(() -> upload(deadline)));
            tasks.add(pool.submit(() -> analyse(deadline)));
        }
        HeapFloor heap = new HeapFloor();
        tasks.add(pool.submit(() -> heap.sample(deadline)));
        for (Future<?> f : tasks) {
            f.get();
        }
        pool.shutdown();
        heap.liveAtEnd = HeapFloor.liveAfterFullCollection();
        long soakRowsFound = soakRows(jdbc) - soakRowsBefore;
        long runsFound = jdbc.sql("select count(*) from analysis_run").query(Long.class).single() - runsBefore;
        heap.liveAtStart = liveAtStart;
        return report(seconds, users, background, soakRowsFound, runsFound, heap);
    }

    private static long soakRows(JdbcClient jdbc) {
        return jdbc.sql("""
                select coalesce(sum(r.row_count), 0) from result_block r join assessment a on a.id = r.assessment_id
                where a.exam_year = :y""")
                .param("y", SOAK_YEAR).query(Long.class).single();
    }

    /**
     * Every simulated user signs in before the clock starts, all at once, and the time this takes is printed: 50
     * sign-ins in the same second (bcrypt and an audit record each) are not what 50 people working through the day
     * do, and measured inside the run they made the first 10–20 s of every page wait for them (docs/benchmarks.md,
     * «Page speed under 50 users»). A sign-in that fails is an error of the run and that user does not browse.
     */
    private List<Future<Session>> signIn(ExecutorService pool, int users) throws InterruptedException {
        if (!SIGN_IN_FIRST) { // -Dsoak.sign-in-first=false: the earlier method, each user signs in on the clock
            List<Future<Session>> later = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                later.add(null);
            }
            return later;
        }
        long t = System.nanoTime();
        List<Future<Session>> sessions = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String login = LOGINS.get(u % LOGINS.size());
            sessions.add(pool.submit(() -> new Session(login)));
        }
        for (Future<Session> f : sessions) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                error("вход", String.valueOf(e.getCause()));
            }
        }
        System.out.printf(Locale.ROOT, "%n%d users signed in at once in %.1f s, before the clock started%n", users,
                (System.nanoTime() - t) / 1e9);
        return sessions;
    }

    /** One user: open pages one after another until the deadline, starting after a pause like any other. */
    private void browse(String login, Future<Session> session, long seed, long deadline) {
        Session s;
        try {
            s = session == null ? new Session(login) : session.get();
        } catch (Exception e) { // counted (at sign-in, or here): this simulated user does not browse
            if (session == null) {
                error("вход", login + " → " + e.getMessage());
            }
            return;
        }
        SplittableRandom random = new SplittableRandom(seed);
        if (session != null) {
            think(random); // the users do not all open their first page in the same millisecond
        }
        while (System.nanoTime() < deadline) {
            String[] page = nextPage(login, random);
            s.get(page[0], page[1]);
            think(random);
        }
    }

    /**
     * A person reads a page before opening the next: a pause drawn uniformly from 0 to 2 × the mean think time
     * ({@code -Dsoak.think-ms}, default 2000; 0 = no pause, a stress run). Part of the simulated workload, not
     * synchronisation.
     */
    private static void think(SplittableRandom random) {
        if (THINK_MS <= 0) {
            return;
        }
        try {
            Thread.sleep(random.nextLong(2 * THINK_MS + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final long THINK_MS = Long.getLong("soak.think-ms", 2000);
    /** Whether the users sign in before the clock starts (default) or, as before, each on the clock. */
    private static final boolean SIGN_IN_FIRST = !"false".equals(System.getProperty("soak.sign-in-first"));

    /** {name, path}: the pages an analyst opens, in the proportions of a working day. */
    private String[] nextPage(String login, SplittableRandom random) {
        List<String> schools = targets.schools().get(login);
        List<Long> municipalities = targets.municipalities().get(login);
        String school = schools.get(random.nextInt(schools.size()));
        long municipality = municipalities.get(random.nextInt(municipalities.size()));
        return switch (random.nextInt(10)) {
            case 0 -> new String[] {"обзор /", "/"};
            case 1 -> new String[] {"школы муниципалитета", "/dashboard/municipalities/" + municipality + "/schools"};
            case 2, 3 -> new String[] {"страница школы", "/schools/" + school};
            case 4 -> new String[] {"признаки школы", "/schools/" + school + "/signs"};
            case 5 -> new String[] {"зоны риска", "/risk"};
            case 6 -> new String[] {"поиск", "/search?q=" + URLEncoder.encode("школа", StandardCharsets.UTF_8)};
            case 7 -> new String[] {"направление", "/directions/objectivity"};
            case 8 -> new String[] {"API зоны риска", "/api/v1/risk"};
            default -> new String[] {"API признаки школы", "/api/v1/schools/" + school + "/signs"};
        };
    }

    /** The writer: a new file of {@link #ROWS_PER_FILE} results uploaded through the page, again and again. */
    private void upload(long deadline) {
        Session s = new Session("region");
        for (int file = 1; System.nanoTime() < deadline; file++) {
            String csv = resultsFile(file);
            if (s.upload("загрузка файла", "soak-" + file + ".csv", csv)) {
                uploadsAcknowledged.incrementAndGet();
                rowsAcknowledged.addAndGet(ROWS_PER_FILE);
            }
        }
    }

    private String resultsFile(int file) {
        StringBuilder csv = new StringBuilder("procedure;year;subject;grade;school_code;participant;mark\n");
        for (int i = 0; i < ROWS_PER_FILE; i++) {
            List<String> all = targets.schools().get("region");
            String school = all.get(i % all.size());
            csv.append("ВПР;").append(SOAK_YEAR).append(";Математика;5;").append(school).append(";soak-")
                    .append(file).append('-').append(i).append(';').append(2 + i % 4).append('\n');
        }
        return csv.toString();
    }

    /** The analyst who keeps pressing «Запустить анализ». */
    private void analyse(long deadline) {
        Session s = new Session("region");
        while (System.nanoTime() < deadline) {
            if (s.startJob("запуск анализа", "/risk/run", "/risk")) {
                runsAcknowledged.incrementAndGet();
            }
        }
    }

    private void record(String page, long nanos) {
        latencies.computeIfAbsent(page, k -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
        if (runStart != 0) {
            int window = (int) ((System.nanoTime() - nanos - runStart) / WINDOW_NANOS);
            windows.computeIfAbsent(window, k -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
        }
    }

    private void error(String page, String what) {
        errors.computeIfAbsent(page, k -> new AtomicLong()).incrementAndGet();
        if (errorSamples.size() < 20) {
            errorSamples.add(page + ": " + what);
        }
    }

    /** A browser: its own cookies, signed in once. */
    private final class Session {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        Session(String login) {
            String token = csrf("/login");
            String form = "username=" + login + "&password=" + DemoLoader.PASSWORD + "&_csrf=" + enc(token);
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("login " + login + " failed: " + r.statusCode() + " "
                        + r.headers().firstValue("Location").orElse(""));
            }
        }

        void get(String name, String path) {
            long t = System.nanoTime();
            try {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
                record(name, System.nanoTime() - t);
                if (r.statusCode() != 200) {
                    error(name, path + " → " + r.statusCode());
                }
            } catch (RuntimeException e) {
                error(name, path + " → " + e);
            }
        }

        boolean upload(String name, String fileName, String content) {
            String token = csrf("/imports");
            String boundary = "soak" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            long t = System.nanoTime();
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/imports?_csrf=" + enc(token)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
            record(name, System.nanoTime() - t);
            // a background job: acknowledged when the job it leads to has ended done
            String job = r.headers().firstValue("Location").orElse("");
            if (r.statusCode() != 302 || !JOB.matcher(job).find()) {
                error(name, fileName + " → " + r.statusCode());
                return false;
            }
            return followJob(name, job);
        }

        /** A form post that starts a background job (the CSRF token from {@code page}); true when the job ended done. */
        boolean startJob(String name, String path, String page) {
            String token = csrf(page);
            long t = System.nanoTime();
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(token))).build());
            record(name, System.nanoTime() - t);
            String job = r.headers().firstValue("Location").orElse("");
            if (r.statusCode() != 302 || !JOB.matcher(job).find()) {
                error(name, path + " → " + r.statusCode());
                return false;
            }
            return followJob(name, job);
        }

        /**
         * Polls the job's page as the browser does (htmx, once a second) until it has ended: true when done. The
         * pause is the browser's polling interval, not a wait for a result.
         */
        private boolean followJob(String name, String location) {
            String path = URI.create(location).getPath() + "/progress";
            long giveUp = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < giveUp) {
                long t = System.nanoTime();
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
                record("ход фоновой задачи", System.nanoTime() - t);
                if (r.statusCode() != 200 || r.body().contains("data-state=\"FAILED\"")) {
                    error(name, path + " → " + r.statusCode() + (r.statusCode() == 200 ? " FAILED" : ""));
                    return false;
                }
                if (r.body().contains("data-state=\"DONE\"")) {
                    return true;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            error(name, path + " → not ended in 10 min");
            return false;
        }

        private String csrf(String page) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + page)).GET().build());
            Matcher m = CSRF.matcher(r.body());
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on " + page + " (" + r.statusCode() + ")");
            }
            return m.group(1);
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * The smallest heap in use seen in each minute: right after a collection the heap holds only live data, so
     * the per-minute minimum follows the live set; a leak shows as a floor that keeps rising.
     */
    static final class HeapFloor {
        final Map<Integer, Long> floorByMinute = new TreeMap<>();
        long liveAtStart;
        long liveAtEnd;

        /**
         * Heap in use after full collections: the live data. Measured before the users start and after they stop
         * (the demo data and caches loaded, nothing running), so the two numbers compare like with like.
         */
        static long liveAfterFullCollection() {
            long used = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                System.gc();
                used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
            return used;
        }

        void sample(long deadline) {
            long start = System.nanoTime();
            while (System.nanoTime() < deadline) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                int minute = (int) ((System.nanoTime() - start) / 60_000_000_000L);
                floorByMinute.merge(minute, used, Math::min);
                try {
                    Thread.sleep(500); // sampling period of a measurement, not synchronisation
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** CPU time of the request's own thread per page, measured inside the app (pages and API only). */
    static final CpuPerPage CPU = new CpuPerPage();

    /**
     * The CPU time each request takes on its own thread (filters, controller, queries, rendering; not the garbage
     * collector nor H2's background writer), per page. Unlike the latency it does not grow with the queue or with
     * other processes on the machine, so runs on a busy machine still compare (docs/benchmarks.md).
     */
    static final class CpuPerPage extends org.springframework.web.filter.OncePerRequestFilter {
        private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final Map<String, List<Long>> nanos = new ConcurrentHashMap<>();

        @Override
        protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
                                        jakarta.servlet.http.HttpServletResponse response,
                                        jakarta.servlet.FilterChain chain)
                throws jakarta.servlet.ServletException, java.io.IOException {
            long start = threads.getCurrentThreadCpuTime();
            try {
                chain.doFilter(request, response);
            } finally {
                String page = page(request.getRequestURI());
                if (page != null) {
                    nanos.computeIfAbsent(page, k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(threads.getCurrentThreadCpuTime() - start);
                }
            }
        }

        /** The page name of {@link #nextPage} for a path; null for static files and the rest. */
        static String page(String path) {
            if (path.equals("/")) {
                return "обзор /";
            }
            if (path.startsWith("/dashboard/municipalities/")) {
                return "школы муниципалитета";
            }
            if (path.startsWith("/api/v1/schools/")) {
                return "API признаки школы";
            }
            if (path.startsWith("/schools/")) {
                return path.endsWith("/signs") ? "признаки школы" : path.indexOf('/', 9) < 0 ? "страница школы" : null;
            }
            return switch (path) {
                case "/risk" -> "зоны риска";
                case "/search" -> "поиск";
                case "/api/v1/risk" -> "API зоны риска";
                case "/imports" -> "журнал загрузок";
                default -> path.startsWith("/directions/") ? "направление" : null;
            };
        }
    }

    private int report(int seconds, int users, boolean background, long rowsFound, long runsFound, HeapFloor heap) {
        System.out.printf(Locale.ROOT, "%n%d users for %d s, think time 0–%d ms between pages%s%n", users, seconds,
                2 * THINK_MS, background ? ", with uploads and analysis runs in the background" : ", pages only");
        System.out.printf(Locale.ROOT, "%-24s %8s %9s %9s %9s %9s %7s %9s %9s%n", "page", "requests", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "errors", "CPU p50", "CPU mean");
        long totalErrors = 0;
        for (String page : new TreeMap<>(latencies).keySet()) {
            List<Long> l = new ArrayList<>(latencies.get(page));
            Collections.sort(l);
            long e = errors.getOrDefault(page, new AtomicLong()).get();
            totalErrors += e;
            List<Long> cpu = new ArrayList<>(CPU.nanos.getOrDefault(page, List.of()));
            Collections.sort(cpu);
            System.out.printf(Locale.ROOT, "%-24s %8d %9.1f %9.1f %9.1f %9.1f %7d %9.1f %9.1f%n", page, l.size(),
                    pct(l, 0.50), pct(l, 0.95), pct(l, 0.99), l.get(l.size() - 1) / 1e6, e,
                    cpu.isEmpty() ? Double.NaN : pct(cpu, 0.50),
                    cpu.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6);
        }
        totalErrors = errors.values().stream().mapToLong(AtomicLong::get).sum(); // sign-ins too: they have no timings
        long all = latencies.values().stream().mapToLong(List::size).sum();
        System.out.printf(Locale.ROOT, "requests %d (%.0f/s), errors %d%n", all, all / (double) seconds, totalErrors);
        errorSamples.forEach(s -> System.out.println("  error: " + s));
        StringBuilder byWindow = new StringBuilder();
        new TreeMap<>(windows).forEach((w, list) -> {
            List<Long> l = new ArrayList<>(list);
            Collections.sort(l);
            byWindow.append(String.format(Locale.ROOT, " %d–%d s: %d / %.0f / %.0f;", w * 10, w * 10 + 10, l.size(),
                    pct(l, 0.50), pct(l, 0.95)));
        });
        System.out.println("every request by the 10 s window it started in, count / p50 / p95 ms:" + byWindow);
        long lostRows = rowsAcknowledged.get() - rowsFound;
        long lostRuns = runsAcknowledged.get() - runsFound;
        if (background) {
            System.out.printf(Locale.ROOT, "uploads acknowledged %d (%d rows), rows found %d, lost rows %d%n",
                    uploadsAcknowledged.get(), rowsAcknowledged.get(), rowsFound, lostRows);
            System.out.printf(Locale.ROOT, "analysis runs acknowledged %d, found %d, lost %d%n", runsAcknowledged.get(),
                    runsFound, lostRuns);
        }
        StringBuilder floors = new StringBuilder();
        heap.floorByMinute.forEach((m, b) -> floors.append(String.format(Locale.ROOT, " %d:%.0f", m + 1, b / 1048576.0)));
        System.out.println("heap floor per minute, MB:" + floors);
        System.out.printf(Locale.ROOT, "live heap after full collections: before the users %.0f MB, after them %.0f MB%n",
                heap.liveAtStart / 1048576.0, heap.liveAtEnd / 1048576.0);
        return totalErrors == 0 && lostRows == 0 && lostRuns == 0 ? 0 : 1;
    }

    private static double pct(List<Long> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }
}
