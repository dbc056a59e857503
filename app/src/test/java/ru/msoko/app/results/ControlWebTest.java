package ru.msoko.app.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.TerritoryWebTest;

/** The school page's section on observers and re-checks. */
class ControlWebTest extends TerritoryWebTest {

    /**
     * ВПР 2024 maths 5 at edu220001: 12 works, all observed, 10 re-checked with differences school − expert
     * 2, 2, 1, 0, 0, 0, 3, 0, 0, 2 (mean 10 / 10 = +1,0; 4 works of 10 raised by ≥ 2 points = 40,0 %).
     * ВПР 2024 Russian 5: 12 works, none observed, 3 re-checked — fewer than 10, so the statistics are hidden.
     */
    private static String controlled() {
        StringBuilder csv = new StringBuilder(
                "procedure;year;subject;grade;school_code;participant;primary_score;observed;rechecked_score\n");
        int[] delta = {2, 2, 1, 0, 0, 0, 3, 0, 0, 2};
        for (int i = 0; i < 12; i++) {
            csv.append("ВПР;2024;Математика;5;edu220001;m").append(i).append(";10;1;")
                    .append(i < 10 ? String.valueOf(10 - delta[i]) : "").append('\n');
        }
        for (int i = 0; i < 12; i++) {
            csv.append("ВПР;2024;Русский язык;5;edu220001;r").append(i).append(";10;0;").append(i < 3 ? "9" : "")
                    .append('\n');
        }
        return csv.toString();
    }

    @Test
    void observersAndRechecksPerProcedureWithSmallGroupsHidden() throws Exception {
        imports.importFile(Fixtures.write(dir, "control.csv", controlled()), "control.csv", "t", ImportOptions.STRICT);

        String html = mvc.perform(get("/schools/edu220001/control").with(user(school))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("12 (100,0\u00A0%)", ">10<", ">+1,0<", "4 (40,0\u00A0%)")
                .contains("скрыто: перепроверено меньше 10 работ")
                .doesNotContain(">2025<"); // the fixture's 2025 works had neither observers nor re-checks
        assertThat(html.indexOf("Математика")).isLessThan(html.indexOf("Русский язык"));
    }

    @Test
    void withoutControlDataTheSectionSaysWhereItComesFrom() throws Exception {
        String html = mvc.perform(get("/schools/edu220001/control").with(user(region))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Сведений о наблюдателях и перепроверке работ этой школы нет");
    }

    @Test
    void anotherSchoolsSectionIsRefused() throws Exception {
        mvc.perform(get("/schools/edu220002/control").with(user(school))).andExpect(status().isForbidden());
        mvc.perform(get("/schools/edu999999/control").with(user(region))).andExpect(status().isNotFound());
    }
}
