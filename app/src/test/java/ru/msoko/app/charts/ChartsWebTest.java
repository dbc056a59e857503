package ru.msoko.app.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.TerritoryWebTest;

/**
 * The chart endpoints that static/js/charts.js draws from: the JSON model of a sign's evidence, of the zone history
 * and of the results over the years, the same tables as xlsx, and their scoping. Every expected number is worked
 * out by hand from the evidence string or the results file written here.
 */
class ChartsWebTest extends TerritoryWebTest {

    /** The histogram of the A.5 sign: 9 scores, thresholds «3» from 3, «4» from 5, «5» from 7, an expected curve. */
    static final String HEAPING = "шкала=«3» от 3, «4» от 5, «5» от 7|гистограмма=0 1 2 0 5 1 0 2 1"
            + "|ожидаемо=0.5 1 1.5 2.5 6.5 1 0.5 1 1";

    private long run() {
        jdbc.sql("""
                insert into analysis_run (started_by, started_at, finished_at, method_version, settings, years,
                    results, signs, red, yellow)
                values ('t', current_timestamp, current_timestamp, 't', '', '2025', 5, 1, 1, 0)""").update();
        long run = id("select max(id) from analysis_run");
        jdbc.sql("""
                insert into analysis_risk (run_id, school_id, exam_year, zone, score, signs, procedures, explanation,
                    internal_assessment, history, official, reconciliation)
                select :run, id, 2025, 'red', 3.0, 'THRESHOLD_HEAPING', 'ВПР', 'т', '', '2023:green|2024:yellow', null, ''
                from school where code = 'edu220001'""").param("run", run).update();
        return run;
    }

    private long sign(long run, String school, String sign, String evidence) {
        jdbc.sql("""
                insert into analysis_sign (run_id, school_id, exam_year, procedure, subject, grade, sign, n, counted,
                    explanation, evidence)
                select :run, id, 2025, 'ВПР', 'Математика', 5, :sign, 12, true, 'т', :evidence
                from school where code = :code""")
                .param("run", run).param("sign", sign).param("evidence", evidence).param("code", school).update();
        return id("select max(id) from analysis_sign");
    }

