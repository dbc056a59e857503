package ru.msoko.app.objectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.TerritoryWebTest;

/**
 * The filters of the risk table, the grid and {@code GET /api/v1/risk} over a hand-made analysis run of the fixture
 * territory (M01: S1 edu220001 СОШ, город; S2 edu220002 гимназия, город; M02: S3 edu220003 ООШ, село):
 * <pre>
 * 2025: S1 green 0 (no signs); S2 red 3 (ВПР 5 Математика THRESHOLD_HEAPING, counted);
 *       S3 yellow 1 (ВПР 5 Русский язык YEAR_JUMP, counted; ВПР 5 Математика OUTLIER_MEAN, not counted)
 * 2024: S1 yellow 1
 * </pre>
 * Results (what the procedure filters also match by): S1 and S2 wrote ВПР 5 Математика 2025 (the fixture), S3 ВПР 5
 * Математика and Русский язык 2025 (imported here). Every expected count below is read off this table by hand.
 */
class RiskFiltersTest extends TerritoryWebTest {

    long heaping;

    @BeforeEach
    void run() {
        imports.importFile(Fixtures.write(dir, "results-m02.csv", """
                procedure;year;subject;grade;school_code;participant;mark
                ВПР;2025;Математика;5;edu220003;50001;4
                ВПР;2025;Математика;5;edu220003;50002;3
                ВПР;2025;Русский язык;5;edu220003;50003;4
                """), "results-m02.csv", "t", ImportOptions.STRICT);
        jdbc.sql("""
                insert into analysis_run (started_by, started_at, finished_at, method_version, settings, years, results,
                    signs, red, yellow)
                values ('t', current_timestamp, current_timestamp, 'v', '', '2024,2025', 8, 3, 1, 2)""").update();
        long run = id("select max(id) from analysis_run");
        risk(run, "edu220001", 2025, "green", 0, "");
        risk(run, "edu220002", 2025, "red", 3, "THRESHOLD_HEAPING");
        risk(run, "edu220003", 2025, "yellow", 1, "YEAR_JUMP");
        risk(run, "edu220001", 2024, "yellow", 1, "");
        heaping = sign(run, "edu220002", "Математика", "THRESHOLD_HEAPING", true);
        sign(run, "edu220003", "Русский язык", "YEAR_JUMP", true);
        sign(run, "edu220003", "Математика", "OUTLIER_MEAN", false);
    }

    private void risk(long run, String code, int year, String zone, double score, String signs) {
        jdbc.sql("""
                insert into analysis_risk (run_id, school_id, exam_year, zone, score, signs, procedures, explanation,
                    internal_assessment, history, official, reconciliation)
                select :run, id, :year, :zone, :score, :signs, '', 'пояснение', '', '', null, '' from school where code = :code""")
                .param("run", run).param("year", year).param("zone", zone).param("score", score).param("signs", signs)
                .param("code", code).update();
    }

    private long sign(long run, String code, String subject, String sign, boolean counted) {
        jdbc.sql("""
                insert into analysis_sign (run_id, school_id, exam_year, procedure, subject, grade, sign, n, counted,
                    explanation)
                select :run, id, 2025, 'ВПР', :subject, 5, :sign, 20, :counted, 'пояснение' from school where code = :code""")
                .param("run", run).param("subject", subject).param("sign", sign).param("counted", counted)
                .param("code", code).update();
        return id("select max(id) from analysis_sign");
    }

