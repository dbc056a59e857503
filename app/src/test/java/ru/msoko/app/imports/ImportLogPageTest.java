package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.StoredResults;
import ru.msoko.app.support.TerritoryWebTest;

/** The import log page: who may roll back what, and the workbook of a rejected file. */
class ImportLogPageTest extends TerritoryWebTest {

    private long resultsBatch() {
        return id("select id from import_batch where file_name = 'results.csv'");
    }

    @Test
    void theLogSaysWhyEachFileWasRecognised() throws Exception {
        String page = mvc.perform(get("/imports").with(user(region))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("распознан как «results.csv (канонический формат результатов)», потому что",
                "Отменить загрузку", "Отклонённых файлов нет.");
    }

    @Test
    void aSchoolDirectoryOffersNoRollbackButAResultsFileDoes() throws Exception {
        long schools = id("select id from import_batch where file_name = 'schools.csv'");
        String page = mvc.perform(get("/imports").with(user(region))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/imports/" + resultsBatch() + "/rollback")
                .doesNotContain("/imports/" + schools + "/rollback")
                .contains("справочник: исправляется загрузкой");
    }

    @Test
    void aSchoolCannotRollBackAndAMunicipalityOnlyItsOwnImports() throws Exception {
        long batch = resultsBatch();
        mvc.perform(post("/imports/" + batch + "/rollback").with(user(school)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/imports/" + batch + "/rollback").with(user(region)))
                .andExpect(status().isForbidden());
        // «t» is no user of M01: its import is outside the municipality and answered like a missing one
        mvc.perform(post("/imports/" + batch + "/rollback").with(user(municipality)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("refused", "загрузки № " + batch + " нет в журнале"));
        users.create("m-colleague", "x", "Коллега", ru.msoko.app.security.Role.MUNICIPALITY_ANALYST,
                municipality.municipalityId(), null);
        jdbc.sql("update import_batch set imported_by = 'm-colleague' where id = :id").param("id", batch).update();
        mvc.perform(post("/imports/" + batch + "/rollback").with(user(municipality)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("refused", "загрузку № " + batch + " сделал другой пользователь "
                        + "(m-colleague): отменить её может он или пользователь с правом загрузки для всего региона"));
        assertThat(StoredResults.count(jdbc)).isEqualTo(6);

        mvc.perform(post("/imports/" + batch + "/rollback").with(user(region)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "загрузка № " + batch + " («results.csv») отменена: удалено 6\u00A0записей"));
        assertThat(StoredResults.count(jdbc)).isZero();
        String page = mvc.perform(get("/imports").with(user(region))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("отменена ").contains("(r)");
    }

    @Test
    void theProblemsOfARejectedFileDownloadAsAWorkbookForTheMunicipalityOnly() throws Exception {
        imports.importFile(Fixtures.write(dir, "bad.csv", Fixtures.RESULTS.replace(";1;2;1;5;5", ";1;2;1;9;5")),
                "bad.csv", municipality.username(), ImportOptions.STRICT);
        long rejection = id("select max(id) from import_rejection");
        String page = mvc.perform(get("/imports").with(user(municipality))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("bad.csv", "/imports/rejections/" + rejection + ".xlsx");

        byte[] xlsx = mvc.perform(get("/imports/rejections/" + rejection + ".xlsx").with(user(municipality)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(xlsx).startsWith('P', 'K');
        mvc.perform(get("/imports/rejections/" + rejection + ".xlsx").with(user(school))).andExpect(status().isForbidden());
        mvc.perform(get("/imports/rejections/" + (rejection + 99) + ".xlsx").with(user(region)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMunicipalitySeesOnlyTheImportsMadeWithinItsTerritory() throws Exception {
        // the fixture's files were imported by «t», not a user of M01: the region's, as the command line's are
        imports.importFile(Fixtures.write(dir, "other.csv", Fixtures.RESULTS.replace(";1;2;1;5;5", ";1;2;1;9;5")),
                "other.csv", "t", ImportOptions.STRICT);
        long rejection = id("select max(id) from import_rejection");
        String page = mvc.perform(get("/imports").with(user(municipality))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("other.csv", "/rollback", "Отменить загрузку");
        assertThat(mvc.perform(get("/imports").with(user(region))).andReturn().getResponse().getContentAsString())
                .contains("other.csv", "/imports/" + resultsBatch() + "/rollback");
        // another territory's rejected file is not found, exactly like one that never was
        mvc.perform(get("/imports/rejections/" + rejection + ".xlsx").with(user(municipality)))
                .andExpect(status().isNotFound());
    }
}
