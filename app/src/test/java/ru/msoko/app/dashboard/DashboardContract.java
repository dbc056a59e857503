package ru.msoko.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.imports.ImportOutcome;
import ru.msoko.app.imports.ImportService;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.security.Role;
import ru.msoko.app.security.UserRepository;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.Fixtures;

/**
 * The dashboard's numbers against values computed by hand from the fixture below, per role; run on H2 and on
 * PostgreSQL by the subclasses (the dashboard's SQL is new).
 *
 * <p>Fixture (schools of {@link Fixtures#SCHOOLS}: edu220001 and edu220002 in M01 «Северский округ», edu220003 in
 * M02 «Каменский район»):
 * <pre>
 * ВПР Математика 5, 2025: edu220001 5×«4» + 5×«3" (mean 3,50); edu220002 12×«5» (5,00); edu220003 9×«4» (fewer than 10)
 * ВПР Математика 5, 2024: edu220001 10×«3» (3,00);          edu220002 10×«4» (4,00)
 * ЕГЭ Русский язык 11:    edu220001 10 × 70 points in 2025, 10 × 60 points in 2024
 * zones (run by hand):   2025 edu220001 red, edu220002 red, edu220003 green; 2024 edu220001 green, edu220002 yellow
 * counted signs:         edu220001 three in 2025, none in 2024
 * </pre>
 * Hence M01's ВПР mean 2025 = (5·4 + 5·3 + 12·5) / 22 = 95/22 = 4,318 → «4,32», 2024 = (10·3 + 10·4) / 20 = 3,50 →
 * change +0,82; the region's = (95 + 9·4) / 31 = 4,226 → «4,23», change +0,73; participants 2025: M01 22 + 10 (ЕГЭ)
 * = 32, M02 9, region 41; 2024: region 30 → +11.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class DashboardContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImportService imports;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ru.msoko.app.imports.ImportRollback rollback;
    @TempDir
    Path dir;

    MsokoUser region;
    MsokoUser municipality;
    MsokoUser school;

    @BeforeEach
    void load() {
        DatabaseState.clear(jdbc);
        importText("schools.csv", Fixtures.SCHOOLS);
        String hash = encoder.encode("secret-pass");
        long m01 = id("select id from municipality where code = 'M01'");
        users.create("r", hash, "Регион", Role.REGION_ADMIN, null, null);
        users.create("m", hash, "Муниципалитет", Role.MUNICIPALITY_ADMIN, m01, null);
        users.create("s", hash, "Школа", Role.SCHOOL, null, id("select id from school where code = 'edu220001'"));
        region = users.find("r").orElseThrow();
        municipality = users.find("m").orElseThrow();
        school = users.find("s").orElseThrow();
    }

    private void loadResultsAndZones() {
        StringBuilder csv = new StringBuilder("procedure;year;subject;grade;school_code;participant;mark;score\n");
        int[] n = {0};
        java.util.function.BiConsumer<String, String> rows = (prefix, spec) -> {
            // spec: «count×mark» or «count×score points»
            for (String part : spec.split(",")) {
                String[] cm = part.split("x");
                for (int i = 0; i < Integer.parseInt(cm[0]); i++) {
                    csv.append(prefix).append(++n[0]).append(cm[1]).append('\n');
                }
            }
        };
        rows.accept("ВПР;2025;Математика;5;edu220001;p", "5x;4;,5x;3;");
        rows.accept("ВПР;2025;Математика;5;edu220002;p", "12x;5;");
        rows.accept("ВПР;2025;Математика;5;edu220003;p", "9x;4;");
        rows.accept("ВПР;2024;Математика;5;edu220001;p", "10x;3;");
        rows.accept("ВПР;2024;Математика;5;edu220002;p", "10x;4;");
        rows.accept("ЕГЭ;2025;Русский язык;11;edu220001;p", "10x;;70");
        rows.accept("ЕГЭ;2024;Русский язык;11;edu220001;p", "10x;;60");
        importText("results.csv", csv.toString());
        jdbc.sql("""
                insert into analysis_run (started_by, started_at, finished_at, method_version, settings, years, results,
                                          signs, red, yellow)
                values ('t', :now, :now, 'test', '{}', '2024,2025', 0, 3, 2, 1)""")
                .param("now", OffsetDateTime.now()).update();
        long run = id("select max(id) from analysis_run");
        zone(run, "edu220001", 2025, "red");
        zone(run, "edu220002", 2025, "red");
        zone(run, "edu220003", 2025, "green");
        zone(run, "edu220001", 2024, "green");
        zone(run, "edu220002", 2024, "yellow");
        for (int i = 0; i < 3; i++) {
            jdbc.sql("""
                    insert into analysis_sign (run_id, school_id, exam_year, procedure, subject, grade, sign, n, counted,
                                               explanation)
                    values (:run, (select id from school where code = 'edu220001'), 2025, 'VPR', 'Математика', 5,
                            'BUNCHING', 10, true, 'тест')""").param("run", run).update();
        }
        // a sign that does not count toward the zone is not counted on the dashboard either
        jdbc.sql("""
                insert into analysis_sign (run_id, school_id, exam_year, procedure, subject, grade, sign, n, counted,
                                           explanation)
                values (:run, (select id from school where code = 'edu220001'), 2024, 'VPR', 'Математика', 5,
                        'BUNCHING', 10, false, 'тест')""").param("run", run).update();
    }

    private void zone(long run, String code, int year, String zone) {
        jdbc.sql("""
                insert into analysis_risk (run_id, school_id, exam_year, zone, score, signs, procedures, explanation,
                                           internal_assessment, history, reconciliation)
                values (:run, (select id from school where code = :code), :year, :zone, 1, '', '', 'тест', '', '', 'none')""")
                .param("run", run).param("code", code).param("year", year).param("zone", zone).update();
    }

    private void importText(String name, String content) {
        ImportOutcome o = imports.importFile(Fixtures.write(dir, name, content), name, "t", ImportOptions.STRICT);
        assertThat(o).as(o.toString()).isInstanceOf(ImportOutcome.Imported.class);
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String page(MsokoUser who, String path) throws Exception {
        var r = mvc.perform(get(path).with(user(who))).andReturn().getResponse();
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private static final String NB = "\u00A0";

    @Test
    void theRegionSeesItsMunicipalitiesWithTheChangeAgainstThePreviousYear() throws Exception {
        loadResultsAndZones();
        String html = page(region, "/");
        assertThat(html).contains("Обзор, 2025 год", "Северский округ", "Каменский район",
                // tiles: 41 works (30 a year before), 2 schools red (none before), 0 yellow (1 before), means
                ">41<", "▲ +11", "▲ +2" + NB + "школы в красной зоне", "▼ −1" + NB + "школа в жёлтой зоне",
                ">4,23<", "▲ +0,73", ">70,0<", "▲ +10,0",
                // M01's row: 32 works, ВПР 4,32 (+0,82); M02: 9 works, ВПР mean of 9 works not shown
                ">32<", ">4,32<", "▲ +0,82", ">9<",
                "/dashboard/municipalities/" + id("select id from municipality where code = 'M02'") + "/schools");
        assertThat(html).doesNotContain("ОГЭ"); // no ОГЭ loaded: neither a tile nor a column of dashes
        assertThat(html).doesNotContain(">4,00<"); // edu220003's 9 «4» are fewer than 10: no mean of M02
    }

    @Test
    void aMunicipalitySeesItsSchoolsOnlyWithZonesSignsAndMeans() throws Exception {
        loadResultsAndZones();
        String html = page(municipality, "/");
        assertThat(html).contains("Северский округ, 2025 год", "МБОУ &quot;СОШ № 1&quot;", "МАОУ &quot;Гимназия № 2&quot;",
                "▲ в 2024 году: зелёная зона", "▲ в 2024 году: жёлтая зона",
                ">3,50<", "▲ +0,50", ">5,00<", "▲ +1,00", // ВПР means of the two schools and their change
                "▲ +3", // edu220001's counted signs: 3 against 0
                "▲ +2" + NB + "школы в красной зоне")
                .doesNotContain("Берёзовская", "Каменский район");
        long m02 = id("select id from municipality where code = 'M02'");
        mvc.perform(get("/dashboard/municipalities/" + m02 + "/schools").with(user(municipality)))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(403));
    }

    @Test
    void theRegionOpensAMunicipalitysSchools() throws Exception {
        loadResultsAndZones();
        long m01 = id("select id from municipality where code = 'M01'");
        String html = page(region, "/dashboard/municipalities/" + m01 + "/schools");
        assertThat(html).contains("Северский округ, 2025 год", "МБОУ &quot;СОШ № 1&quot;", ">3,50<", ">5,00<")
                .doesNotContain("Берёзовская");
        mvc.perform(get("/dashboard/municipalities/999999/schools").with(user(region)))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));
    }

    @Test
    void aSchoolSeesItsOwnCard() throws Exception {
        loadResultsAndZones();
        String html = page(school, "/");
        assertThat(html).contains("МБОУ &quot;СОШ № 1&quot;", "Зона риска по годам",
                ">20<", "= без изменений", // 10 ВПР + 10 ЕГЭ works in each year
                "красная зона", "▲ в 2024 году: зелёная зона",
                "▲ +3" + NB + "признака", // three counted signs in 2025, none counted in 2024
                "Русский язык", ">70,0<", "▲ +10,0", "Математика", ">3,50<", "▲ +0,50")
                .doesNotContain("Гимназия", "Берёзовская", "Каменский район");
        long m02 = id("select id from municipality where code = 'M02'");
        mvc.perform(get("/dashboard/municipalities/" + m02 + "/schools").with(user(school)))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(403));
    }

    @Test
    void anEarlierYearIsChosenAndHasNoPreviousYearToCompareWith() throws Exception {
        loadResultsAndZones();
        String html = page(region, "/?year=2024");
        // 2024: M01 works 20 + 10 ЕГЭ = 30, ВПР 3,50, ЕГЭ 60,0; nothing from 2023
        assertThat(html).contains("Обзор, 2024 год", "Результатов за 2023 год нет", ">30<", ">3,50<", ">60,0<")
                .doesNotContain("▲ +");
    }

    /** The overviews are reused between views (OverviewCache) only while the data stays the same. */
    @Test
    void anImportAndItsRollbackShowOnTheNextView() throws Exception {
        loadResultsAndZones();
        assertThat(page(region, "/")).contains(">41<", "▲ +11");
        // one more 2025 ВПР work at edu220003: 42 works, 12 more than in 2024
        ImportOutcome o = imports.importFile(Fixtures.write(dir, "one.csv",
                        "procedure;year;subject;grade;school_code;participant;mark\nВПР;2025;Математика;5;edu220003;z1;5\n"),
                "one.csv", "t", ImportOptions.STRICT);
        assertThat(page(region, "/")).contains(">42<", "▲ +12");
        assertThat(rollback.rollback(((ImportOutcome.Imported) o).batchId(), "t", false))
                .isInstanceOf(ru.msoko.app.imports.ImportRollback.Outcome.RolledBack.class);
        assertThat(page(region, "/")).contains(">41<", "▲ +11");
        // a new analysis run: its zones replace the old ones (edu220001 no longer red: one red school, 2025 only)
        jdbc.sql("""
                insert into analysis_run (started_by, started_at, finished_at, method_version, settings, years, results,
                                          signs, red, yellow)
                values ('t', :now, :now, 'test', '{}', '2025', 0, 0, 1, 0)""").param("now", OffsetDateTime.now()).update();
        zone(id("select max(id) from analysis_run"), "edu220002", 2025, "red");
        assertThat(page(region, "/")).contains("школа в красной зоне").doesNotContain("школы в красной зоне");
    }

    /**
     * What the school page and the direction page keep between views (OverviewCache: the region's means, the loaded
     * results) shows a new import and its rollback on the next view. ЕГЭ Русский язык 11, 2025: edu220001 10 × 70
     * points, region mean 70,0; one more work of 40 points at edu220002 makes it (700 + 40) / 11 = 67,27 → «67,3».
     * The direction page counts the region's ВПР 2025 results: 10 + 12 + 9 = 31, then 32.
     */
    @Test
    void theSchoolAndDirectionPagesShowAnImportAndItsRollbackOnTheNextView() throws Exception {
        loadResultsAndZones();
        assertThat(page(region, "/schools/edu220001")).contains(">70,0<").doesNotContain("67,3");
        assertThat(page(region, "/directions/objectivity")).contains(">31<").doesNotContain(">32<");
        ImportOutcome o = imports.importFile(Fixtures.write(dir, "more.csv", """
                procedure;year;subject;grade;school_code;participant;mark;score
                ЕГЭ;2025;Русский язык;11;edu220002;z1;;40
                ВПР;2025;Математика;5;edu220003;z2;5;
                """), "more.csv", "t", ImportOptions.STRICT);
        assertThat(page(region, "/schools/edu220001")).contains(">67,3<");
        assertThat(page(region, "/directions/objectivity")).contains(">32<").doesNotContain(">31<");
        assertThat(rollback.rollback(((ImportOutcome.Imported) o).batchId(), "t", false))
                .isInstanceOf(ru.msoko.app.imports.ImportRollback.Outcome.RolledBack.class);
        assertThat(page(region, "/schools/edu220001")).contains(">70,0<").doesNotContain("67,3");
        assertThat(page(region, "/directions/objectivity")).contains(">31<").doesNotContain(">32<");
    }

    @Test
    void withoutResultsTheDashboardSaysWhatToLoadAndWhere() throws Exception {
        assertThat(page(region, "/")).contains("Результатов пока нет", "href=\"/imports\"");
        assertThat(page(school, "/")).contains("Результаты по вашей территории ещё не загружены")
                .doesNotContain("href=\"/imports\"");
    }

    @Test
    void aYearTheRegionHasAndTheTerritoryNotIsNamed() throws Exception {
        loadResultsAndZones();
        importText("2026.csv", "procedure;year;subject;grade;school_code;participant;mark\n"
                + "ВПР;2026;Математика;5;edu220003;q1;4\n");
        assertThat(page(municipality, "/")).contains("Данных за 2026 год ещё нет", "href=\"/imports\"",
                "Северский округ, 2025 год");
        assertThat(page(school, "/")).contains("Данных за 2026 год ещё нет", "загружает управление образования")
                .doesNotContain("href=\"/imports\"");
        assertThat(page(region, "/")).contains("Обзор, 2026 год").doesNotContain("Данных за 2026 год ещё нет");
    }
}
