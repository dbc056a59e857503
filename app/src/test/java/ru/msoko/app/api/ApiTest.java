package ru.msoko.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.msoko.app.security.ApiProblem;
import ru.msoko.app.security.ApiTokenRepository;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.TerritoryWebTest;

/**
 * The API of issue #7 on the fixture territory (M01: edu220001, edu220002; M02: edu220003): personal tokens, the
 * problem format of every error, pagination, downloads, and the OpenAPI document against the handler mappings.
 */
class ApiTest extends TerritoryWebTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;
    @Autowired
    ApiErrors errors;

    /** Creates a token on the account page as this user and returns it as shown once. */
    private String token(MsokoUser owner, String name) throws Exception {
        MvcResult r = mvc.perform(post("/account/tokens").param("name", name).with(user(owner)).with(csrf())).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/account/tokens");
        return (String) r.getFlashMap().get("created");
    }

    private MvcResult bearer(String token, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn();
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The RFC 9457 shape: status, machine code, a Russian detail, the media type. */
    private static void problem(MvcResult r, int status, String code) throws Exception {
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(status);
        assertThat(r.getResponse().getContentType()).startsWith(ApiProblem.MEDIA_TYPE);
        String json = body(r);
        assertThat((Integer) JsonPath.read(json, "$.status")).isEqualTo(status);
        assertThat((String) JsonPath.read(json, "$.code")).isEqualTo(code);
        assertThat((String) JsonPath.read(json, "$.title")).isNotBlank();
        assertThat((String) JsonPath.read(json, "$.detail")).containsPattern("[А-Яа-яЁё]");
        assertThat((String) JsonPath.read(json, "$.type")).isEqualTo("urn:msoko:problem:" + code);
    }

    @Test
    void aTokenActsAsItsOwnerWithinTheOwnersTerritoryWithoutASession() throws Exception {
        String token = token(school, "выгрузка");
        assertThat(token).startsWith("msk_");
        // only the SHA-256 is stored
        assertThat(jdbc.sql("select token_hash from api_token").query(String.class).single())
                .isEqualTo(ApiTokenRepository.sha256(token)).doesNotContain(token);

        MvcResult own = bearer(token, get("/api/v1/schools"));
        assertThat(own.getResponse().getStatus()).isEqualTo(200);
        assertThat(own.getRequest().getSession(false)).as("no session for a bearer request").isNull();
        // the school account sees exactly its own school (1 of the 3 fixture schools)
        assertThat((Integer) JsonPath.read(body(own), "$.total")).isEqualTo(1);
        assertThat((List<String>) JsonPath.read(body(own), "$.items[*].code")).containsExactly("edu220001");
        assertThat(bearer(token, get("/api/v1/schools/edu220001/results")).getResponse().getStatus()).isEqualTo(200);
        problem(bearer(token, get("/api/v1/schools/edu220002/results")), 403, "forbidden");
        // the school role lacks IMPORT and ANALYZE
        problem(bearer(token, get("/api/v1/imports")), 403, "forbidden");
        problem(bearer(token, post("/api/v1/analysis-runs")), 403, "forbidden");
        // the creation is in the audit log
        assertThat(id("select count(*) from audit_event where action = 'USER_CHANGE' and object_type = 'api_token'"
                + " and username = 's'")).isEqualTo(1);
    }

    @Test
    void aRevokedOrUnknownTokenIsRefused() throws Exception {
        String token = token(municipality, "скрипт");
        assertThat(bearer(token, get("/api/v1/imports")).getResponse().getStatus()).isEqualTo(200);
        long id = id("select id from api_token");
        mvc.perform(post("/account/tokens/" + id + "/revoke").with(user(municipality)).with(csrf()));
        problem(bearer(token, get("/api/v1/imports")), 401, "invalid_token");
        problem(bearer("msk_nonsense", get("/api/v1/schools")), 401, "invalid_token");
        // another user cannot revoke it (nothing changes: already revoked or not theirs)
        String other = token(region, "регион");
        mvc.perform(post("/account/tokens/" + id("select id from api_token where name = 'регион'") + "/revoke")
                .with(user(municipality)).with(csrf()));
        assertThat(bearer(other, get("/api/v1/schools")).getResponse().getStatus()).isEqualTo(200);
        // created twice and revoked once: three audit events
        assertThat(id("select count(*) from audit_event where object_type = 'api_token'")).isEqualTo(3);
        // the page lists the owner's tokens, not the token itself
        String page = body(mvc.perform(get("/account/tokens").with(user(municipality))).andReturn());
        assertThat(page).contains("скрипт", "отозван").doesNotContain(token).doesNotContain("регион");
    }

    @Test
    void bearerRequestsNeedNoCsrfTokenButSessionsDo() throws Exception {
        String token = token(region, "анализ");
        MvcResult started = bearer(token, post("/api/v1/analysis-runs"));
        assertThat(started.getResponse().getStatus()).as(body(started)).isEqualTo(201);
        long run = ((Number) JsonPath.read(body(started), "$.id")).longValue();
        assertThat(id("select max(id) from analysis_run")).isEqualTo(run);
        // a signed-in browser session still needs the CSRF token
        assertThat(mvc.perform(post("/api/v1/analysis-runs").with(user(region))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        MvcResult runs = bearer(token, get("/api/v1/analysis-runs"));
        assertThat((Integer) JsonPath.read(body(runs), "$.total")).isEqualTo(1);
    }

    @Test
    void anAnonymousOrTokenCallLeavesNoSessionBehind() throws Exception {
        // a script's refused call must not make the server keep a session per call (the request cache would save
        // the request for a login page that an API client never sees)
        MvcResult anonymous = mvc.perform(get("/api/v1/schools")).andReturn();
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(401);
        assertThat(anonymous.getRequest().getSession(false)).isNull();
        MvcResult scripted = bearer(token(municipality, "скрипт"), get("/api/v1/schools"));
        assertThat(scripted.getResponse().getStatus()).isEqualTo(200);
        assertThat(scripted.getRequest().getSession(false)).isNull();
        MvcResult page = mvc.perform(get("/schools/edu220001")).andReturn();
        assertThat(page.getRequest().getSession(false)).as("a page still remembers where to return after sign-in")
                .isNotNull();
    }

    @Test
    void everyErrorIsAProblem() throws Exception {
        problem(mvc.perform(get("/api/v1/schools")).andReturn(), 401, "unauthorized");
        problem(mvc.perform(get("/api/v1/imports").with(user(school))).andReturn(), 403, "forbidden");
        problem(mvc.perform(get("/api/v1/schools/edu999999/results").with(user(region))).andReturn(), 404, "not_found");
        problem(mvc.perform(get("/api/v1/nothing-here").with(user(region))).andReturn(), 404, "not_found");
        problem(mvc.perform(get("/api/v1/risk").with(user(region))).andReturn(), 404, "not_found"); // no run yet
        problem(mvc.perform(get("/api/v1/schools").param("size", "501").with(user(region))).andReturn(), 400,
                "bad_request");
        problem(mvc.perform(get("/api/v1/schools").param("page", "0").with(user(region))).andReturn(), 400,
                "bad_request");
        problem(mvc.perform(get("/api/v1/schools").param("page", "x").with(user(region))).andReturn(), 400,
                "bad_request");
        problem(mvc.perform(get("/api/v1/schools").param("format", "pdf").with(user(region))).andReturn(), 400,
                "bad_request");
        // 413: the multipart limit is enforced by the servlet container before any handler; the resolver answers it
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/imports");
        MockHttpServletResponse response = new MockHttpServletResponse();
        errors.resolveException(request, response, null, new MaxUploadSizeExceededException(10));
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith(ApiProblem.MEDIA_TYPE);
        assertThat((String) JsonPath.read(response.getContentAsString(StandardCharsets.UTF_8), "$.code"))
                .isEqualTo("too_large");
        // the pages keep their HTML errors
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/schools/x");
        assertThat(errors.resolveException(page, new MockHttpServletResponse(), null, new RuntimeException())).isNull();
    }

    @Test
    void listsArePagedAndTotalled() throws Exception {
        // the region sees the 3 fixture schools; sorted by name: Гимназия, Берёзовская… by the stored full names:
        // МАОУ "Гимназия № 2" < МБОУ "СОШ № 1" < МКОУ "Берёзовская ООШ" (А < Б < К)
        String json = body(mvc.perform(get("/api/v1/schools").param("page", "2").param("size", "2")
                .with(user(region))).andReturn());
        assertThat((Integer) JsonPath.read(json, "$.page")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(json, "$.size")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(json, "$.total")).isEqualTo(3);
        assertThat((List<String>) JsonPath.read(json, "$.items[*].code")).containsExactly("edu220003");
        // the municipality M01: two schools; a search narrows by an identifier
        json = body(mvc.perform(get("/api/v1/schools").with(user(municipality))).andReturn());
        assertThat((Integer) JsonPath.read(json, "$.total")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(json, "$.size")).isEqualTo(ApiList.DEFAULT_SIZE);
        json = body(mvc.perform(get("/api/v1/schools").param("q", "sch220002").with(user(municipality))).andReturn());
        assertThat((List<String>) JsonPath.read(json, "$.items[*].code")).containsExactly("edu220002");
        // edu220001's results: one procedure (ВПР maths 5, 2025) with 3 participants — below the small-cell bound
        // of 10, so its mean and marks are null (SmallCellsWebTest shows them with the bound lowered to 3)
        json = body(mvc.perform(get("/api/v1/schools/edu220001/results").with(user(school))).andReturn());
        assertThat((Integer) JsonPath.read(json, "$.total")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(json, "$.items[0].participants")).isEqualTo(3);
        assertThat((Boolean) JsonPath.read(json, "$.items[0].suppressed")).isTrue();
        assertThat((Object) JsonPath.read(json, "$.items[0].mark5")).isNull();
        assertThat((Object) JsonPath.read(json, "$.items[0].meanPrimary")).isNull();
        // the import log of the region: the two fixture files
        json = body(mvc.perform(get("/api/v1/imports").param("size", "1").with(user(region))).andReturn());
        assertThat((Integer) JsonPath.read(json, "$.total")).isEqualTo(2);
        assertThat((List<String>) JsonPath.read(json, "$.items[*].fileName")).containsExactly("results.csv");
    }

    @Test
    void downloadsAreNeutralisedAgainstFormulas() throws Exception {
        jdbc.sql("update school set name = '=HYPERLINK(\"http://x\";\"жми\")' where code = 'edu220002'").update();
        MvcResult csv = mvc.perform(get("/api/v1/schools").param("format", "csv").with(user(municipality))).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        String text = body(csv);
        assertThat(text).startsWith("\uFEFFКод;Школа;Муниципалитет\r\n")
                .contains("edu220002;\"'=HYPERLINK(\"\"http://x\"\";\"\"жми\"\")\";Северский округ")
                .doesNotContain(";=HYPERLINK").doesNotContain("edu220003");
        // the header of the request asks for the same
        assertThat(body(mvc.perform(get("/api/v1/schools").header("Accept", "text/csv").with(user(municipality)))
                .andReturn())).isEqualTo(text);
        // the risk table as xlsx once a run exists
        awaitJob(mvc.perform(post("/risk/run").with(user(region)).with(csrf())).andReturn());
        MvcResult xlsx = mvc.perform(get("/api/v1/risk").param("format", "xlsx").with(user(region))).andReturn();
        assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
        assertThat(xlsx.getResponse().getContentAsByteArray()).startsWith('P', 'K');
        String riskCsv = body(mvc.perform(get("/api/v1/risk").param("format", "csv").with(user(region))).andReturn());
        assertThat(riskCsv).contains("'=HYPERLINK").doesNotContain(";=HYPERLINK");
        // a sign whose explanation begins like a formula
        jdbc.sql("""
                insert into analysis_sign (run_id, school_id, exam_year, procedure, subject, grade, sign, n, counted,
                    explanation)
                select max(r.id), s.id, 2025, 'ВПР', 'Математика', 5, 'THRESHOLD_HEAPING', 12, true, '@SUM(1)'
                from analysis_run r, school s where s.code = 'edu220001' group by s.id""").update();
        String signs = body(mvc.perform(get("/api/v1/schools/edu220001/signs").param("format", "csv")
                .with(user(school))).andReturn());
        assertThat(signs).startsWith("\uFEFF№;Год;").contains(";'@SUM(1)").doesNotContain(";@SUM");
    }

    @Test
    void uploadAndRollbackThroughTheApi() throws Exception {
        String token = token(municipality, "загрузка");
        MvcResult stored = bearer(token, multipart("/api/v1/imports").file(new MockMultipartFile("file", "more.csv",
                "text/csv", Fixtures.RESULTS.replace("4000", "5000").getBytes(StandardCharsets.UTF_8))));
        assertThat(stored.getResponse().getStatus()).as(body(stored)).isEqualTo(201);
        assertThat((String) JsonPath.read(body(stored), "$.result")).isEqualTo("imported");
        long batch = ((Number) JsonPath.read(body(stored), "$.batchId")).longValue();
        MvcResult rejected = bearer(token, multipart("/api/v1/imports").file(new MockMultipartFile("file", "x.csv",
                "text/csv", "not a known format".getBytes(StandardCharsets.UTF_8))));
        problem(rejected, 422, "import_rejected");
        problem(bearer(token, multipart("/api/v1/imports")), 400, "bad_request");
        MvcResult back = bearer(token, post("/api/v1/imports/" + batch + "/rollback"));
        assertThat(back.getResponse().getStatus()).as(body(back)).isEqualTo(200);
        // 6 rows of the file, 5 present results and 1 absent: all removed
        assertThat((Integer) JsonPath.read(body(back), "$.id")).isEqualTo((int) batch);
        problem(bearer(token, post("/api/v1/imports/" + batch + "/rollback")), 409, "rollback_refused");
        problem(bearer(token, post("/api/v1/imports/999999/rollback")), 404, "not_found");
    }

    /** The hand-maintained OpenAPI document lists exactly the /api/v1 handlers Spring has mapped. */
    @Test
    void theOpenApiDocumentListsEveryHandler() throws Exception {
        MvcResult r = mvc.perform(get("/api/v1/openapi.json").with(user(school))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        Map<String, Map<String, Object>> paths = JsonPath.read(body(r), "$.paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, ops) -> ops.keySet().forEach(m -> documented.add(m.toUpperCase() + " " + path)));
        Set<String> mapped = new TreeSet<>();
        handlers.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/v1/"))
                .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + p))));
        assertThat(mapped).hasSize(15);
        assertThat(documented).isEqualTo(mapped);
    }

    /** The interactive page: served by the app, its scripts are files (the CSP allows no inline script). */
    @Test
    void theInteractivePageRunsUnderTheCsp() throws Exception {
        MvcResult page = mvc.perform(get("/api/docs.html").with(user(school))).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self'");
        String html = body(page);
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>").doesNotContain("http://", "https://");
        for (String asset : List.of("/webjars/swagger-ui/swagger-ui-bundle.js", "/webjars/swagger-ui/swagger-ui.css",
                "/js/api-docs.js")) {
            assertThat(html).contains(asset);
            assertThat(mvc.perform(get(asset)).andReturn().getResponse().getStatus()).as(asset).isEqualTo(200);
        }
        MockHttpServletResponse anonymous = mvc.perform(get("/api/docs.html")).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(302);
        assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
    }
}
