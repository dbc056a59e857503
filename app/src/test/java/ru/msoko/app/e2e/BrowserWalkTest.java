package ru.msoko.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.imports.ImportService;
import ru.msoko.app.security.Role;
import ru.msoko.app.security.UserRepository;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.Databases;
import ru.msoko.app.support.Fixtures;

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
        browser.login("region", PASSWORD);
        browser.screenshot("dashboard-region");
        browser.login("municipality", PASSWORD);
        browser.screenshot("dashboard-municipality");
        browser.login("school", PASSWORD);
        browser.screenshot("dashboard-school");
    }

    @Test
    void aWrongPasswordIsRefusedInRussian() {
        browser.login("expert", "not-the-password");
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.text()).contains("Неверное имя пользователя или пароль.");
        browser.screenshot("login-error");
    }

    @Test
    void aMunicipalityUploadsAResultsFileAndSeesItInTheLog() throws Exception {
        // a ВПР Russian file for edu220002, 2 rows: a new procedure/subject, so nothing of it was imported before
        Path file = Fixtures.write(dir, "e2e-russian.csv", """
                procedure;year;subject;grade;school_code;participant;mark
                ВПР;2025;Русский язык;5;edu220002;60001;4
                ВПР;2025;Русский язык;5;edu220002;60002;3
                """);
        browser.login("municipality", PASSWORD).click(By.linkText("Загрузка данных"));
        assertThat(browser.path()).isEqualTo("/imports");
        browser.find(By.id("files")).sendKeys(file.toAbsolutePath().toString());
        browser.click(By.cssSelector("form.upload button[type=submit]"));
        assertThat(browser.text()).contains("e2e-russian.csv");
        assertThat(jdbc.sql("select count(*) from import_batch where file_name = 'e2e-russian.csv' and imported_by = 'municipality'")
                .query(Long.class).single()).isEqualTo(1);
        browser.open("/imports");
        assertThat(browser.text()).contains("e2e-russian.csv");
        browser.screenshot("imports");
    }

    @Test
    void aRegionAnalystStartsTheAnalysis() {
        long before = id("select count(*) from analysis_run");
        browser.login("region-analyst", PASSWORD).click(By.linkText("Зоны риска"));
        browser.click(By.xpath("//button[contains(., 'Запустить анализ')]"));
        long run = id("select max(id) from analysis_run");
        assertThat(id("select count(*) from analysis_run")).isEqualTo(before + 1);
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
        assertThat(browser.path()).isEqualTo("/schools/edu220002");
        // the zone strip of the school's years and the sign in its table
        assertThat(browser.text()).contains("Зона риска ОО по годам", "красная", RED_SIGN);
        browser.screenshot("school");
        browser.open("/schools/edu220002/signs/" + sign);
        assertThat(browser.text()).contains(RED_SIGN);
        assertThat(browser.all(By.cssSelector("svg rect"))).as("the histogram's 11 bars").hasSizeGreaterThanOrEqualTo(11);
        browser.screenshot("sign");
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
        assertThat(browser.path()).contains("zone=red");
        assertThat(browser.all(By.cssSelector("input[name=schools]"))).as("the red school only").hasSize(1);
        assertThat(browser.text()).contains("Гимназия № 2", "скопление работ у границ отметок", "красная зона: 1")
                .doesNotContain("СОШ № 1");
        browser.screenshot("risk-filtered");

        browser.click(By.linkText("Плитка школ"));
        assertThat(browser.path()).startsWith("/risk/grid").contains("zone=red");
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
        assertThat(browser.path()).startsWith("/compare");
        assertThat(browser.text()).contains("Сравнение двух школ, 2025 год", "Гимназия № 2", "СОШ № 1",
                "красная зона", "зелёная зона", "менее 10 участников");
        browser.screenshot("compare");
        browser.open("/schools/edu220002").click(By.linkText("Сравнить по годам"));
        assertThat(browser.path()).startsWith("/compare?school=edu220002");
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

    @Test
    void auditLogAndUserManagementPages() {
        browser.login("region", PASSWORD).click(By.linkText("Журнал аудита"));
        assertThat(browser.path()).startsWith("/audit");
        assertThat(browser.text()).contains("region");
        browser.screenshot("audit");
        browser.click(By.linkText("Пользователи"));
        assertThat(browser.path()).startsWith("/admin/users");
        assertThat(browser.text()).contains("region-analyst", "municipality-analyst", "auditor");
        browser.screenshot("users");
    }
}
