package ru.msoko.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.security.Role;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.TerritoryWebTest;

/**
 * What lands in the audit log when people use the application, and the page that shows it. The territory's own
 * loading (TerritoryWebTest: schools.csv and results.csv by «t», not signed in) leaves two IMPORT events first.
 */
class AuditWebTest extends TerritoryWebTest {

    /** The user with the AUDIT permission added (the eight roles of issue #6 give it to administrators and auditors). */
    private static RequestPostProcessor auditing(MsokoUser u) {
        List<GrantedAuthority> authorities = new ArrayList<>(u.getAuthorities());
        authorities.add(new SimpleGrantedAuthority("PERM_AUDIT"));
        return authentication(UsernamePasswordAuthenticationToken.authenticated(u, null, authorities));
    }

    private List<Map<String, Object>> events(String action) {
        return jdbc.sql("select * from audit_event where action = :a order by id").param("a", action).query().listOfRows();
    }

    private Map<String, Object> only(String action) {
        List<Map<String, Object>> rows = events(action);
        assertThat(rows).as(action).hasSize(1);
        return rows.get(0);
    }

    private long m01() {
        return id("select id from municipality where code = 'M01'");
    }

    @Test
    void aLoginAFailedLoginAndALogoutEachLeaveOneEvent() throws Exception {
        mvc.perform(formLogin("/login").user("m").password("secret-pass")).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/login").user("m").password("wrong")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/logout").with(user(municipality)).with(csrf())).andExpect(status().is3xxRedirection());

        Map<String, Object> login = only("LOGIN");
        assertThat(login).containsEntry("username", "m").containsEntry("user_role", "MUNICIPALITY_ADMIN")
                .containsEntry("municipality_id", m01()).containsEntry("client_address", "127.0.0.1")
                .containsEntry("outcome", "OK");
        Map<String, Object> failed = only("LOGIN_FAILED");
        assertThat(failed).containsEntry("username", "m").containsEntry("municipality_id", m01())
                .containsEntry("outcome", "REFUSED").containsEntry("details", "неверное имя пользователя или пароль");
        assertThat(only("LOGOUT")).containsEntry("username", "m").containsEntry("municipality_id", m01());
    }

    @Test
    void aWebImportAndACommandLineImportEachLeaveOneEventWithTheirUser() throws Exception {
        assertThat(events("IMPORT")).extracting(r -> r.get("username")).containsExactly("t", "t");
        String grade6 = Fixtures.RESULTS.replace(";Математика;5;", ";Математика;6;");
        // a background job: it runs on a worker thread, and the event still names the municipality's user
        awaitJob(mvc.perform(multipart("/imports").file(new MockMultipartFile("files", "grade6.csv", "text/csv",
                grade6.getBytes(StandardCharsets.UTF_8))).with(user(municipality)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn());
        imports.importFile(Fixtures.write(dir, "grade7.csv", Fixtures.RESULTS.replace(";Математика;5;", ";Математика;7;")),
                "grade7.csv", "cli:ivan", ImportOptions.STRICT);
        imports.importFile(Fixtures.write(dir, "bad.csv", Fixtures.RESULTS.replace(";1;2;1;5;5", ";1;2;1;9;5")),
                "bad.csv", "cli:ivan", ImportOptions.STRICT);

        List<Map<String, Object>> imported = events("IMPORT");
        assertThat(imported).hasSize(4);
        Map<String, Object> web = imported.get(2);
        assertThat(web).containsEntry("username", "m").containsEntry("user_role", "MUNICIPALITY_ADMIN")
                .containsEntry("municipality_id", m01()).containsEntry("object_type", "import_batch")
                .containsEntry("object_id", String.valueOf(id("select id from import_batch where file_name = 'grade6.csv'")))
                .containsEntry("client_address", "127.0.0.1");
        assertThat((String) web.get("details")).startsWith("grade6.csv: загружено как");
        Map<String, Object> cli = imported.get(3);
        assertThat(cli).containsEntry("username", "cli:ivan").containsEntry("user_role", null)
                .containsEntry("municipality_id", null).containsEntry("client_address", null);
        assertThat(only("IMPORT_REJECTED")).containsEntry("username", "cli:ivan").containsEntry("outcome", "REFUSED");
    }

    @Test
    void theRejectedRowsDownloadIsRecordedAndSoIsARefusedAttempt() throws Exception {
        // imported by «m», so the attempt belongs to M01 (the log is scoped by who made the import)
        imports.importFile(Fixtures.write(dir, "bad.csv", Fixtures.RESULTS.replace(";1;2;1;5;5", ";1;2;1;9;5")),
                "bad.csv", "m", ImportOptions.STRICT);
        long rejection = id("select max(id) from import_rejection");

        mvc.perform(get("/imports/rejections/" + rejection + ".xlsx").with(user(municipality))).andExpect(status().isOk());
        mvc.perform(get("/imports/rejections/" + rejection + ".xlsx").with(user(school))).andExpect(status().isForbidden());

        Map<String, Object> download = only("PUPIL_DATA_DOWNLOAD");
        assertThat(download).containsEntry("username", "m").containsEntry("object_type", "import_rejection")
                .containsEntry("object_id", String.valueOf(rejection)).containsEntry("municipality_id", m01())
                .containsEntry("outcome", "OK");
        assertThat((String) download.get("details"))
                .isEqualTo("GET /imports/rejections/" + rejection + ".xlsx — HTTP 200");
        // the school has no right to it: the central rules refuse before the controller, and the refusal is an event
        assertThat(only("ACCESS_DENIED")).containsEntry("username", "s").containsEntry("outcome", "REFUSED")
                .containsEntry("object_id", "GET /imports/rejections/" + rejection + ".xlsx")
                .containsEntry("school_id", id("select id from school where code = 'edu220001'"));
    }

    @Test
    void anAnalysisRunAndARollbackEachLeaveOneEvent() throws Exception {
        awaitJob(mvc.perform(post("/risk/run").with(user(region)).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn());
        long batch = id("select id from import_batch where file_name = 'results.csv'");
        mvc.perform(post("/imports/" + batch + "/rollback").with(user(region)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(only("ANALYSIS_RUN")).containsEntry("username", "r").containsEntry("user_role", "REGION_ADMIN")
                .containsEntry("object_id", String.valueOf(id("select max(id) from analysis_run")))
                .containsEntry("municipality_id", null).containsEntry("outcome", "OK");
        Map<String, Object> rollback = only("IMPORT_ROLLBACK");
        assertThat(rollback).containsEntry("username", "r").containsEntry("object_id", String.valueOf(batch))
                .containsEntry("outcome", "OK");
        // the fixture results: 6 rows
        assertThat((String) rollback.get("details")).contains("удалено 6");
    }

    @Test
    void thePageNeedsTheAuditPermissionAndShowsEachMunicipalityOnlyItsOwn() throws Exception {
        users.create("m2", encoder.encode("secret-pass"), "Второй", Role.MUNICIPALITY_ADMIN,
                id("select id from municipality where code = 'M02'"), null);
        mvc.perform(formLogin("/login").user("m").password("secret-pass"));
        mvc.perform(formLogin("/login").user("m2").password("secret-pass"));
        MsokoUser m2 = users.find("m2").orElseThrow();

        // the school has no AUDIT permission (administrators and the auditor have it)
        mvc.perform(get("/audit").with(user(school))).andExpect(status().isForbidden());
        mvc.perform(get("/audit.csv").with(user(school))).andExpect(status().isForbidden());

        String all = mvc.perform(get("/audit").with(user(region))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // two imports by «t», two logins, the school's two refused requests
        assertThat(all).contains("Записей: 6", "value=\"m2\"", "value=\"m\"", "value=\"t\"", "value=\"s\"",
                "цепочка записей не нарушена (проверено записей: 6)", "GET /audit.csv", "отказано",
                LocalDate.now().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")), "вход в систему", "Северский округ");
        String own = mvc.perform(get("/audit").with(user(municipality))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // its login and the refusals of its school
        assertThat(own).contains("Записей: 3", "value=\"m\"", "value=\"s\"").doesNotContain("value=\"m2\"", "value=\"t\"");
        String other = mvc.perform(get("/audit").with(auditing(m2))).andReturn().getResponse().getContentAsString();
        assertThat(other).contains("Записей: 1", "value=\"m2\"").doesNotContain("value=\"m\"");
        String filtered = mvc.perform(get("/audit").param("action", "IMPORT").with(auditing(region)))
                .andReturn().getResponse().getContentAsString();
        assertThat(filtered).contains("Записей: 2");
    }

    @Test
    void theExportsNeutraliseFormulasAndAreRecordedThemselves() throws Exception {
        String hostile = "=HYPERLINK(\"http://evil\",\"x\")";
        mvc.perform(formLogin("/login").user(hostile).password("x"));
        mvc.perform(formLogin("/login").user("@SUM(1)").password("x"));

        String csv = new String(mvc.perform(get("/audit.csv").param("action", "LOGIN_FAILED").with(auditing(region)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF№;Когда;Пользователь")
                .contains(";\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\";", ";'@SUM(1);");
        // header and two events; no field begins like a formula (fields never hold «;» unquoted here)
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            for (String field : line.split(";")) {
                String f = field.startsWith("\"") ? field.substring(1) : field;
                assertThat(f).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
            }
        }

        byte[] xlsx = mvc.perform(get("/audit.xlsx").param("action", "LOGIN_FAILED").with(auditing(region)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<Row> rows;
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             Stream<Row> s = wb.getFirstSheet().openStream()) {
            rows = s.toList();
        }
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(r -> r.getCell(2).getText()).contains("'" + hostile, "'@SUM(1)");
        for (Row r : rows) {
            for (Cell c : r) {
                if (c != null && c.getType() == CellType.STRING && !c.getText().isEmpty()) {
                    assertThat("=+-@\t\r").doesNotContain(c.getText().substring(0, 1));
                }
            }
        }
        assertThat(events("AUDIT_EXPORT")).hasSize(2).allSatisfy(e -> assertThat(e).containsEntry("username", "r"));
    }
}
