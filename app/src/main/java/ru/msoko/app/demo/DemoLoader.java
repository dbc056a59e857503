package ru.msoko.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.imports.ImportOutcome;
import ru.msoko.app.imports.ImportService;
import ru.msoko.app.objectivity.AnalysisService;
import ru.msoko.app.security.Role;
import ru.msoko.app.security.UserRepository;
import ru.msoko.app.system.DataFolder;
import ru.msoko.core.demo.DemoManifest;
import ru.msoko.core.demo.DemoRegionGenerator;
import ru.msoko.core.demo.DemoSettings;
import ru.msoko.core.objectivity.ObjectivitySettings;

/**
 * Loads the synthetic demo region through the ordinary import (so the demo exercises the real path)
 * and creates one demo user per role, then runs the first objectivity analysis — for {@code serve --demo} the result
 * files and the analysis on a thread of their own, so that the web application answers while they load. Loads only
 * into an empty database or to finish a demo loading that was interrupted (and analyses only when no analysis has
 * been run).
 */
@Component
public class DemoLoader {

    public static final String PASSWORD = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    private final ImportService imports;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final DataFolder folder;
    private final AnalysisService analysis;
    /** One daemon thread for the background loading of {@code serve --demo} (an executor of jobs can take it over). */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "msoko-demo-loading");
        t.setDaemon(true);
        return t;
    });
    private volatile Future<?> firstAnalysis;

    DemoLoader(ImportService imports, UserRepository users, PasswordEncoder encoder, JdbcClient jdbc,
               DataFolder folder, AnalysisService analysis) {
        this.analysis = analysis;
        this.imports = imports;
        this.users = users;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.folder = folder;
    }

    /** Loads the demo region if the database has no schools and runs the first analysis; returns the logins to print. */
    public List<String> ensureLoaded() {
        loadAndCreateUsers();
        if (runCount() == 0) {
            analyse();
        }
        return logins();
    }

    /**
     * As {@link #ensureLoaded()} for {@code serve --demo}: only the school directory is loaded before the logins are
     * returned; the result files and then the first analysis load on a thread of their own while the web application
     * already answers (each file is its own transaction, so the pages fill file by file; the risk page says «анализ
     * ещё не проводился» until the analysis is stored). A demo whose loading was interrupted (the application stopped
     * or killed) is finished on the next start: the files are written again identically, and those already loaded
     * are recognised by their hash. The content at the end is the same as {@link #ensureLoaded()}'s.
     */
    public List<String> ensureLoadedAnalysingInBackground() {
        List<Path> rest = List.of();
        if (schoolCount() == 0 || unfinished()) {
            List<Path> files = generate(DemoSettings.standard());
            importAll(files.subList(0, 1));
            rest = files.subList(1, files.size());
        }
        createUsers();
        List<String> lines = new ArrayList<>(logins());
        if (!rest.isEmpty() || runCount() == 0) {
            List<Path> pending = rest;
            firstAnalysis = background.submit(() -> finish(pending));
            lines.add(rest.isEmpty() ? "Первый анализ объективности выполняется в фоне: зоны риска появятся через "
                    + "несколько секунд." : "Результаты демо-региона загружаются в фоне (файлов: " + rest.size()
                    + "), затем выполняется первый анализ объективности: страницы заполняются по мере загрузки.");
        }
        return lines;
    }

    /** The demo's loading started here (its imports are in the log) but never reached the first analysis. */
    private boolean unfinished() {
        return runCount() == 0 && jdbc.sql("select count(*) from import_batch where imported_by = 'demo'")
                .query(Long.class).single() > 0;
    }

    private void finish(List<Path> files) {
        try {
            long start = System.nanoTime();
            importAll(files);
            if (!files.isEmpty()) {
                LOG.info("демо-регион: результаты загружены в фоне за {} с", seconds(System.nanoTime() - start));
                settleSchoolUser();
            }
            if (runCount() == 0) {
                analyse();
            }
        } catch (RuntimeException e) {
            // the application keeps serving; the next start finishes the loading, «Запустить анализ» the analysis
            LOG.error("демо-регион: загрузка в фоне не завершена", e);
        }
    }

    private void loadAndCreateUsers() {
        if (schoolCount() == 0) {
            load(DemoSettings.standard());
        }
        createUsers();
    }

    /** The demo shows risk zones from the first start, as a region would after its first analysis. */
    private void analyse() {
        long start = System.nanoTime();
        analysis.analyse(List.of(), ObjectivitySettings.defaults(), "demo");
        LOG.info("демо-регион: первый анализ объективности за {} с", seconds(System.nanoTime() - start));
    }

    /** Waits for the loading and analysis started by {@link #ensureLoadedAnalysingInBackground()}, if any (for tests). */
    void awaitFirstAnalysis() throws InterruptedException, ExecutionException {
        Future<?> f = firstAnalysis;
        if (f != null) {
            f.get();
        }
    }

    /** Stops a background loading or analysis when the application stops (the running transaction is rolled back). */
    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    void load(DemoSettings settings) {
        long start = System.nanoTime();
        List<Path> files = generate(settings);
        long generated = System.nanoTime();
        importAll(files);
        LOG.info("демо-регион: файлы созданы за {} с, загружены за {} с", seconds(generated - start),
                seconds(System.nanoTime() - generated));
    }

    /** Writes the demo files into the data folder: the school directory first, then the result files. */
    private List<Path> generate(DemoSettings settings) {
        DemoManifest manifest;
        try {
            manifest = new DemoRegionGenerator(settings).writeTo(folder.root().resolve("demo"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> files = new ArrayList<>();
        files.add(manifest.schoolsFile());
        files.addAll(manifest.resultFiles());
        return files;
    }

    private void importAll(List<Path> files) {
        for (Path f : files) {
            ImportOutcome outcome = imports.importFile(f, f.getFileName().toString(), "demo", ImportOptions.STRICT);
            if (outcome instanceof ImportOutcome.Rejected r) {
                throw new IllegalStateException("demo file rejected: " + r.summary() + " "
                        + r.problems().stream().limit(5).map(p -> p.describe()).toList());
            }
            LOG.info(outcome.summary());
        }
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private long runCount() {
        return jdbc.sql("select count(*) from analysis_run").query(Long.class).single();
    }

    private long schoolCount() {
        return jdbc.sql("select count(*) from school").query(Long.class).single();
    }

    /** One demo login: its role, the name shown in the header, and its territory (municipality, school). */
    private record DemoUser(String login, Role role, String fullName, boolean municipality, boolean school) {
    }

    /** One login per role; the municipality and school ones share the first municipality and its first school. */
    private static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("region", Role.REGION_ADMIN, "Администратор регионального центра", false, false),
            new DemoUser("region-analyst", Role.REGION_ANALYST, "Аналитик регионального центра", false, false),
            new DemoUser("municipality", Role.MUNICIPALITY_ADMIN, "Администратор управления образования", true,
                    false),
            new DemoUser("municipality-analyst", Role.MUNICIPALITY_ANALYST, "Аналитик управления образования", true,
                    false),
            new DemoUser("school", Role.SCHOOL, "Заместитель директора", false, true),
            new DemoUser("expert", Role.EXPERT, "Эксперт региона", false, false),
            new DemoUser("observer", Role.OBSERVER, "Общественный наблюдатель", true, false),
            new DemoUser("auditor", Role.AUDITOR, "Аудитор", false, false));

    /** Creates the demo logins that are missing (an older demo database gets the roles added since). */
    private void createUsers() {
        if (DEMO_USERS.stream().allMatch(u -> users.find(u.login()).isPresent())) {
            return;
        }
        String hash = encoder.encode(PASSWORD);
        Long municipality = firstMunicipality();
        Long school = schoolUsersSchool(municipality);
        for (DemoUser u : DEMO_USERS) {
            if (users.find(u.login()).isEmpty()) {
                users.create(u.login(), hash, u.fullName(), u.role(), u.municipality() || u.school() ? municipality : null,
                        u.school() ? school : null);
            }
        }
    }

    private Long firstMunicipality() {
        return jdbc.sql("select id from municipality order by code limit 1").query(Long.class).single();
    }

    /** The first school of the municipality with results (the first school at all while no results are loaded yet). */
    private Long schoolUsersSchool(Long municipality) {
        return jdbc.sql("""
                select s.id from school s where s.municipality_id = :m
                order by case when exists (select 1 from result_block r where r.school_id = s.id) then 0 else 1 end, s.code
                limit 1""").param("m", municipality).query(Long.class).single();
    }

    /** After a background loading: the school login gets the school {@link #ensureLoaded()} would have given it. */
    private void settleSchoolUser() {
        Long school = schoolUsersSchool(firstMunicipality());
        for (DemoUser u : DEMO_USERS) {
            if (u.school()) {
                jdbc.sql("update app_user set school_id = :s where username = :login and school_id <> :s")
                        .param("s", school).param("login", u.login()).update();
            }
        }
    }

    private List<String> logins() {
        List<String> lines = new ArrayList<>();
        lines.add("Демо-пользователи (пароль у всех: " + PASSWORD + "):");
        int width = DEMO_USERS.stream().mapToInt(u -> u.login().length()).max().orElse(0);
        for (DemoUser u : DEMO_USERS) {
            String territory = jdbc.sql("""
                    select coalesce(s.name, m.name, 'весь регион') from app_user u
                    left join municipality m on m.id = u.municipality_id left join school s on s.id = u.school_id
                    where u.username = :login""").param("login", u.login()).query(String.class).optional().orElse("");
            lines.add("  " + u.login() + " ".repeat(width - u.login().length()) + " — " + u.role().title() + ", "
                    + territory);
        }
        return lines;
    }
}
