package ru.msoko.app.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.TerritoryWebTest;

/**
 * The comparison of two schools or two years over the fixture territory plus ВПР 5 maths 2024 (imported here) and a
 * hand-made analysis run. The numbers, by hand:
 * <pre>
 * 2024 S1 edu220001: 12 participants, primary 6×10 + 4×12 + 2×14 = 136 → mean 11,33; marks 3:6, 4:4, 5:2 → 0/50/33/17 %
 * 2024 S2 edu220002: 10 participants, all 8 → mean 8,0; marks 3:10 → 0/100/0/0 %
 * 2024 region: 216 / 22 = 9,82 → «9,8»; S1 − region = 1,52 → «+1,5 к региону»
 * 2025 S1: 3 participants (the fixture; scores 4, 1, 2 → mean 2,33 must not show): «менее 10 участников»
 * 2025 region: 5 participants (S1 3, S2 2): fewer than 10, so no region mean either («—»)
 * zones: S1 2024 green (YEAR_JUMP), 2025 red (THRESHOLD_HEAPING); S2 2024 yellow
 * </pre>
 */
class CompareTest extends TerritoryWebTest {

    @BeforeEach
    void data() {
        StringBuilder csv = new StringBuilder("procedure;year;subject;grade;school_code;participant;primary_score;mark\n");
        int[] scores = {10, 10, 10, 10, 10, 10, 12, 12, 12, 12, 14, 14};
        int[] marks = {3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5};
        for (int i = 0; i < scores.length; i++) {
            csv.append("ВПР;2024;Математика;5;edu220001;").append(70001 + i).append(';').append(scores[i]).append(';')
                    .append(marks[i]).append('\n');
        }
        for (int i = 0; i < 10; i++) {
            csv.append("ВПР;2024;Математика;5;edu220002;").append(70101 + i).append(";8;3\n");
        }
        imports.importFile(Fixtures.write(dir, "compare-2024.csv", csv.toString()), "compare-2024.csv", "t",
                ImportOptions.STRICT);
        jdbc.sql("""
                insert into analysis_run (started_by, started_at, finished_at, method_version, settings, years, results,
                    signs, red, yellow)
                values ('t', current_timestamp, current_timestamp, 'v', '', '2024,2025', 27, 2, 1, 1)""").update();
        long run = id("select max(id) from analysis_run");
        risk(run, "edu220001", 2024, "green");
        risk(run, "edu220001", 2025, "red");
        risk(run, "edu220002", 2024, "yellow");
        sign(run, "edu220001", 2024, "YEAR_JUMP");
        sign(run, "edu220001", 2025, "THRESHOLD_HEAPING");
    }

    private void risk(long run, String code, int year, String zone) {
        jdbc.sql("""
                insert into analysis_risk (run_id, school_id, exam_year, zone, score, signs, procedures, explanation,
                    internal_assessment, history, official, reconciliation)
                select :run, id, :year, :zone, 1, '', '', 'пояснение', '', '', null, '' from school where code = :code""")
                .param("run", run).param("year", year).param("zone", zone).param("code", code).update();
    }

    private void sign(long run, String code, int year, String sign) {
        jdbc.sql("""
                insert into analysis_sign (run_id, school_id, exam_year, procedure, subject, grade, sign, n, counted,
                    explanation)
                select :run, id, :year, 'ВПР', 'Математика', 5, :sign, 12, true, 'пояснение' from school where code = :code""")
                .param("run", run).param("year", year).param("sign", sign).param("code", code).update();
    }

    private MvcResult call(String url, MsokoUser as) throws Exception {
        return mvc.perform(get(url).with(user(as))).andReturn();
    }

