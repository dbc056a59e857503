package ru.msoko.app.objectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.TerritoryWebTest;

/** The risk-zone page: only the region starts a run, and everyone sees only the schools of their territory. */
class RiskPageTest extends TerritoryWebTest {

    @BeforeEach
    void secondMunicipality() {
        imports.importFile(Fixtures.write(dir, "results-m02.csv", """
                procedure;year;subject;grade;school_code;participant;mark
                ВПР;2025;Математика;5;edu220003;50001;4
                ВПР;2025;Математика;5;edu220003;50002;3
                """), "results-m02.csv", "t", ImportOptions.STRICT);
    }

    private String page(String url, MsokoUser as) throws Exception {
        return mvc.perform(get(url).with(user(as))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void beforeTheFirstRunThePageSaysWhatToDo() throws Exception {
        assertThat(page("/risk", municipality)).contains("Анализ ещё не проводился", "./msoko analyze");
    }

    @Test
    void onlyTheRegionStartsARunAndEachRoleSeesItsOwnTerritory() throws Exception {
        mvc.perform(post("/risk/run").with(user(municipality)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/risk/run").with(user(region))).andExpect(status().isForbidden());
        awaitJob(mvc.perform(post("/risk/run").with(user(region)).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn());

        assertThat(page("/risk", region)).contains("Расчёт № ", "СОШ № 1", "Гимназия № 2", "Берёзовская ООШ",
                "недостаточно данных");
        assertThat(page("/risk", municipality)).contains("СОШ № 1", "Гимназия № 2").doesNotContain("Берёзовская ООШ");
        assertThat(page("/risk", school)).contains("СОШ № 1").doesNotContain("Гимназия № 2", "Берёзовская ООШ");
        assertThat(jdbc.sql("select count(*) from analysis_risk").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void filtersKeepOnlyTheChosenZone() throws Exception {
        awaitJob(mvc.perform(post("/risk/run").with(user(region)).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn());

        assertThat(page("/risk?zone=red", region)).contains("Ни одна школа не подходит под фильтр").doesNotContain("СОШ № 1");
        assertThat(page("/risk?zone=insufficient_data&year=2025", region)).contains("СОШ № 1");
    }

    @Test
    void aSchoolCannotReadAnotherSchoolsSigns() throws Exception {
        jdbc.sql("insert into analysis_run (started_by, started_at, finished_at, method_version, settings, years, results, "
                + "signs, red, yellow) values ('t', current_timestamp, current_timestamp, 'v', '', '2025', 1, 1, 0, 0)").update();
        long run = jdbc.sql("select max(id) from analysis_run").query(Long.class).single();
        long other = jdbc.sql("select id from school where code = 'edu220003'").query(Long.class).single();
        jdbc.sql("insert into analysis_sign (run_id, school_id, exam_year, procedure, subject, grade, sign, n, counted, "
                + "explanation) values (:run, :school, 2025, 'ВПР', 'Математика', 5, 'THRESHOLD_HEAPING', 12, true, 'СЕКРЕТ')")
                .param("run", run).param("school", other).update();

        assertThat(page("/schools/edu220003/signs", school)).doesNotContain("СЕКРЕТ");
        assertThat(page("/schools/edu220003/signs", region)).contains("СЕКРЕТ", "скопление работ у границ отметок");
    }

    @Test
    void theApiGivesTheSameScopedZonesAsJson() throws Exception {
        awaitJob(mvc.perform(post("/risk/run").with(user(region)).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn());

        String all = page("/api/v1/risk", region);
        String own = page("/api/v1/risk?year=2025", school);
        assertThat(all).contains("\"year\":2025", "edu220001", "edu220002", "edu220003", "insufficient_data");
        assertThat(own).contains("edu220001").doesNotContain("edu220002", "edu220003");
    }
}