    private String page(String url, MsokoUser as) throws Exception {
        MvcResult r = mvc.perform(get(url).with(user(as))).andReturn();
        assertThat(r.getResponse().getStatus()).as(url).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The school codes of the table's rows (the comparison checkboxes), in the table's order. */
    private static List<String> rows(String html) {
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("name=\"schools\" value=\"(edu\\d+)\"").matcher(html);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    /** The zone counts line: «все: 3 красная зона: 1 …». */
    private static String counts(String html) {
        Matcher m = Pattern.compile("(?s)class=\"zone-counts\".*?</p>").matcher(html);
        assertThat(m.find()).as("the zone counts").isTrue();
        return m.group().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    @Test
    void withoutFiltersEveryZoneAndItsCount() throws Exception {
        String html = page("/risk", region);
        // default order: red, yellow, green
        assertThat(rows(html)).containsExactly("edu220002", "edu220003", "edu220001");
        assertThat(counts(html)).contains("все: 3", "красная зона: 1", "жёлтая зона: 1", "зелёная зона: 1",
                "недостаточно данных: 0");
    }

    @Test
    void eachFilterAloneKeepsTheSchoolsCountedByHand() throws Exception {
        // zone: only S2, the counts stay those of the other filters (1/1/1)
        String red = page("/risk?zone=red", region);
        assertThat(rows(red)).containsExactly("edu220002");
        assertThat(counts(red)).contains("все: 3", "красная зона: 1", "жёлтая зона: 1");
        // procedure + subject: all three wrote ВПР maths (S3's OUTLIER_MEAN is there too)
        assertThat(rows(page("/risk?procedure=ВПР&subject=Математика", region))).hasSize(3);
        // Russian: S3 only (its sign and its results)
        String russian = page("/risk?subject=Русский язык", region);
        assertThat(rows(russian)).containsExactly("edu220003");
        assertThat(counts(russian)).contains("все: 1", "жёлтая зона: 1", "красная зона: 0");
        // a sign: the school that has it, whether counted or not
        assertThat(rows(page("/risk?sign=THRESHOLD_HEAPING", region))).containsExactly("edu220002");
        assertThat(rows(page("/risk?sign=OUTLIER_MEAN", region))).containsExactly("edu220003");
        // school type, settlement, municipality
        assertThat(rows(page("/risk?schoolType=GYMNASIUM", region))).containsExactly("edu220002");
        assertThat(rows(page("/risk?settlement=VILLAGE", region))).containsExactly("edu220003");
        assertThat(rows(page("/risk?municipality=M02", region))).containsExactly("edu220003");
        assertThat(rows(page("/risk?procedure=ВПР&grade=5", region))).hasSize(3);
        // a year: 2024 has S1 only
        String y2024 = page("/risk?year=2024", region);
        assertThat(rows(y2024)).containsExactly("edu220001");
        assertThat(counts(y2024)).contains("все: 1", "жёлтая зона: 1");
    }

    @Test
    void filtersCombineAndAnUnknownValueIsIgnored() throws Exception {
        String html = page("/risk?procedure=ВПР&settlement=VILLAGE&zone=yellow", region);
        assertThat(rows(html)).containsExactly("edu220003");
        assertThat(counts(html)).contains("все: 1", "жёлтая зона: 1", "красная зона: 0", "зелёная зона: 0");
        assertThat(rows(page("/risk?schoolType=CITY&zone=purple&sign=DROP", region))).hasSize(3);
        // the form keeps what was chosen
        assertThat(html).contains("<option value=\"VILLAGE\" selected=\"selected\">село</option>");
    }

    @Test
    void emptyStatesSayWhatToDo() throws Exception {
        assertThat(page("/risk?grade=9", region)).contains("Ни одна школа не подходит под фильтр", "сбросить фильтр");
        assertThat(page("/risk?procedure=ОГЭ", region)).contains("Ни одна школа не подходит под фильтр");
        String noYear = page("/risk?year=2023", region);
        assertThat(noYear).contains("За 2023 год расчёта ещё нет", "запустите расчёт", "href=\"/risk?year=2025\"");
        assertThat(page("/risk?year=2023", municipality)).contains("Расчёт запускает региональный аналитик");
    }

    @Test
    void columnsSortBothWays() throws Exception {
        // names: МАОУ "Гимназия № 2" < МБОУ "СОШ № 1" < МКОУ "Берёзовская ООШ"; scores 3, 0, 1
        assertThat(rows(page("/risk?sort=name", region))).containsExactly("edu220002", "edu220001", "edu220003");
        assertThat(rows(page("/risk?sort=name&dir=desc", region))).containsExactly("edu220003", "edu220001", "edu220002");
        assertThat(rows(page("/risk?sort=score&dir=desc", region))).containsExactly("edu220002", "edu220003", "edu220001");
        assertThat(rows(page("/risk?sort=score", region))).containsExactly("edu220001", "edu220003", "edu220002");
        // Каменский район (S3) before Северский округ
        assertThat(rows(page("/risk?sort=municipality", region)).get(0)).isEqualTo("edu220003");
        // the header links flip the direction and keep the filters
        assertThat(page("/risk?sort=name&zone=red", region)).contains("href=\"/risk?year=2025&amp;zone=red&amp;sort=name&amp;dir=desc\"");
    }

    @Test
    void eachRoleSeesOnlyItsTerritoryAndItsCounts() throws Exception {
        String school = page("/risk", this.school);
        assertThat(rows(school)).containsExactly("edu220001");
        assertThat(counts(school)).contains("все: 1", "зелёная зона: 1", "красная зона: 0");
        String m01 = page("/risk", municipality);
        assertThat(rows(m01)).containsExactly("edu220002", "edu220001");
        assertThat(counts(m01)).contains("все: 2", "красная зона: 1", "жёлтая зона: 0");
        // another municipality by the filter: nothing, and no municipality choice for a municipality user
        assertThat(page("/risk?municipality=M02", municipality)).contains("Ни одна школа не подходит под фильтр")
                .doesNotContain("Каменский район", "Берёзовская");
        assertThat(m01).doesNotContain("name=\"municipality\"");
        assertThat(page("/risk", region)).contains("name=\"municipality\"");
    }

    @Test
    void signsAreBadgesPerProcedureColouredByStrength() throws Exception {
        String html = page("/risk", region);
        assertThat(html).contains("ВПР 5 кл., Математика", "ВПР 5 кл., Русский язык",
                "href=\"/schools/edu220002/signs/" + heaping + "\"", "sign-strong", "sign-level not-counted",
                "(сильный)", "(уровень результатов, не учитывается в зоне)", "action=\"/compare\"");
    }

    @Test
    void theGridGroupsTilesByMunicipalityAndSettlement() throws Exception {
        String region = page("/risk/grid", this.region);
        assertThat(region).contains("Каменский район", "Северский округ", "село (1\u00A0школа)", "город (2\u00A0школы)",
                "href=\"/schools/edu220003\"", "красная зона", "Плитка школ");
        assertThat(tiles(region)).isEqualTo(3);
        assertThat(region.indexOf("Каменский район")).isLessThan(region.indexOf("Северский округ"));
        assertThat(tiles(page("/risk/grid?zone=red", this.region))).isEqualTo(1);
        assertThat(tiles(page("/risk/grid?settlement=CITY&municipality=M01", this.region))).isEqualTo(2);
        assertThat(page("/risk/grid?grade=9", this.region)).contains("Ни одна школа не подходит под фильтр");
        String m01 = page("/risk/grid", municipality);
        assertThat(tiles(m01)).isEqualTo(2);
        assertThat(m01).doesNotContain("Каменский район", "Берёзовская");
        assertThat(tiles(page("/risk/grid", school))).isEqualTo(1);
    }

    private static int tiles(String html) {
        return html.split("class=\"tile zone-", -1).length - 1;
    }

    @Test
    void theApiFiltersPagesAndDownloadsTheFilteredRows() throws Exception {
        String json = page("/api/v1/risk?size=2", region);
        assertThat((Integer) JsonPath.read(json, "$.total")).isEqualTo(3);
        assertThat((List<?>) JsonPath.read(json, "$.items")).hasSize(2);
        assertThat((Integer) JsonPath.read(json, "$.counts.red")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(json, "$.year")).isEqualTo(2025);
        assertThat((List<?>) JsonPath.read(page("/api/v1/risk?size=2&page=2", region), "$.items")).hasSize(1);
        String village = page("/api/v1/risk?settlement=VILLAGE", region);
        assertThat((Integer) JsonPath.read(village, "$.total")).isEqualTo(1);
        assertThat((String) JsonPath.read(village, "$.items[0].code")).isEqualTo("edu220003");

        String csv = page("/api/v1/risk?zone=red&format=csv", region);
        assertThat(csv.split("\r\n")).hasSize(2); // the header and S2
        assertThat(csv).contains("edu220002", "гимназия", "город").doesNotContain("edu220001", "edu220003");
        String schoolCsv = page("/api/v1/risk?format=csv", school);
        assertThat(schoolCsv.split("\r\n")).hasSize(2);
        assertThat(schoolCsv).contains("edu220001").doesNotContain("edu220002");
        MvcResult xlsx = mvc.perform(get("/api/v1/risk?subject=Русский язык&format=xlsx").with(user(region))).andReturn();
        assertThat(xlsx.getResponse().getContentAsByteArray()).startsWith('P', 'K');
    }
}