    private MvcResult as(MsokoUser who, String url) throws Exception {
        return mvc.perform(get(url).with(user(who))).andReturn();
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The xlsx's rows as text; a numeric cell as its plain number («6.5», «5»), a text cell as «"text"». */
    private static List<List<String>> sheet(MvcResult r) throws Exception {
        assertThat(r.getResponse().getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
            for (Row row : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (Cell c : row) {
                    cells.add(c == null ? "" : c.getType() == CellType.NUMBER
                            ? c.asNumber().stripTrailingZeros().toPlainString() : "\"" + c.getText() + "\"");
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }

    @Test
    void theHistogramOfASignCarriesItsBarsThresholdsCurveAndTable() throws Exception {
        long sign = sign(run(), "edu220001", "THRESHOLD_HEAPING", HEAPING);

        MvcResult r = as(school, "/api/v1/schools/edu220001/signs/" + sign + "/chart");

        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        String json = body(r);
        assertThat((String) JsonPath.read(json, "$.kind")).isEqualTo("histogram");
        assertThat((List<String>) JsonPath.read(json, "$.categories")).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8");
        assertThat((List<Double>) JsonPath.read(json, "$.series[0].values")).containsExactly(0.0, 1.0, 2.0, 0.0, 5.0, 1.0, 0.0, 2.0, 1.0);
        assertThat((List<Double>) JsonPath.read(json, "$.series[1].values")).containsExactly(0.5, 1.0, 1.5, 2.5, 6.5, 1.0, 0.5, 1.0, 1.0);
        assertThat((String) JsonPath.read(json, "$.series[1].type")).isEqualTo("line");
        // «от 3», «от 5», «от 7» of the scale, labelled «3», «4», «5» in order
        assertThat((List<Double>) JsonPath.read(json, "$.marks[*].at")).containsExactly(3.0, 5.0, 7.0);
        assertThat((List<String>) JsonPath.read(json, "$.marks[*].label")).containsExactly("«3» от 3", "«4» от 5", "«5» от 7");
        // 0 + 1 + 2 + 0 + 5 + 1 + 0 + 2 + 1 = 12 works
        assertThat((String) JsonPath.read(json, "$.description")).contains("всего 12");
        assertThat((List<String>) JsonPath.read(json, "$.table.columns[*].title")).containsExactly("Балл", "Работ", "Ожидалось");
        assertThat((List<Object>) JsonPath.read(json, "$.table.rows[4]")).containsExactly("4", 5.0, 6.5);
        assertThat((String) JsonPath.read(json, "$.file")).isEqualTo("edu220001-THRESHOLD_HEAPING-2025-ВПР-Математика-5кл");
    }

    @Test
    void theHistogramTableDownloadsAsXlsxWithNumericCells() throws Exception {
        long sign = sign(run(), "edu220001", "THRESHOLD_HEAPING", HEAPING);

        MvcResult r = as(municipality, "/api/v1/schools/edu220001/signs/" + sign + "/chart?format=xlsx");

        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getHeader("Content-Disposition")).contains("edu220001-THRESHOLD_HEAPING-2025");
        List<List<String>> rows = sheet(r);
        // a header and the 9 scores 0…8
        assertThat(rows).hasSize(10);
        assertThat(rows.get(0)).containsExactly(q("Балл"), q("Работ"), q("Ожидалось"));
        assertThat(rows.get(5)).containsExactly(q("4"), "5", "6.5");
        assertThat(rows.get(9)).containsExactly(q("8"), "1", "1");
    }

    @Test
    void theTaskProfileGivesSharesInTheJsonAndPerCentInTheXlsx() throws Exception {
        long sign = sign(run(), "edu220001", "HARD_BETTER_THAN_EASY",
                "D_easy=-0.1|D_hard=0.2|задания=1 2 3|решаемость_ОО=0.5 0.9 0.4|решаемость_региона=0.4 0.8 0.6");
        String url = "/api/v1/schools/edu220001/signs/" + sign + "/chart";

        String json = body(as(region, url));
        // the region's rates 0.4, 0.8, 0.6 order the tasks 2 (0.8), 3 (0.6), 1 (0.4)
        assertThat((List<String>) JsonPath.read(json, "$.categories")).containsExactly("2", "3", "1");
        assertThat((List<Double>) JsonPath.read(json, "$.series[0].values")).containsExactly(0.9, 0.4, 0.5);
        assertThat((List<Double>) JsonPath.read(json, "$.series[1].values")).containsExactly(0.8, 0.6, 0.4);
        assertThat((Boolean) JsonPath.read(json, "$.percent")).isTrue();

        List<List<String>> rows = sheet(as(region, url + "?format=xlsx"));
        assertThat(rows.get(0)).containsExactly(q("Задание"), q("ОО, %"), q("Регион, %"));
        assertThat(rows.get(1)).containsExactly(q("2"), "90", "80");
        assertThat(rows.get(3)).containsExactly(q("1"), "50", "40");
    }

    @Test
    void aTextThatLooksLikeAFormulaIsNeutralisedInTheXlsx() throws Exception {
        long sign = sign(run(), "edu220001", "OUTLIER_MEAN",
                "среднее=70|ди_низ=65|ди_верх=75|сжатое=68|группа=55|группа_описание==HYPERLINK(\"http://x\")");

        List<List<String>> rows = sheet(as(school, "/api/v1/schools/edu220001/signs/" + sign + "/chart?format=xlsx"));

        assertThat(rows.get(0)).containsExactly(q("Показатель"), q("Значение"));
        assertThat(rows.get(1)).containsExactly(q("среднее ОО"), "70");
        assertThat(rows.get(5)).containsExactly(q("среднее группы"), "55");
        assertThat(rows.get(6)).containsExactly(q("группа"), q("'=HYPERLINK(\"http://x\")"));
    }

    @Test
    void anotherSchoolsSignIsRefusedAndAMissingOneIsNotFound() throws Exception {
        long run = run();
        long other = sign(run, "edu220002", "THRESHOLD_HEAPING", HEAPING);
        long noChart = sign(run, "edu220001", "YEAR_JUMP", "Z=1.2");

        assertThat(as(school, "/api/v1/schools/edu220002/signs/" + other + "/chart").getResponse().getStatus()).isEqualTo(403);
        // edu220002's sign asked under the school's own code: not its sign
        assertThat(as(school, "/api/v1/schools/edu220001/signs/" + other + "/chart").getResponse().getStatus()).isEqualTo(403);
        assertThat(as(municipality, "/api/v1/schools/edu220002/signs/" + other + "/chart").getResponse().getStatus()).isEqualTo(200);
        assertThat(as(region, "/api/v1/schools/edu220001/signs/" + other + "/chart").getResponse().getStatus()).isEqualTo(404);
        MvcResult none = as(school, "/api/v1/schools/edu220001/signs/" + noChart + "/chart");
        assertThat(none.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(none)).contains("нет графика");
    }

    @Test
    void theZoneHistoryHasOneBarPerYearColouredByZone() throws Exception {
        run();

        String json = body(as(school, "/api/v1/schools/edu220001/zones/chart"));

        // history «2023:green|2024:yellow» and the run's 2025 red
        assertThat((List<String>) JsonPath.read(json, "$.categories")).containsExactly("2023", "2024", "2025");
        assertThat((List<String>) JsonPath.read(json, "$.series[0].labels")).containsExactly("зелёная", "жёлтая", "красная");
        // the badge fills of app.css: .zone-green, .zone-yellow, .zone-red
        assertThat((List<String>) JsonPath.read(json, "$.series[0].colours")).containsExactly("#e3f4e6", "#fff4cc", "#fde2e1");
        assertThat(as(school, "/api/v1/schools/edu220002/zones/chart").getResponse().getStatus()).isEqualTo(403);
        assertThat(as(region, "/api/v1/schools/edu220002/zones/chart").getResponse().getStatus()).isEqualTo(404);
    }

    /**
     * 2024: edu220001 has 12 participants, 6 scoring 1 + 2 + 1 = 4 and 6 scoring 0 + 1 + 0 = 1, mean 30 / 12 = 2.5;
     * edu220002 has 2 scoring 4 and 1 + 2 + 0 = 3: the region's mean is (30 + 7) / 14 = 2.642857…
     * 2025 (Fixtures.RESULTS): edu220001 has 3 participants, fewer than 10: its mean is not shown.
     */
    private void twoYears() {
        StringBuilder csv = new StringBuilder(
                "procedure;year;subject;grade;school_code;participant;class;gender;variant;1 (1б);2 (2б);3 (1б);mark\n");
        for (int i = 0; i < 12; i++) {
            csv.append("ВПР;2024;Математика;5;edu220001;").append(30001 + i).append(";А;м;1;")
                    .append(i < 6 ? "1;2;1;5" : "0;1;0;3").append('\n');
        }
        csv.append("ВПР;2024;Математика;5;edu220002;30101;А;м;1;1;2;1;5\n");
        csv.append("ВПР;2024;Математика;5;edu220002;30102;А;ж;1;1;2;0;4\n");
        imports.importFile(Fixtures.write(dir, "2024.csv", csv.toString()), "2024.csv", "t", ImportOptions.STRICT);
    }

    @Test
    void theResultsOverTheYearsHideTheMeanOfASmallGroup() throws Exception {
        twoYears();

        String json = body(as(school, "/api/v1/schools/edu220001/trends/chart?procedure=VPR&subject=Математика&grade=5"));

        assertThat((String) JsonPath.read(json, "$.kind")).isEqualTo("trend");
        assertThat((List<String>) JsonPath.read(json, "$.categories")).containsExactly("2024", "2025\n(скрыто)");
        List<Double> own = JsonPath.read(json, "$.series[0].values");
        assertThat(own.get(0)).isCloseTo(2.5, within(1e-9));
        assertThat(own.get(1)).isNull();
        List<Double> region = JsonPath.read(json, "$.series[1].values");
        assertThat(region.get(0)).isCloseTo(37.0 / 14, within(1e-9));
        assertThat((Integer) JsonPath.read(json, "$.table.rows[1][1]")).isEqualTo(3);
        assertThat((String) JsonPath.read(json, "$.table.rows[1][2]")).isEqualTo("скрыто: меньше 10 участников");
        assertThat((String) JsonPath.read(json, "$.description")).contains("за 1 год среднее школы скрыто");

        List<List<String>> rows = sheet(as(school, "/api/v1/schools/edu220001/trends/chart?format=xlsx"));
        assertThat(rows.get(0)).containsExactly(q("Год"), q("Участников"), q("Средний балл ОО"), q("Средний по региону"));
        assertThat(rows.get(1).subList(0, 3)).containsExactly(q("2024"), "12", "2.5");
        assertThat(rows.get(2).subList(0, 3)).containsExactly(q("2025"), "3", q("скрыто: меньше 10 участников"));
    }

    @Test
    void theSchoolPageSectionOffersTheGroupsAndPointsItsChartAtTheApi() throws Exception {
        twoYears();

        MvcResult r = as(school, "/schools/edu220001/trends");

        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(r)).contains("ВПР 5 кл., Математика — 2 года", "data-chart-src=\"/api/v1/schools/edu220001/trends/chart?procedure=VPR",
                "Скачать XLSX", "скрыто: меньше 10 участников", "меньше 10");
        assertThat(as(school, "/schools/edu220002/trends").getResponse().getStatus()).isEqualTo(403);
        assertThat(as(school, "/api/v1/schools/edu220001/trends/chart?procedure=OGE&subject=Физика&grade=9")
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theSignPageHasTheChartBoxTheButtonsAndTheTableButNoInlineScript() throws Exception {
        long sign = sign(run(), "edu220001", "THRESHOLD_HEAPING", HEAPING);

        String html = body(as(school, "/schools/edu220001/signs/" + sign));

        assertThat(html).contains("data-chart-src=\"/api/v1/schools/edu220001/signs/" + sign + "/chart\"",
                "/webjars/echarts/5.5.0/echarts.min.js", "/js/charts.js", "Скачать XLSX", "6,5",
                "data-chart-src=\"/api/v1/schools/edu220001/zones/chart?year=2025\"");
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>").doesNotContain("<svg");
        // each chart box is described by its own sentence: two charts, two different ids, both present
        java.util.regex.Matcher described = java.util.regex.Pattern.compile("aria-describedby=\"([^\"]+)\"").matcher(html);
        List<String> ids = new ArrayList<>();
        while (described.find()) {
            ids.add(described.group(1));
        }
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(html).contains("id=\"" + ids.get(0) + "\"", "id=\"" + ids.get(1) + "\"");
    }
}
