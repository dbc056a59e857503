package ru.msoko.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.imports.ImportService;
import ru.msoko.app.jobs.JobKind;
import ru.msoko.app.jobs.Jobs;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.security.Role;
import ru.msoko.app.security.UserRepository;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.Databases;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.JobWait;

/**
 * End-to-end walks in a real headless Chromium (issue #7) against the app on a random port (H2): the fixture
 * territory (M01 with edu220001 «СОШ № 1» and edu220002 «Гимназия № 2», M02 with edu220003) loaded through the
 * ordinary import, one account per role under the demo logins (password «demo»), and an analysis run that puts
 * edu220002 in the red zone with a score-heaping sign (the fixture is too small for the real analysis to find a
 * red school: its run gives «недостаточно данных»). One Spring context and one browser for the whole class; the
 * pages' screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "msoko.security.login-rate-limit=1000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(Browser.Required.class)
class BrowserWalkTest {

    static final String PASSWORD = "demo";
    static final String RED_SIGN = "Скопление работ у границы отметки «4» (проверка в браузере)";

    /** The eight demo logins (DemoLoader's names), their role and the title the header shows. */
    record Account(String login, Role role, String municipality, String school) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("region", Role.REGION_ADMIN, null, null),
            new Account("region-analyst", Role.REGION_ANALYST, null, null),
            new Account("municipality", Role.MUNICIPALITY_ADMIN, "M01", null),
            new Account("municipality-analyst", Role.MUNICIPALITY_ANALYST, "M01", null),
            new Account("school", Role.SCHOOL, "M01", "edu220001"),
            new Account("expert", Role.EXPERT, null, null),
            new Account("observer", Role.OBSERVER, "M01", null),
            new Account("auditor", Role.AUDITOR, null, null));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImportService imports;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Jobs jobs;

    Browser browser;
    Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    @BeforeAll
    void territoryAndBrowser() throws Exception {
        browser = Browser.start("http://localhost:" + port);
        dir = Files.createTempDirectory("msoko-e2e");
        DatabaseState.clear(jdbc);
        imports.importFile(Fixtures.write(dir, "schools.csv", Fixtures.SCHOOLS), "schools.csv", "t", ImportOptions.STRICT);
        imports.importFile(Fixtures.write(dir, "results.csv", Fixtures.RESULTS), "results.csv", "t", ImportOptions.STRICT);
        String hash = encoder.encode(PASSWORD);
        for (Account a : ACCOUNTS) {
            Long m = a.municipality() == null ? null : id("select id from municipality where code = '" + a.municipality() + "'");
            Long s = a.school() == null ? null : id("select id from school where code = '" + a.school() + "'");
            users.create(a.login(), hash, "Пользователь " + a.login(), a.role(), a.school() != null ? null : m, s);
        }
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /**
     * Makes the latest analysis run one where edu220002 is red with a counted THRESHOLD_HEAPING sign whose
     * evidence draws a histogram (the stored form of EvidenceChart: шкала, гистограмма, ожидаемо), and
     * edu220001 green; returns the sign's id.
     */
    private long redRun() {
        jdbc.sql("""
                insert into analysis_run (started_by, started_at, finished_at, method_version, settings, years,
                    results, signs, red, yellow)
                values ('e2e', current_timestamp, current_timestamp, 'e2e', '', '2025', 5, 1, 1, 0)""").update();
        long run = id("select max(id) from analysis_run");
        risk(run, "edu220002", "red", 3.0, "THRESHOLD_HEAPING");
        risk(run, "edu220001", "green", 0.0, "");
        jdbc.sql("""
                insert into analysis_sign (run_id, school_id, exam_year, procedure, subject, grade, sign, n,
                    sign_value, threshold, p_value, q_value, counted, evidence, explanation)
                select :run, id, 2025, 'ВПР', 'Математика', 5, 'THRESHOLD_HEAPING', 40, 0.35, 0.2, 0.001, 0.004, true,
                    'шкала=3 от 4, 4 от 7, 5 от 9|гистограмма=0 1 2 3 5 2 3 12 1 4 7|ожидаемо=0.5 1 2 3 4 4.5 4 3.5 3 2.5 2',
                    :text
                from school where code = 'edu220002'""").param("run", run).param("text", RED_SIGN).update();
        return id("select max(id) from analysis_sign");
    }

    private void risk(long run, String school, String zone, double score, String signs) {
        jdbc.sql("""
                insert into analysis_risk (run_id, school_id, exam_year, zone, score, signs, procedures, explanation,
                    internal_assessment, history, official, reconciliation)
                select :run, id, 2025, :zone, :score, :signs, 'ВПР Математика 5', :explanation, '', '', null, ''
                from school where code = :code""")
                .param("run", run).param("zone", zone).param("score", score).param("signs", signs)
                .param("explanation", "Зона по проверке в браузере").param("code", school).update();
    }

    @Test
    void everyRoleSignsInAndSeesItsTitle() {
        for (Account a : ACCOUNTS) {
            browser.login(a.login(), PASSWORD);
            assertThat(browser.path()).as(a.login()).isEqualTo("/");
            assertThat(browser.text()).as(a.login()).contains("Пользователь " + a.login(), a.role().title(), "Выйти");
        }
    }

    /**
     * The dashboard per role with two years to compare: ВПР Математика 6 in 2024 and 2025 at edu220001 (12 works:
     * six «3» and six «4», mean 3,50; then six «4» and six «5», 4,50) and edu220002 (six «2» and six «4», then six
     * «3» and six «5»), and a run by hand with edu220002 red in 2025 after yellow in 2024 (edu220001 green both
     * years). The marks vary within each school and year: with one mark only the analysis that another walk starts
     * fails (YearJumpRule: «z must not be NaN»).
     */
    @Test
    void theDashboardOfEachLevelComparesTheYearWithTheOneBefore() {
        StringBuilder csv = new StringBuilder("procedure;year;subject;grade;school_code;participant;mark\n");
        for (int i = 0; i < 12; i++) {
            int odd = i % 2;
            csv.append("ВПР;2024;Математика;6;edu220001;d24a").append(i).append(';').append(3 + odd).append('\n')
                    .append("ВПР;2025;Математика;6;edu220001;d25a").append(i).append(';').append(4 + odd).append('\n')
                    .append("ВПР;2024;Математика;6;edu220002;d24b").append(i).append(';').append(2 + 2 * odd).append('\n')
                    .append("ВПР;2025;Математика;6;edu220002;d25b").append(i).append(';').append(3 + 2 * odd).append('\n');
        }
        imports.importFile(Fixtures.write(dir, "e2e-dashboard.csv", csv.toString()), "e2e-dashboard.csv", "t",
                ImportOptions.STRICT);
        jdbc.sql("""
                insert into analysis_run (started_by, started_at, finished_at, method_version, settings, years,
                    results, signs, red, yellow)
                values ('e2e', current_timestamp, current_timestamp, 'e2e', '', '2024,2025', 5, 0, 1, 1)""").update();
        long run = id("select max(id) from analysis_run");
        for (String[] z : List.of(new String[] {"edu220001", "2024", "green"}, new String[] {"edu220001", "2025", "green"},
                new String[] {"edu220002", "2024", "yellow"}, new String[] {"edu220002", "2025", "red"})) {
            jdbc.sql("""
                    insert into analysis_risk (run_id, school_id, exam_year, zone, score, signs, procedures, explanation,
                        internal_assessment, history, official, reconciliation)
                    select :run, id, :year, :zone, 1, '', '', 'e2e', '', '', null, '' from school where code = :code""")
                    .param("run", run).param("year", Integer.parseInt(z[1])).param("zone", z[2]).param("code", z[0])
                    .update();
        }
        browser.login("region", PASSWORD).open("/");
        // the region: one school red in 2025 (none in 2024), one yellow fewer (the means depend on what other walks
        // uploaded, so they are checked in DashboardContract)
        assertThat(browser.text()).contains("Обзор, 2025 год", "Муниципалитеты", "Северский округ", "Каменский район",
                "школа в красной зоне", "▲ +1", "▼ −1");
        browser.screenshot("dashboard-region");
        browser.click(By.linkText("Северский округ"));
        assertThat(browser.text()).contains("Северский округ, 2025 год", "СОШ № 1", "Гимназия № 2")
                .doesNotContain("Берёзовская");
        browser.screenshot("dashboard-municipality-schools");
        browser.login("municipality", PASSWORD).open("/");
        assertThat(browser.text()).contains("Школы", "СОШ № 1", "Гимназия № 2", "в 2024 году: жёлтая зона")
                .doesNotContain("Каменский район", "Берёзовская");
        browser.screenshot("dashboard-municipality");
        browser.login("school", PASSWORD).open("/");
        // edu220001: ВПР Математика 6 — 12 works, mean 4,50 against 3,50
        assertThat(browser.text()).contains("СОШ № 1", "Зона риска по годам", "зелёная зона", "= как в 2024 году",
                        "4,50", "▲ +1,00")
                .doesNotContain("Гимназия № 2", "Каменский район");
        browser.screenshot("dashboard-school");
    }

    @Test
    void aWrongPasswordIsRefusedInRussian() {
        browser.login("expert", "not-the-password");
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.text()).contains("Неверное имя пользователя или пароль.");
        browser.screenshot("login-error");
    }

    /**
     * The upload is a background job: the form leads to the job's page. Both workers are held busy by two jobs of
     * the test (released by a latch) so that the page is seen while the upload waits, with its progress bar; then
     * the page, polled by htmx every second, turns into the outcome by itself.
     */
    @Test
    void aMunicipalityUploadsAResultsFileSeesItsProgressThenItsOutcomeAndTheLog() throws Exception {
        // a ВПР Russian file for edu220002, 2 rows: a new procedure/subject, so nothing of it was imported before
        Path file = Fixtures.write(dir, "e2e-russian.csv", """
                procedure;year;subject;grade;school_code;participant;mark
                ВПР;2025;Русский язык;5;edu220002;60001;4
                ВПР;2025;Русский язык;5;edu220002;60002;3
                """);
        CountDownLatch release = new CountDownLatch(1);
        List<Long> holders = holdTheWorkers(release);
        try {
            // a running job with a known total: the bar stands at 1 234 of 5 000 rows (24 %)
            browser.login("municipality", PASSWORD).open("/jobs/" + holders.get(0));
            assertThat(browser.find(By.cssSelector("label[for=job-bar]")).getText())
                    .isEqualTo("Выполняется: проверка строк и запись в базу");
            assertThat(browser.find(By.id("job-bar")).getAttribute("value")).isEqualTo("1234");
            assertThat(browser.find(By.id("job-bar")).getAttribute("max")).isEqualTo("5000");
            // Russian typography: «24 %» with a no-break space (the driver reads it as a space), never «24%»
            assertThat(browser.text()).containsPattern("24[\u00A0 ]%").doesNotContain("24%");
            browser.screenshot("job-running");
            browser.click(By.linkText("Загрузка данных"));
            browser.waitForPath("/imports");
            assertThat(browser.path()).isEqualTo("/imports");
            browser.find(By.id("files")).sendKeys(file.toAbsolutePath().toString());
            browser.click(By.cssSelector("form.upload button[type=submit]"));
            onJobPage();
            assertThat(browser.text()).contains("Загрузка файлов: задача №", "e2e-russian.csv", "В очереди");
            assertThat(browser.find(By.id("job-bar")).getTagName()).isEqualTo("progress");
            assertThat(browser.find(By.cssSelector("label[for=job-bar]")).getText()).startsWith("В очереди");
            browser.screenshot("job-progress");
        } finally {
            release.countDown();
        }
        for (long h : holders) {
            jobs.await(h, JobWait.LIMIT);
        }
        long job = Long.parseLong(browser.path().substring("/jobs/".length()));
        jobs.await(job, JobWait.LIMIT);
        // the next poll brings the outcome (the same block the import page showed) and stops the polling
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> browser.text().contains("e2e-russian.csv: загружено как"));
        assertThat(browser.text()).contains("Выполнено", "Журнал загрузок");
        assertThat(browser.source()).doesNotContain("hx-trigger");
        browser.noSevereErrors().screenshot("job-done");
        assertThat(jdbc.sql("select count(*) from import_batch where file_name = 'e2e-russian.csv' and imported_by = 'municipality'")
                .query(Long.class).single()).isEqualTo(1);
        // the user can come back to it from the menu
        browser.click(By.linkText("Фоновые задачи"));
        browser.waitForPath("/jobs");
        assertThat(browser.path()).isEqualTo("/jobs");
        assertThat(browser.text()).contains("e2e-russian.csv", "выполнено");
        browser.screenshot("jobs");
        browser.open("/imports");
        assertThat(browser.text()).contains("e2e-russian.csv");
        browser.screenshot("imports");
    }

    /**
     * The form's answer has led to the job's page: the click may return before the browser has followed the
     * redirect of a multipart POST, so this waits (bounded) for the address.
     */
    private void onJobPage() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> browser.path().matches("/jobs/\\d+") && !browser.all(By.id("job-status")).isEmpty());
        browser.noSevereErrors();
    }

    /**
     * Two uploads of the municipality that keep both workers (msoko.jobs.threads=2) busy until {@code release},
     * each standing at 1 234 of 5 000 rows.
     */
    private List<Long> holdTheWorkers(CountDownLatch release) throws InterruptedException {
        MsokoUser municipality = users.find("municipality").orElseThrow();
        var auth = new UsernamePasswordAuthenticationToken(municipality, null, municipality.getAuthorities());
        CountDownLatch busy = new CountDownLatch(2);
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long id = jobs.create(JobKind.IMPORT, "held-" + i + ".csv", auth);
            jobs.start(id, auth, p -> {
                p.step("проверка строк и запись в базу", 1234, 5000);
                busy.countDown();
                assertThat(release.await(2, TimeUnit.MINUTES)).isTrue();
                return Jobs.Result.done("готово", "/imports", null);
            }, () -> { });
            ids.add(id);
        }
        assertThat(busy.await(1, TimeUnit.MINUTES)).as("both workers busy").isTrue();
        return ids;
    }

    @Test
    void aRegionAnalystStartsTheAnalysisAndFollowsItToTheRiskZones() throws Exception {
        long before = id("select count(*) from analysis_run");
        browser.login("region-analyst", PASSWORD).click(By.linkText("Зоны риска"));
        browser.click(By.xpath("//button[contains(., 'Запустить анализ')]"));
        onJobPage();
        jobs.await(Long.parseLong(browser.path().substring("/jobs/".length())), JobWait.LIMIT);
        long run = id("select max(id) from analysis_run");
        assertThat(id("select count(*) from analysis_run")).isEqualTo(before + 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> browser.text().contains("Открыть зоны риска"));
        assertThat(browser.text()).contains("расчёт № " + run + " выполнен");
        browser.click(By.linkText("Открыть зоны риска"));
        browser.waitForPath("/risk");
        assertThat(browser.path()).startsWith("/risk");
        assertThat(browser.text()).contains("Расчёт № " + run);
    }

    @Test
    void theRedSchoolItsSignAndTheChart() {
        long sign = redRun();
        browser.login("region-analyst", PASSWORD).open("/risk");
        assertThat(browser.text()).contains("Гимназия № 2", "СОШ № 1");
        browser.screenshot("risk");
        browser.click(By.partialLinkText("Гимназия № 2"));
        browser.waitForPath("/schools/edu220002");
        assertThat(browser.path()).isEqualTo("/schools/edu220002");
        // the zone strip of the school's years and the sign in its table
        browser.waitFor("#signs div.chart[data-chart-state=drawn] canvas");
        assertThat(browser.text()).contains("Зона риска ОО по годам", "красная", RED_SIGN);
        browser.screenshot("school");
        browser.open("/schools/edu220002/signs/" + sign);
        assertThat(browser.text()).contains(RED_SIGN);
        browser.waitFor("div.chart-histogram[data-chart-state=drawn] canvas");
        browser.screenshot("sign");
    }

    /**
     * The charts are drawn in the browser by ECharts from the chart JSON: the sign's histogram becomes a canvas, its
     * «Скачать PNG» makes a PNG data URL, the xlsx link points at the API; the school page draws the results over
     * the years (2024 with 12 participants shows a mean, 2025 with 2 present is hidden); and the charts fit a
     * narrow tablet window too.
     */
    @Test
    void theChartsAreDrawnInTheBrowserAndExport() throws Exception {
        long sign = redRun();
        StringBuilder csv = new StringBuilder("procedure;year;subject;grade;school_code;participant;1 (1б);2 (2б);3 (1б);mark\n");
        for (int i = 0; i < 12; i++) {
            csv.append("ВПР;2024;Математика;5;edu220002;").append(80001 + i).append(i % 2 == 0 ? ";1;2;1;5\n" : ";0;1;1;3\n");
        }
        imports.importFile(Fixtures.write(dir, "e2e-2024.csv", csv.toString()), "e2e-2024.csv", "t", ImportOptions.STRICT);

        browser.login("municipality-analyst", PASSWORD).open("/schools/edu220002/signs/" + sign);
        browser.waitFor("div.chart-histogram[data-chart-state=drawn] canvas");
        assertThat(browser.all(By.cssSelector("div.chart-histogram canvas"))).as("ECharts' canvas").isNotEmpty();
        assertThat(browser.find(By.cssSelector("div.chart-histogram")).getAttribute("aria-label"))
                .isEqualTo("Первичные баллы участников ОО и границы отметок");
        browser.click(By.xpath("(//button[normalize-space()='Скачать PNG'])[1]"));
        String png = browser.find(By.cssSelector("a.chart-png")).getAttribute("href");
        assertThat(png).startsWith("data:image/png;base64,");
        // the exported picture itself, to look at beside the screenshots
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve("sign-chart-export.png"),
                java.util.Base64.getDecoder().decode(png.substring("data:image/png;base64,".length())));
        assertThat(browser.find(By.cssSelector("a.chart-png")).getAttribute("download"))
                .isEqualTo("edu220002-THRESHOLD_HEAPING-2025-ВПР-Математика-5кл.png");
        assertThat(browser.find(By.xpath("(//a[normalize-space()='Скачать XLSX'])[1]")).getAttribute("href"))
                .endsWith("/api/v1/schools/edu220002/signs/" + sign + "/chart?format=xlsx");
        browser.screenshot("sign-chart");

        browser.open("/schools/edu220002");
        browser.waitFor("#trends div.chart-trend[data-chart-state=drawn] canvas");
        assertThat(browser.text()).contains("Результаты по годам", "ВПР 5 кл., Математика — 2 года",
                "скрыто: меньше 10 участников");
        browser.screenshot("school-trends");
        // a sign's chart folded in «График и данные» is drawn when it opens
        browser.click(By.xpath("//summary[normalize-space()='График и данные']"));
        browser.waitFor("#signs div.chart-histogram[data-chart-state=drawn] canvas");
        assertThat(browser.find(By.cssSelector("#signs div.chart-histogram canvas")).getSize().getWidth()).isPositive();

        // the other evidence charts, each drawn without a console error (a script error would be logged as severe)
        Map<String, String> evidence = Map.of(
                "profile", "HARD_BETTER_THAN_EASY|D_easy=-0.1|D_hard=0.2|задания=1 2 3 4 5 6|решаемость_ОО=0.5 0.9 0.4 0.8 0.7 0.85"
                        + "|решаемость_региона=0.9 0.8 0.6 0.5 0.4 0.3",
                "journal", "JOURNAL_INFLATED|понизили=2|подтвердили=10|повысили=8|регион_понизили=0.2|регион_подтвердили=0.7"
                        + "|регион_повысили=0.1",
                "interval", "OUTLIER_MEAN|среднее=17.4|ди_низ=16.1|ди_верх=18.7|сжатое=17.0|группа=13.2"
                        + "|группа_описание=гимназия, город");
        for (var e : evidence.entrySet()) {
            String[] codeAndEvidence = e.getValue().split("\\|", 2);
            jdbc.sql("""
                    insert into analysis_sign (run_id, school_id, exam_year, procedure, subject, grade, sign, n, counted,
                        evidence, explanation)
                    select (select max(id) from analysis_run), id, 2025, 'ВПР', 'Математика', 5, :sign, 20, true, :evidence, 'e2e'
                    from school where code = 'edu220002'""")
                    .param("sign", codeAndEvidence[0]).param("evidence", codeAndEvidence[1]).update();
            browser.open("/schools/edu220002/signs/" + id("select max(id) from analysis_sign"));
            browser.waitFor("div.chart-" + e.getKey() + "[data-chart-state=drawn] canvas").noSevereErrors();
            browser.screenshot("chart-" + e.getKey());
        }

        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(800, 1100));
        try {
            browser.open("/schools/edu220002/signs/" + sign);
            browser.waitFor("div.chart-histogram[data-chart-state=drawn] canvas");
            long width = (Long) browser.script("return document.querySelector('div.chart-histogram canvas').clientWidth");
            long box = (Long) browser.script("return document.querySelector('main').clientWidth");
            assertThat(width).as("the chart fits the tablet's main column").isPositive().isLessThanOrEqualTo(box);
            browser.screenshot("sign-tablet");
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
        }
    }

    /**
     * The analyst's three clicks (issue #7): filter the risk table to the red zone, open the grid of the same filter,
     * then compare two schools chosen by their checkboxes; every step is a plain GET form or link (no script).
     */
    @Test
    void theRiskTableFiltersTheGridAndTheComparison() {
        redRun();
        browser.login("region-analyst", PASSWORD).open("/risk");
        browser.find(By.cssSelector("select[name=zone] option[value=red]")).click();
        browser.click(By.xpath("//form[contains(@class, 'filters')]//button[. = 'Показать']"));
        // the form's submit may return before the address changed (failed once at load ~6)
        browser.waitForAddressWith("zone=red");
        assertThat(browser.path()).startsWith("/risk?");
        assertThat(browser.all(By.cssSelector("input[name=schools]"))).as("the red school only").hasSize(1);
        assertThat(browser.text()).contains("Гимназия № 2", "скопление работ у границ отметок", "красная зона: 1")
                .doesNotContain("СОШ № 1");
        browser.screenshot("risk-filtered");

        browser.click(By.linkText("Плитка школ"));
        browser.waitForPath("/risk/grid");
        assertThat(browser.path()).contains("zone=red");
        assertThat(browser.all(By.cssSelector("a.tile"))).hasSize(1);
        assertThat(browser.text()).contains("Северский округ", "город (1\u00A0школа)".replace("\u00A0", " "));
        browser.screenshot("risk-grid");
        browser.click(By.linkText("все: 2"));
        assertThat(browser.all(By.cssSelector("a.tile"))).hasSize(2);

        browser.open("/risk");
        for (WebElement box : browser.all(By.cssSelector("input[name=schools]"))) {
            box.click();
        }
        browser.click(By.xpath("//button[. = 'Сравнить отмеченные школы']"));
        browser.waitForPath("/compare");
        assertThat(browser.text()).contains("Сравнение двух школ, 2025 год", "Гимназия № 2", "СОШ № 1",
                "красная зона", "зелёная зона", "менее 10 участников");
        browser.screenshot("compare");
        browser.open("/schools/edu220002").click(By.linkText("Сравнить по годам"));
        browser.waitForPath("/compare?school=edu220002");
        browser.screenshot("compare-years");
    }

    @Test
    void theRiskTableDownloadsAsJsonInTheBrowserSession() {
        redRun();
        browser.login("municipality-analyst", PASSWORD).open("/api/v1/risk");
        String json = browser.text();
        assertThat(json).startsWith("{").contains("edu220002", "\"red\"", "edu220001").doesNotContain("edu220003");
    }

    @Test
    void aSchoolCannotReachAnotherSchoolsPageNorItsApi() {
        redRun();
        browser.login("school", PASSWORD).openRefused("/schools/edu220002");
        assertThat(browser.text()).contains("Нет доступа", "вне вашей территории");
        browser.screenshot("forbidden");
        // the API is scoped rather than refused: another school's signs are an empty list (the region sees the sign)
        browser.open("/api/v1/schools/edu220002/signs");
        assertThat(browser.text()).isEqualTo("[]");
        assertThat(browser.source()).doesNotContain(RED_SIGN, "Гимназия");
        browser.open("/schools/edu220001");
        assertThat(browser.text()).contains("СОШ № 1");
        browser.login("region", PASSWORD).open("/api/v1/schools/edu220002/signs");
        assertThat(browser.text()).contains(RED_SIGN);
    }

    @Test
    void withoutTheImportRightThereIsNoUploadLinkAndImportsIsRefused() {
        for (String login : List.of("school", "expert", "observer", "auditor")) {
            browser.login(login, PASSWORD);
            assertThat(browser.all(By.linkText("Загрузка данных"))).as(login).isEmpty();
            browser.openRefused("/imports");
            assertThat(browser.text()).as(login).contains("Нет доступа");
        }
    }

    /**
     * Keyboard only (issue #7): the first Tab reaches «Перейти к содержанию» (shown, with a focus ring), Enter moves
     * into the page, «/» puts the cursor into the search from anywhere, and Tab reaches a link in the rows of the
     * municipalities' table, which Enter opens.
     */
    @Test
    void theKeyboardReachesTheContentTheSearchAndTheRowLinks() {
        browser.login("region", PASSWORD).open("/");
        browser.keys(org.openqa.selenium.Keys.TAB);
        WebElement skip = browser.focused();
        assertThat(skip.getText()).isEqualTo("Перейти к содержанию");
        assertThat(skip.getRect().getY()).as("the skip link is on screen once it has the focus").isGreaterThanOrEqualTo(0);
        assertThat(skip.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(skip.getCssValue("outline-width")).isEqualTo("3px");
        browser.keys(org.openqa.selenium.Keys.ENTER);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("main");
        browser.keys("/");
        assertThat(browser.focused().getAttribute("id")).as("«/» focuses the search").isEqualTo("q");
        assertThat(browser.focused().getAttribute("value")).as("the «/» is not typed into it").isEmpty();

        browser.open("/").keys(org.openqa.selenium.Keys.TAB, org.openqa.selenium.Keys.ENTER); // into the page
        WebElement link = null;
        for (int tab = 0; tab < 40 && link == null; tab++) {
            browser.keys(org.openqa.selenium.Keys.TAB);
            WebElement f = browser.focused();
            if (Boolean.TRUE.equals(browser.script("return arguments[0].matches('table.data tbody a')", f))) {
                link = f;
            }
        }
        assertThat(link).as("a row link of the table within 40 presses of Tab").isNotNull();
        assertThat(link.getCssValue("outline-style")).isEqualTo("solid");
        String href = link.getAttribute("href");
        assertThat(href).contains("/dashboard/municipalities/");
        browser.keys(org.openqa.selenium.Keys.ENTER).waitForPath(href.substring(href.indexOf("/dashboard/")));
        // one school found: the search opens its page at once
        browser.keys("/").keys("Гимназия", org.openqa.selenium.Keys.ENTER).waitForPath("/schools/edu220002");
        assertThat(browser.text()).contains("Гимназия № 2");
    }

    @Test
    void auditLogAndUserManagementPages() {
        browser.login("region", PASSWORD).click(By.linkText("Журнал аудита"));
        browser.waitForPath("/audit");
        assertThat(browser.path()).startsWith("/audit");
        assertThat(browser.text()).contains("region");
        browser.screenshot("audit");
        browser.click(By.linkText("Пользователи"));
        browser.waitForPath("/admin/users");
        assertThat(browser.path()).startsWith("/admin/users");
        assertThat(browser.text()).contains("region-analyst", "municipality-analyst", "auditor");
        browser.screenshot("users");
    }
}