    private String page(String url, MsokoUser as) throws Exception {
        MvcResult r = call(url, as);
        assertThat(r.getResponse().getStatus()).as(url).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void oneSchoolInTwoYearsShowsWhatChanged() throws Exception {
        String html = page("/compare?school=edu220001&years=2024,2025", school);
        assertThat(html).contains("2024 и 2025 годы", "зелёная зона", "красная зона", "Появились в 2025 (1)",
                "скопление работ у границ отметок", "Ушли в 2025 (1)", "резкий рост результата",
                "11,3", "+1,5 к региону", "0 % / 50 % / 33 % / 17 %", "менее 10 участников", "9,8 → —");
        assertThat(html).as("the mean of 3 participants is not shown").doesNotContain("2,3");
        // without years: the school's two latest years
        assertThat(page("/compare?school=edu220001", school)).contains("2024 и 2025 годы", "Появились в 2025 (1)");
    }

    @Test
    void twoSchoolsOfAYearSideBySide() throws Exception {
        String html = page("/compare?schools=edu220001,edu220002&year=2024", municipality);
        assertThat(html).contains("Сравнение двух школ, 2024 год", "СОШ № 1", "Гимназия № 2", "11,3", "8,0", "9,8",
                "0 % / 100 % / 0 % / 0 %", "зелёная зона", "жёлтая зона");
        // the checkboxes of the risk table send the codes as repeated parameters
        assertThat(page("/compare?schools=edu220001&schools=edu220002&year=2024", municipality))
                .contains("Сравнение двух школ, 2024 год", "8,0");
        // without a year: the latest year of the run, where S1 has 3 participants and S2 no zone
        assertThat(page("/compare?schools=edu220001,edu220002", municipality))
                .contains("Сравнение двух школ, 2025 год", "менее 10 участников", "нет расчёта за этот год");
    }

    @Test
    void incompleteRequestsShowTheFormWithAHint() throws Exception {
        assertThat(page("/compare?schools=edu220001", municipality)).contains("Выберите вторую школу",
                "Две школы за год", "Школа по годам");
        assertThat(page("/compare", municipality)).contains("Две школы за год").doesNotContain("Берёзовская");
        assertThat(page("/compare?schools=edu220001,edu220001", municipality)).contains("Выберите две разные школы");
        // a school user has nobody to compare with: only the form of its years
        assertThat(page("/compare", school)).contains("Школа по годам").doesNotContain("Две школы за год", "Гимназия");
    }

    @Test
    void eachRoleComparesOnlyWithinItsTerritory() throws Exception {
        assertThat(call("/compare?schools=edu220001,edu220002", school).getResponse().getStatus()).isEqualTo(403);
        assertThat(call("/compare?school=edu220002", school).getResponse().getStatus()).isEqualTo(403);
        assertThat(call("/compare?schools=edu220001,edu220003", municipality).getResponse().getStatus()).isEqualTo(403);
        assertThat(call("/compare?school=edu220003", municipality).getResponse().getStatus()).isEqualTo(403);
        assertThat(call("/compare?schools=edu220003", municipality).getResponse().getStatus()).isEqualTo(403);
        assertThat(call("/compare?schools=edu220001,edu220003", region).getResponse().getStatus()).isEqualTo(200);
        assertThat(call("/compare?schools=edu220001,edu999999", region).getResponse().getStatus()).isEqualTo(404);
        assertThat(call("/api/v1/compare?schools=edu220001,edu220002", school).getResponse().getStatus()).isEqualTo(403);
        assertThat(call("/api/v1/compare?school=edu220003", municipality).getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theApiGivesTheSameComparisonAsJson() throws Exception {
        String json = page("/api/v1/compare?school=edu220001&years=2024,2025", school);
        assertThat((String) JsonPath.read(json, "$.mode")).isEqualTo("years");
        assertThat((String) JsonPath.read(json, "$.gained[0].sign")).isEqualTo("THRESHOLD_HEAPING");
        assertThat((String) JsonPath.read(json, "$.lost[0].sign")).isEqualTo("YEAR_JUMP");
        assertThat((Double) JsonPath.read(json, "$.lines[0].left.mean")).isCloseTo(136.0 / 12, org.assertj.core.data.Offset.offset(1e-9));
        assertThat((Object) JsonPath.read(json, "$.lines[0].right.mean")).isNull();
        assertThat((Object) JsonPath.read(json, "$.lines[0].right.marks")).isNull();
        assertThat((String) JsonPath.read(json, "$.lines[0].right.note")).isEqualTo("менее 10 участников");
        assertThat((Integer) JsonPath.read(json, "$.lines[0].right.participants")).isEqualTo(3);
        String two = page("/api/v1/compare?schools=edu220001,edu220002&year=2024", region);
        assertThat((List<Integer>) JsonPath.read(two, "$.lines[0].right.marks")).containsExactly(0, 10, 0, 0);
        MvcResult bad = call("/api/v1/compare?schools=edu220001", region);
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentType()).startsWith("application/problem+json");
    }

    @Test
    void theRiskTableAndTheSchoolPageLeadHere() throws Exception {
        assertThat(page("/schools/edu220001", school)).contains("href=\"/compare?school=edu220001\"",
                "href=\"/compare?schools=edu220001\"");
        assertThat(page("/risk", municipality)).contains("action=\"/compare\"", "name=\"schools\" value=\"edu220001\"");
    }
}
