package ru.msoko.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.StoredResults;
import ru.msoko.app.support.TerritoryWebTest;

/** What each role can reach through the web pages. */
class WebAccessTest extends TerritoryWebTest {


    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/schools/edu220001")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Имя пользователя")));
    }

    @Test
    void loginWithTheStoredPasswordWorksAndAWrongOneDoesNot() throws Exception {
        mvc.perform(post("/login").param("username", "r").param("password", "secret-pass").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", Matchers.endsWith("/")));
        mvc.perform(post("/login").param("username", "r").param("password", "wrong").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.endsWith("/login?error")));
    }

    @Test
    void theRegionSeesEveryMunicipalityWithRussianCounts() throws Exception {
        String html = mvc.perform(get("/").with(user(region))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // 3 schools; 5 works present in 2025 (6 results, one absent); the means of fewer than 10 works are not shown
        assertThat(html).contains("Обзор, 2025 год", "Северский округ", "Каменский район", ">3<", ">школы<", ">5<",
                "работ участников в 2025 году");
    }

    @Test
    void aMunicipalitySeesOnlyItsOwnSchools() throws Exception {
        String html = mvc.perform(get("/").with(user(municipality))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Северский округ").doesNotContain("Каменский район");
        long m02 = id("select id from municipality where code = 'M02'");
        mvc.perform(get("/dashboard/municipalities/" + m02 + "/schools").with(user(municipality)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/schools/edu220003").with(user(municipality))).andExpect(status().isForbidden());
        mvc.perform(get("/schools/edu220002").with(user(municipality))).andExpect(status().isOk());
    }

    @Test
    void aSchoolSeesItsOwnPageAndNoOtherSchool() throws Exception {
        String own = mvc.perform(get("/schools/edu220001").with(user(school))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(own).contains("МБОУ &quot;СОШ № 1&quot;", "Математика", "sch220001 (…–2021)");
        mvc.perform(get("/schools/edu220002").with(user(school))).andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("вне вашей территории")));
        mvc.perform(get("/schools/no-such-school").with(user(school))).andExpect(status().isForbidden());
        String dashboard = mvc.perform(get("/").with(user(school))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // its own card: 3 works of its pupils in 2025
        assertThat(dashboard).contains("МБОУ &quot;СОШ № 1&quot;", ">3<", "работы участников в 2025 году",
                "/schools/edu220001").doesNotContain("Каменский район", "Гимназия");
    }

    @Test
    void theSchoolPageHidesMeanAndMarksOfASmallGroup() throws Exception {
        String html = mvc.perform(get("/schools/edu220001").with(user(region))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // school 1 has 3 participants (scores 4, 1, 2 → mean 2,3; marks 3, 4, 5): below the bound of 10 the
        // mean and the marks are hidden; the region mean (4, 1, 2, 3, 0 → 2,0) and the group's size stay.
        // SmallCellsWebTest shows the same row with the bound lowered to 3.
        assertThat(html).contains(">2,0<", "скрыто: участников меньше 10", "class=\"small\"")
                .doesNotContain(">2,3<", "0 / 1 / 1 / 1");
        mvc.perform(get("/schools/no-such-school").with(user(region))).andExpect(status().isNotFound());
    }

    @Test
    void onlyRegionAndMunicipalityMayUploadAndOnlyWithCsrf() throws Exception {
        MockMultipartFile file = new MockMultipartFile("files", "r.csv", "text/csv",
                Fixtures.RESULTS.replace("2025", "2024").getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/imports").file(file).with(user(school)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart("/imports").file(file).with(user(municipality))).andExpect(status().isForbidden());
        // the upload is a background job: the answer leads to its page, which shows the outcome once it has ended
        String html = jobPage(mvc.perform(multipart("/imports").file(file).with(user(municipality)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn(), municipality);
        assertThat(html).contains("r.csv: загружено");
        assertThat(StoredResults.count(jdbc)).isEqualTo(12);
    }

    @Test
    void searchFindsSchoolsByAnyCodeOrNamePartWithinTheScope() throws Exception {
        mvc.perform(get("/search").param("q", "SCH220002").with(user(region)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/schools/edu220002"));
        String many = mvc.perform(get("/search").param("q", "ш").with(user(region))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(many).contains("/schools/edu220001", "/schools/edu220003");
        String none = mvc.perform(get("/search").param("q", "гимназия").with(user(school))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(none).contains("По запросу «гимназия» школ не найдено").doesNotContain("/schools/edu220002");
        String wildcard = mvc.perform(get("/search").param("q", "%").with(user(region)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(wildcard).contains("школ не найдено");
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login")).andExpect(header().string("Content-Security-Policy",
                        Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void everyDirectionHasAPage() throws Exception {
        for (var d : ru.msoko.app.directions.Direction.values()) {
            mvc.perform(get("/directions/" + d.slug()).with(user(region))).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("Управленческий цикл")));
        }
        mvc.perform(get("/directions/nonsense").with(user(region))).andExpect(status().isNotFound());
    }
}
