package ru.msoko.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import ru.msoko.app.support.TerritoryWebTest;

/**
 * The small-cell bound is a setting: lowered to 3, the fixture school's group of 3 participants shows its mean
 * and marks on the page, in the API and in the CSV (with the default 10 they are hidden: WebAccessTest, ApiTest).
 */
@TestPropertySource(properties = "msoko.privacy.min-group=3")
class SmallCellsWebTest extends TerritoryWebTest {

    @Test
    void aGroupAtTheBoundShowsItsMeanAndMarks() throws Exception {
        String html = page("/schools/edu220001");
        // school 1: primary scores 4, 1, 2 → mean 7/3 = 2,3; marks 3, 4, 5 once each; region 4, 1, 2, 3, 0 → 2,0
        assertThat(html).contains(">2,3<", ">2,0<", "0 / 1 / 1 / 1").doesNotContain("скрыто: участников меньше");
        // the marks bar of that row: no «2», a third each of «3», «4», «5» (1 of 3 = 33,3 %)
        assertThat(html).contains("aria-label=\"2: 0, 3: 1, 4: 1, 5: 1\"", "class=\"m2 w0\" title=\"«2»: 0 (0,0\u00A0%)\"",
                "class=\"m3 w33\" title=\"«3»: 1 (33,3\u00A0%)\"", "class=\"m5 w33\" title=\"«5»: 1 (33,3\u00A0%)\"");
        String json = page("/api/v1/schools/edu220001/results");
        assertThat((Boolean) JsonPath.read(json, "$.items[0].suppressed")).isFalse();
        assertThat((Integer) JsonPath.read(json, "$.items[0].mark3")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(json, "$.items[0].mark5")).isEqualTo(1);
        assertThat((Double) JsonPath.read(json, "$.items[0].meanPrimary")).isEqualTo(7.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theCsvCarriesTheSameCellsAsTheJson() throws Exception {
        String[] lines = page("/api/v1/schools/edu220001/results?format=csv").strip().split("\r?\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("«2»", "Скрыто (малая группа)");
        // «2»…«5» = 0, 1, 1, 1 and «нет» in the last column; the mean 7/3 with a decimal comma for Russian Excel
        assertThat(lines[1]).contains(";0;1;1;1;", ";2,3333333333333335;").endsWith("нет");
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(user(region))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
