package ru.msoko.app.objectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.support.TerritoryWebTest;

/**
 * The page of one sign, its links from the school page and the risk table, and its scope: a municipality or a
 * school sees only the signs of its territory, exactly like the school page.
 */
class SignPageTest extends TerritoryWebTest {

    private long own;
    private long foreign;

    /** A run with one heaping sign of СОШ № 1 (M01) and one of Берёзовская ООШ (M02), and their zones. */
    @BeforeEach
    void run() {
        jdbc.sql("insert into analysis_run (started_by, started_at, finished_at, method_version, settings, years, results, "
                + "signs, red, yellow) values ('t', current_timestamp, current_timestamp, 'v', '', '2026', 1, 2, 1, 0)").update();
        long run = id("select max(id) from analysis_run");
        own = sign(run, "edu220001", "<script>alert(1)</script>", "скопление у «3»");
        foreign = sign(run, "edu220003", "Математика", "СЕКРЕТ М02");
        jdbc.sql("insert into analysis_risk (run_id, school_id, exam_year, zone, score, signs, procedures, explanation, "
                        + "internal_assessment, history, reconciliation) select :run, id, 2026, 'red', 2, 'THRESHOLD_HEAPING', "
                        + "'ВПР 5 кл.', 'Красная зона', '', '2024:green|2025:red', '' from school where code = 'edu220001'")
                .param("run", run).update();
    }

    private long sign(long run, String school, String subject, String explanation) {
        jdbc.sql("insert into analysis_sign (run_id, school_id, exam_year, procedure, subject, grade, sign, n, sign_value, "
                        + "threshold, p_value, q_value, counted, evidence, explanation) select :run, id, 2026, 'ВПР', :subject, 5, "
                        + "'THRESHOLD_HEAPING', 26, 0.3846, 0.15, 0.00001, 0.0004, true, "
                        + "'шкала=«3» от 6, «4» от 11, «5» от 16|гистограмма=1 1 1 0 0 0 10 10 0 0 0 0 0 0 0 0 0 0 0|"
                        + "ожидаемо=1.9 1.9 1.9 1.9 1.9 1.9 1.9 1.9 1.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9 0.9', :explanation "
                        + "from school where code = :school")
                .param("run", run).param("subject", subject).param("explanation", explanation).param("school", school).update();
        return id("select max(id) from analysis_sign");
    }

    private String page(String url, MsokoUser as) throws Exception {
        return mvc.perform(get(url).with(user(as))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theSignPageShowsTheNumbersTheReasonTheChartsAndTheHistory() throws Exception {
        String html = page("/schools/edu220001/signs/" + own, municipality);

        assertThat(html).contains("скопление работ у границ отметок", "СОШ № 1", "скопление у «3»")
                // value 0.3846 to three decimals, threshold 0.15, n 26
                .contains("<dd>0,385</dd>", "<dd>0,15</dd>", "<dd>26</dd>")
                .contains("Учитывается в зоне: сильный признак")
                .contains("ожидалось бы по ОО того же уровня", "<td>1,9</td>")
                .contains("Зона риска ОО по годам", "<td>2024</td>", "<td>зелёная</td>", "<td>2026</td>", "<td>красная</td>")
                .contains("href=\"/schools/edu220001\"");
    }

    @Test
    void aSubjectWithMarkupIsEscaped() throws Exception {
        String html = page("/schools/edu220001/signs/" + own, region);

        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void outsideTheTerritoryTheSignIsForbiddenLikeTheSchool() throws Exception {
        mvc.perform(get("/schools/edu220003/signs/" + foreign).with(user(municipality))).andExpect(status().isForbidden());
        mvc.perform(get("/schools/edu220003").with(user(municipality))).andExpect(status().isForbidden());
        // a sign of another school under an own school's code
        mvc.perform(get("/schools/edu220001/signs/" + foreign).with(user(school))).andExpect(status().isForbidden());
        mvc.perform(get("/schools/edu220001/signs/" + foreign).with(user(region))).andExpect(status().isNotFound());
        assertThat(page("/schools/edu220003/signs/" + foreign, region)).contains("СЕКРЕТ М02");
    }

    @Test
    void theSchoolPageAndTheRiskTableLinkToTheSignPage() throws Exception {
        String link = "href=\"/schools/edu220001/signs/" + own + "\"";

        assertThat(page("/schools/edu220001/signs", school)).contains(link, "Зона риска ОО по годам", "<td>2025</td>");
        assertThat(page("/risk?year=2026", municipality)).contains(link);
    }
}
