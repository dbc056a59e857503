package ru.msoko.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static ru.msoko.app.security.Permission.ANALYZE;
import static ru.msoko.app.security.Permission.AUDIT;
import static ru.msoko.app.security.Permission.IMPORT;
import static ru.msoko.app.security.Permission.MANAGE_USERS;
import static ru.msoko.app.security.Permission.PUPIL_DATA;
import static ru.msoko.app.security.Permission.SETTINGS;
import static ru.msoko.app.security.Permission.VIEW;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.jobs.JobKind;
import ru.msoko.app.jobs.Jobs;
import ru.msoko.app.security.AccessRules;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.security.Permission;
import ru.msoko.app.security.Role;
import ru.msoko.app.security.Territory;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.JobWait;
import ru.msoko.app.support.TerritoryWebTest;

/**
 * The role × endpoint matrix (issue #6): every handler Spring has mapped, called as each of the eight roles (the
 * expert and the observer on both of their territory levels) and as an anonymous visitor, with path variables
 * inside and outside the caller's territory. The expectations are written here by hand from the role table of
 * docs/ru/user-guide.md («Роли и права»), independently of {@link AccessRules}; a handler without an expectation
 * fails the test, and so does an expectation whose handler is gone.
 *
 * <p>The territory: M01 «Северский округ» with schools S1 edu220001 «СОШ № 1» and S2 edu220002 «Гимназия № 2»;
 * M02 «Каменский район» with S3 edu220003 «Берёзовская ООШ» (see {@link Fixtures#SCHOOLS}). Every allowed read's
 * body is checked not to hold the name, codes or municipality of any school outside the caller's territory.
 */
class RoleEndpointMatrixTest extends TerritoryWebTest {

    /** A school of the fixture with everything that names it on a page. */
    record School(String code, String alias, String name, String municipalityCode, String municipalityName) {
        List<String> names() {
            return List.of(code, alias, name);
        }
    }

    static final School S1 = new School("edu220001", "sch220001", "СОШ № 1", "M01", "Северский округ");
    static final School S2 = new School("edu220002", "sch220002", "Гимназия № 2", "M01", "Северский округ");
    static final School S3 = new School("edu220003", "sch220003", "Берёзовская ООШ", "M02", "Каменский район");
    static final List<School> ALL = List.of(S1, S2, S3);

    /** Who calls: an account (none for the anonymous visitor), its territory level and the schools it may see. */
    record Principal(String login, Role role, Territory level, List<School> sees) {
        boolean anonymous() {
            return role == null;
        }

        boolean can(Set<Permission> needs) {
            return role != null && role.permissions().containsAll(needs);
        }

        boolean seesMunicipality(String code) {
            return sees.stream().anyMatch(s -> s.municipalityCode().equals(code));
        }

        /** What must never appear in a body this principal reads: other territories' schools and municipalities. */
        List<String> hidden() {
            List<String> hidden = new ArrayList<>();
            for (School s : ALL) {
                if (!sees.contains(s)) {
                    hidden.addAll(s.names());
                }
                if (!seesMunicipality(s.municipalityCode())) {
                    // the files its users imported are named after it (a bare «M02» could be part of a CSRF token)
                    hidden.addAll(List.of(s.municipalityName(), s.municipalityCode() + "-bad.csv",
                            s.municipalityCode() + "-results.csv"));
                }
            }
            return hidden;
        }

        String label() {
            return anonymous() ? "аноним" : login + "/" + role + "/" + level;
        }
    }

    /**
     * The principals, by hand: the region-level roles see all three schools, the M01 accounts S1 and S2, the
     * school accounts S1 only (with its municipality's name on the dashboard).
     */
    private List<Principal> principals() {
        return List.of(
                new Principal(null, null, null, List.of()),
                new Principal("r", Role.REGION_ADMIN, Territory.REGION, ALL),
                new Principal("ra", Role.REGION_ANALYST, Territory.REGION, ALL),
                new Principal("m", Role.MUNICIPALITY_ADMIN, Territory.MUNICIPALITY, List.of(S1, S2)),
                new Principal("ma", Role.MUNICIPALITY_ANALYST, Territory.MUNICIPALITY, List.of(S1, S2)),
                new Principal("s", Role.SCHOOL, Territory.SCHOOL, List.of(S1)),
                new Principal("ex-r", Role.EXPERT, Territory.REGION, ALL),
                new Principal("ex-m", Role.EXPERT, Territory.MUNICIPALITY, List.of(S1, S2)),
                new Principal("ob-m", Role.OBSERVER, Territory.MUNICIPALITY, List.of(S1, S2)),
                new Principal("ob-s", Role.OBSERVER, Territory.SCHOOL, List.of(S1)),
                new Principal("au", Role.AUDITOR, Territory.REGION, ALL));
    }

    /** One call of an endpoint: the request for a principal and a target, and what to check when it is allowed. */
    interface Call {
        AbstractMockHttpServletRequestBuilder<?> request(Principal p, String target) throws Exception;
    }

    interface Check {
        void allowed(Principal p, String target, MvcResult r) throws Exception;
    }

    /** An endpoint's expectation: the permissions it needs, the targets to call it with, the checks. */
    record Endpoint(Set<Permission> needs, boolean open, List<String> targets, Call call, Check check) {
    }

    private static final String NONE = "—";
    private static final String MISSING = "нет такой";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private final Map<String, MsokoUser> accounts = new LinkedHashMap<>();
    private int counter;

    @BeforeEach
    void territoryOfTheMatrix() throws Exception {
        long m01 = id("select id from municipality where code = 'M01'");
        long m02 = id("select id from municipality where code = 'M02'");
        long s1 = id("select id from school where code = 'edu220001'");
        String hash = encoder.encode("secret-pass");
        users.create("ra", hash, "Региональный аналитик", Role.REGION_ANALYST, null, null);
        users.create("ma", hash, "Аналитик муниципалитета", Role.MUNICIPALITY_ANALYST, m01, null);
        users.create("ex-r", hash, "Эксперт региона", Role.EXPERT, null, null);
        users.create("ex-m", hash, "Эксперт муниципалитета", Role.EXPERT, m01, null);
        users.create("ob-m", hash, "Наблюдатель муниципалитета", Role.OBSERVER, m01, null);
        users.create("ob-s", hash, "Наблюдатель в школе", Role.OBSERVER, null, s1);
        users.create("au", hash, "Аудитор", Role.AUDITOR, null, null);
        users.create("m2", hash, "Администратор M02", Role.MUNICIPALITY_ADMIN, m02, null);
        for (Principal p : principals()) {
            if (!p.anonymous()) {
                accounts.put(p.login(), users.find(p.login()).orElseThrow());
            }
        }
        // S3's results (imported by M02's administrator) so that M02 has a risk row, and a rejected file per
        // municipality for the download of rejected rows
        importAs("m2", "M02-results.csv", """
                procedure;year;subject;grade;school_code;participant;mark
                ВПР;2025;Математика;5;edu220003;50001;4
                ВПР;2025;Математика;5;edu220003;50002;3
                """);
        importAs("m", "M01-bad.csv", Fixtures.RESULTS.replace(";1;2;1;5;5", ";1;2;1;9;5"));
        importAs("m2", "M02-bad.csv", Fixtures.RESULTS.replace(";1;2;1;5;5", ";1;2;1;8;5"));
        awaitJob(mvc.perform(post("/risk/run").with(user(region)).with(csrf())).andReturn());
        assertThat(id("select count(*) from analysis_risk")).as("a risk row per school").isEqualTo(3);
        // a finished background upload per municipality, named like the files of its territory
        jobAs("m", JobKind.IMPORT, "M01-upload.csv");
        jobAs("m2", JobKind.IMPORT, "M02-results.csv");
    }

    /** A background job started by this login, ended: what the job pages and the API list. */
    private void jobAs(String login, JobKind kind, String title) throws Exception {
        MsokoUser u = users.find(login).orElseThrow();
        var auth = new UsernamePasswordAuthenticationToken(u, null, u.getAuthorities());
        long job = jobs.create(kind, title, auth);
        jobs.start(job, auth, progress -> Jobs.Result.done(title + ": готово", "/imports", null), () -> { });
        jobs.await(job, JobWait.LIMIT);
    }

    /** The job of a target: an upload of M01's or M02's administrator, the region's analysis run, or none. */
    private long jobId(String target) {
        return switch (target) {
            case "M01" -> id("select id from background_job where title = 'M01-upload.csv'");
            case "M02" -> id("select id from background_job where title = 'M02-results.csv'");
            case "анализ" -> id("select min(id) from background_job where kind = 'ANALYSIS'");
            default -> 999_999;
        };
    }

    /**
     * Who sees a job: an upload those who may import on its territory (a school-level account none), the region's
     * analysis run the region-level accounts; a job outside is answered like a missing one (404).
     */
    private static boolean seesJob(Principal p, String target) {
        return switch (target) {
            case "M01", "M02" -> p.can(Set.of(IMPORT)) && p.level() != Territory.SCHOOL && p.seesMunicipality(target);
            case "анализ" -> p.level() == Territory.REGION;
            default -> false;
        };
    }

    private static Check jobCheck(boolean api) {
        return (p, t, r) -> {
            if (seesJob(p, t)) {
                ok(r);
                assertThat(body(r)).contains(t.equals("анализ") ? "Расчёт по всем данным" : t + "-");
                hiddenAbsent(p, r, "");
            } else {
                status(r, 404);
                if (api) {
                    assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
                }
                hiddenAbsent(p, r, "");
            }
        };
    }

    private void importAs(String login, String name, String content) {
        imports.importFile(Fixtures.write(dir, name, content), name, login, ImportOptions.STRICT);
    }

    private Map<String, Endpoint> expectations() {
        Map<String, Endpoint> e = new LinkedHashMap<>();
        e.put("GET /login", new Endpoint(Set.of(), true, List.of(NONE), (p, t) -> get("/login"), (p, t, r) -> ok(r)));
        // Spring Boot's error page: open to everyone, whatever status it reports for a request without an error
        e.put("ANY /error", new Endpoint(Set.of(), true, List.of(NONE), (p, t) -> get("/error"),
                (p, t, r) -> assertThat(r.getResponse().getStatus()).isNotIn(302, 403)));
        e.put("GET /", new Endpoint(Set.of(VIEW), false, List.of(NONE), (p, t) -> get("/"), (p, t, r) -> {
            ok(r);
            hiddenAbsent(p, r, "");
        }));
        e.put("GET /dashboard/municipalities/{id}/schools", new Endpoint(Set.of(VIEW), false,
                List.of("M01", "M02", MISSING),
                (p, t) -> get("/dashboard/municipalities/" + municipalityId(t) + "/schools"),
                (p, t, r) -> {
                    // a municipality- or school-level user asking for another municipality is refused; the region
                    // sees every municipality and learns that a missing one is missing; a school-level user asking for
                    // its own municipality sees its own school only (the list is scoped)
                    if (p.level() != Territory.REGION && !p.seesMunicipality(t)) {
                        status(r, 403);
                    } else if (t.equals(MISSING)) {
                        status(r, 404);
                    } else {
                        ok(r);
                        hiddenAbsent(p, r, "");
                    }
                }));
        e.put("GET /schools/{code}", new Endpoint(Set.of(VIEW), false, List.of(S1.code, S2.code, S3.code, MISSING),
                (p, t) -> get("/schools/" + t), (p, t, r) -> {
                    School s = school(t);
                    if (s != null && p.sees().contains(s)) {
                        ok(r);
                        assertThat(body(r)).contains(s.name());
                        hiddenAbsent(p, r, "");
                    } else if (s == null && p.level() == Territory.REGION) {
                        status(r, 404); // the region may learn that a code is not in the directory
                    } else {
                        status(r, 403); // others get the same 403 for a foreign and for a missing school
                        hiddenAbsent(p, r, t);
                    }
                }));
        // the observers and re-checks section of the school page: the same scoping as the page
        e.put("GET /schools/{code}/control", new Endpoint(Set.of(VIEW), false, List.of(S1.code, S2.code, S3.code, MISSING),
                (p, t) -> get("/schools/" + t + "/control"), (p, t, r) -> {
                    School s = school(t);
                    if (s != null && p.sees().contains(s)) {
                        ok(r);
                        hiddenAbsent(p, r, "");
                    } else if (s == null && p.level() == Territory.REGION) {
                        status(r, 404);
                    } else {
                        status(r, 403);
                        hiddenAbsent(p, r, t);
                    }
                }));
        Check signs = (p, t, r) -> {
            ok(r);
            School s = school(t);
            if (s != null && p.sees().contains(s)) {
                assertThat(body(r)).contains("СЕКРЕТ-" + t);
            } else {
                assertThat(body(r)).doesNotContain("СЕКРЕТ");
            }
            hiddenAbsent(p, r, t);
        };
        e.put("GET /schools/{code}/signs", new Endpoint(Set.of(VIEW), false, List.of(S1.code, S2.code, S3.code, MISSING),
                (p, t) -> {
                    secretSigns();
                    return get("/schools/" + t + "/signs");
                }, signs));
        // a sign's own page: the sign of each school under its code, S3's sign asked under S1's code, a missing code
        e.put("GET /schools/{code}/signs/{id}", new Endpoint(Set.of(VIEW), false,
                List.of(S1.code, S2.code, S3.code, S3.code + "@" + S1.code, MISSING), (p, t) -> get(signPath(t)),
                (p, t, r) -> {
                    School s = school(t);
                    if (s != null && p.sees().contains(s)) {
                        ok(r);
                        assertThat(body(r)).contains("СЕКРЕТ-" + t);
                        hiddenAbsent(p, r, "");
                    } else {
                        // not this school's sign, a school outside the territory, or no such school: the region may
                        // learn that it does not exist (404), others get the school page's 403
                        status(r, p.level() == Territory.REGION ? 404 : 403);
                        assertThat(body(r)).doesNotContain("СЕКРЕТ");
                    }
                }));
        e.put("GET /api/v1/schools/{code}/signs", new Endpoint(Set.of(VIEW), false,
                List.of(S1.code, S2.code, S3.code, MISSING), (p, t) -> {
                    secretSigns();
                    return get("/api/v1/schools/" + t + "/signs");
                }, signs));
        // the charts (static/js/charts.js draws them): a sign's evidence like the sign page, the zone history and the
        // results over the years like the school page; all three fixture schools have fewer than 10 participants,
        // so the trend shows no school mean
        e.put("GET /api/v1/schools/{code}/signs/{id}/chart", new Endpoint(Set.of(VIEW), false,
                List.of(S1.code, S2.code, S3.code, S3.code + "@" + S1.code, MISSING),
                (p, t) -> get("/api/v1" + signPath(t) + "/chart"), (p, t, r) -> {
                    School s = school(t);
                    if (s != null && p.sees().contains(s)) {
                        ok(r);
                        assertThat(body(r)).contains("\"kind\":\"histogram\"", "\"file\":\"" + t + "-THRESHOLD_HEAPING");
                        hiddenAbsent(p, r, "");
                    } else {
                        status(r, p.level() == Territory.REGION ? 404 : 403);
                        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
                    }
                }));
        e.put("GET /api/v1/schools/{code}/zones/chart", new Endpoint(Set.of(VIEW), false,
                List.of(S1.code, S2.code, S3.code, MISSING), (p, t) -> get("/api/v1/schools/" + t + "/zones/chart"),
                schoolChart("\"kind\":\"zones\"")));
        e.put("GET /api/v1/schools/{code}/trends/chart", new Endpoint(Set.of(VIEW), false,
                List.of(S1.code, S2.code, S3.code, MISSING), (p, t) -> get("/api/v1/schools/" + t + "/trends/chart"),
                schoolChart("скрыто: меньше 10 участников")));
        e.put("GET /schools/{code}/trends", new Endpoint(Set.of(VIEW), false,
                List.of(S1.code, S2.code, S3.code, MISSING), (p, t) -> get("/schools/" + t + "/trends"), (p, t, r) -> {
                    School s = school(t);
                    if (s != null && p.sees().contains(s)) {
                        ok(r);
                        assertThat(body(r)).contains("data-chart-src=\"/api/v1/schools/" + t + "/trends/chart");
                        hiddenAbsent(p, r, "");
                    } else {
                        status(r, s == null && p.level() == Territory.REGION ? 404 : 403);
                        hiddenAbsent(p, r, t);
                    }
                }));
        e.put("GET /risk", new Endpoint(Set.of(VIEW), false, List.of(NONE), (p, t) -> get("/risk"), (p, t, r) -> {
            ok(r);
            assertThat(body(r)).contains(p.sees().stream().map(School::name).toList());
            hiddenAbsent(p, r, "");
        }));
        e.put("GET /api/v1/risk", new Endpoint(Set.of(VIEW), false, List.of(NONE), (p, t) -> get("/api/v1/risk"),
                (p, t, r) -> {
                    ok(r);
                    assertThat(body(r)).contains(p.sees().stream().map(School::code).toList());
                    hiddenAbsent(p, r, "");
                }));
        e.put("GET /risk/grid", new Endpoint(Set.of(VIEW), false, List.of(NONE), (p, t) -> get("/risk/grid"),
                (p, t, r) -> {
                    ok(r);
                    assertThat(body(r)).contains(p.sees().stream().map(School::name).toList());
                    hiddenAbsent(p, r, "");
                }));
        // the comparison: two schools (one of them another municipality's) or one school's years; a school outside
        // the territory is refused like its page, and the refusal names only the code that was asked
        e.put("GET /compare", new Endpoint(Set.of(VIEW), false,
                List.of(S1.code + "," + S2.code, S1.code + "," + S3.code, "годы " + S1.code, "годы " + S3.code),
                (p, t) -> t.startsWith("годы ") ? get("/compare").param("school", t.substring(5))
                        : get("/compare").param("schools", t), compared(false)));
        e.put("GET /api/v1/compare", new Endpoint(Set.of(VIEW), false,
                List.of(S1.code + "," + S2.code, S1.code + "," + S3.code),
                (p, t) -> get("/api/v1/compare").param("schools", t), compared(true)));
        // the run is a background job: the answer leads to its page; it runs as the caller and ends done
        e.put("POST /risk/run", new Endpoint(Set.of(ANALYZE), false, List.of(NONE), (p, t) -> post("/risk/run"),
                (p, t, r) -> {
                    status(r, 302);
                    long job = awaitJob(r);
                    assertThat(jdbc.sql("select state || ' ' || owner from background_job where id = " + job)
                            .query(String.class).single()).isEqualTo("DONE " + p.login());
                }));
        jobExpectations(e);
        e.put("GET /search", new Endpoint(Set.of(VIEW), false, List.of(S1.alias, S2.alias, S3.alias),
                (p, t) -> get("/search").param("q", t), (p, t, r) -> {
                    School s = ALL.stream().filter(x -> x.alias().equals(t)).findFirst().orElseThrow();
                    if (p.sees().contains(s)) {
                        status(r, 302);
                        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/schools/" + s.code());
                    } else {
                        ok(r);
                        assertThat(body(r)).contains("школ не найдено");
                        hiddenAbsent(p, r, t); // the page repeats the query itself
                    }
                }));
        e.put("GET /directions/{slug}", new Endpoint(Set.of(VIEW), false, List.of("objectivity", MISSING),
                (p, t) -> get("/directions/" + t), (p, t, r) -> {
                    status(r, t.equals(MISSING) ? 404 : 200);
                    hiddenAbsent(p, r, "");
                }));
        e.put("GET /imports", new Endpoint(Set.of(IMPORT), false, List.of(NONE), (p, t) -> get("/imports"),
                (p, t, r) -> {
                    ok(r);
                    if (p.level() == Territory.REGION) {
                        assertThat(body(r)).contains("M01-bad.csv", "M02-bad.csv", "M02-results.csv");
                    } else {
                        assertThat(body(r)).contains("M01-bad.csv");
                    }
                    hiddenAbsent(p, r, "");
                }));
        e.put("POST /imports", new Endpoint(Set.of(IMPORT), false, List.of(NONE), (p, t) -> multipart("/imports")
                .file(new MockMultipartFile("files", "upload-" + (++counter) + ".csv", "text/csv",
                        ("not a known format " + counter).getBytes(StandardCharsets.UTF_8))),
                (p, t, r) -> {
                    // a background job: the answer leads to its page, which shows the outcome once it has ended
                    status(r, 302);
                    long job = awaitJob(r);
                    MvcResult page = perform(p, get("/jobs/" + job));
                    ok(page);
                    assertThat(body(page)).contains("формат файла не распознан");
                    hiddenAbsent(p, page, "");
                }));
        e.put("POST /imports/{id}/rollback", new Endpoint(Set.of(IMPORT), false, List.of("своя", "M02"),
                (p, t) -> post("/imports/" + (t.equals("M02") ? freshBatch("m2", S3)
                        : freshBatch(p.anonymous() ? "t" : p.login(), p.anonymous() ? S1 : p.sees().get(0)))
                        + "/rollback"),
                (p, t, r) -> {
                    status(r, 302);
                    // a region-level importer rolls back anyone's import, a municipality-level one only its own
                    boolean done = p.level() == Territory.REGION || t.equals("своя");
                    assertThat((Map<String, Object>) r.getFlashMap()).containsKey(done ? "done" : "refused");
                    if (!done) { // another territory's import is answered like a missing one
                        assertThat(r.getFlashMap().get("refused").toString()).endsWith("нет в журнале");
                    }
                }));
        e.put("GET /imports/rejections/{id}.xlsx", new Endpoint(Set.of(IMPORT, PUPIL_DATA), false,
                List.of("M01", "M02", MISSING), (p, t) -> get("/imports/rejections/" + rejectionId(t) + ".xlsx"),
                (p, t, r) -> {
                    if (!t.equals(MISSING) && p.seesMunicipality(t)) {
                        ok(r);
                        assertThat(r.getResponse().getContentAsByteArray()).startsWith('P', 'K');
                    } else {
                        status(r, 404); // another territory's attempt is not found, like one that never was
                    }
                }));
        // user management (accounts): a manager acts only on accounts of its territory
        e.put("GET /admin/users", new Endpoint(Set.of(MANAGE_USERS), false, List.of(NONE), (p, t) -> get("/admin/users"),
                (p, t, r) -> {
                    ok(r);
                    hiddenAbsent(p, r, "");
                }));
        e.put("POST /admin/users", new Endpoint(Set.of(MANAGE_USERS), false, List.of("M01", "M02"),
                (p, t) -> post("/admin/users").param("username", "new-" + (++counter)).param("fullName", "Новый")
                        .param("role", "SCHOOL").param("password", "Kx9-mirt-plov")
                        .param("place", "s:" + id("select id from school where code = '"
                                + (t.equals("M01") ? S1.code() : S3.code()) + "'")),
                managed()));
        for (String action : List.of("disable", "enable", "unlock", "password")) {
            e.put("POST /admin/users/{id}/" + action, new Endpoint(Set.of(MANAGE_USERS), false, List.of("M01", "M02"),
                    (p, t) -> post("/admin/users/" + freshUser(t.equals("M01") ? S1 : S3) + "/" + action)
                            .param("password", "Kx9-mirt-plov"),
                    managed()));
        }
        // the audit log (audit) and its exports: the page lists only events of the reader's territory
        e.put("GET /audit", new Endpoint(Set.of(AUDIT), false, List.of(NONE), (p, t) -> get("/audit"), (p, t, r) -> {
            ok(r);
            hiddenAbsent(p, r, "");
        }));
        e.put("GET /audit.csv", new Endpoint(Set.of(AUDIT), false, List.of(NONE), (p, t) -> get("/audit.csv"),
                (p, t, r) -> {
                    ok(r);
                    hiddenAbsent(p, r, "");
                }));
        e.put("GET /audit.xlsx", new Endpoint(Set.of(AUDIT), false, List.of(NONE), (p, t) -> get("/audit.xlsx"),
                (p, t, r) -> {
                    ok(r);
                    assertThat(r.getResponse().getContentAsByteArray()).startsWith('P', 'K');
                }));
        apiExpectations(e);
        return e;
    }

    /**
     * The API of issue #7 and the page of one's own tokens: the same permissions as the pages they mirror; an
     * anonymous API call gets a 401 problem instead of the login page (see {@link #check}).
     */
    private void apiExpectations(Map<String, Endpoint> e) {
        e.put("GET /account/tokens", new Endpoint(Set.of(VIEW), false, List.of(NONE), (p, t) -> get("/account/tokens"),
                (p, t, r) -> {
                    ok(r);
                    hiddenAbsent(p, r, "");
                }));
        e.put("POST /account/tokens", new Endpoint(Set.of(VIEW), false, List.of(NONE),
                (p, t) -> post("/account/tokens").param("name", "скрипт"), (p, t, r) -> {
                    status(r, 302);
                    assertThat((String) r.getFlashMap().get("created")).startsWith("msk_");
                }));
        // one's own token is revoked; another user's (M02's administrator) is answered like a missing one
        e.put("POST /account/tokens/{id}/revoke", new Endpoint(Set.of(VIEW), false, List.of("своя", "M02"),
                (p, t) -> post("/account/tokens/" + apiToken(t.equals("M02") || p.anonymous() ? "m2" : p.login())
                        + "/revoke"),
                (p, t, r) -> {
                    status(r, 302);
                    assertThat(r.getFlashMap().get("message"))
                            .isEqualTo(t.equals("M02") ? "Такого действующего токена нет." : "Токен отозван.");
                }));
        e.put("GET /api/v1/schools", new Endpoint(Set.of(VIEW), false, List.of(NONE), (p, t) -> get("/api/v1/schools"),
                (p, t, r) -> {
                    ok(r);
                    assertThat(body(r)).contains(p.sees().stream().map(School::code).toList())
                            .contains("\"total\":" + p.sees().size());
                    hiddenAbsent(p, r, "");
                }));
        e.put("GET /api/v1/schools/{code}/results", new Endpoint(Set.of(VIEW), false,
                List.of(S1.code, S2.code, S3.code, MISSING), (p, t) -> get("/api/v1/schools/" + t + "/results"),
                (p, t, r) -> {
                    School s = school(t);
                    if (s != null && p.sees().contains(s)) {
                        ok(r);
                        assertThat(body(r)).contains("\"subject\":\"Математика\"");
                    } else {
                        // like the school page: the region learns that a code is missing, others get the same 403
                        status(r, s == null && p.level() == Territory.REGION ? 404 : 403);
                        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
                    }
                    hiddenAbsent(p, r, t);
                }));
        e.put("GET /api/v1/imports", new Endpoint(Set.of(IMPORT), false, List.of(NONE), (p, t) -> get("/api/v1/imports"),
                (p, t, r) -> {
                    ok(r);
                    if (p.level() == Territory.REGION) {
                        assertThat(body(r)).contains("M02-results.csv");
                    }
                    hiddenAbsent(p, r, "");
                }));
        e.put("POST /api/v1/imports", new Endpoint(Set.of(IMPORT), false, List.of(NONE), (p, t) -> multipart("/api/v1/imports")
                .file(new MockMultipartFile("file", "api-upload-" + (++counter) + ".csv", "text/csv",
                        ("not a known format " + counter).getBytes(StandardCharsets.UTF_8))),
                (p, t, r) -> {
                    status(r, 422);
                    assertThat(body(r)).contains("\"code\":\"import_rejected\"");
                    hiddenAbsent(p, r, "");
                }));
        e.put("POST /api/v1/imports/{id}/rollback", new Endpoint(Set.of(IMPORT), false, List.of("своя", "M02"),
                (p, t) -> post("/api/v1/imports/" + (t.equals("M02") ? freshBatch("m2", S3)
                        : freshBatch(p.anonymous() ? "t" : p.login(), p.anonymous() ? S1 : p.sees().get(0)))
                        + "/rollback"),
                (p, t, r) -> {
                    // a region-level importer rolls back anyone's import; another territory's is a 404 problem
                    boolean done = p.level() == Territory.REGION || t.equals("своя");
                    status(r, done ? 200 : 404);
                    hiddenAbsent(p, r, "");
                }));
        e.put("GET /api/v1/analysis-runs", new Endpoint(Set.of(VIEW), false, List.of(NONE),
                (p, t) -> get("/api/v1/analysis-runs"), (p, t, r) -> {
                    ok(r);
                    assertThat(body(r)).contains("\"total\":");
                }));
        e.put("POST /api/v1/analysis-runs", new Endpoint(Set.of(ANALYZE), false, List.of(NONE),
                (p, t) -> post("/api/v1/analysis-runs"), (p, t, r) -> status(r, 201)));
    }

    /** The background jobs: the list and a job's page, its polled part and the API, each scoped. */
    private void jobExpectations(Map<String, Endpoint> e) {
        List<String> jobTargets = List.of("M01", "M02", "анализ", MISSING);
        e.put("GET /jobs", new Endpoint(Set.of(VIEW), false, List.of(NONE), (p, t) -> get("/jobs"), (p, t, r) -> {
            ok(r);
            for (String t2 : List.of("M01", "M02")) {
                if (seesJob(p, t2)) {
                    assertThat(body(r)).contains(t2 + "-");
                }
            }
            hiddenAbsent(p, r, "");
        }));
        e.put("GET /jobs/{id}", new Endpoint(Set.of(VIEW), false, jobTargets, (p, t) -> get("/jobs/" + jobId(t)),
                jobCheck(false)));
        e.put("GET /jobs/{id}/progress", new Endpoint(Set.of(VIEW), false, jobTargets,
                (p, t) -> get("/jobs/" + jobId(t) + "/progress"), (p, t, r) -> {
                    if (seesJob(p, t)) {
                        ok(r);
                        assertThat(body(r)).contains("job-status").doesNotContain("hx-trigger");
                        hiddenAbsent(p, r, "");
                    } else {
                        status(r, 404);
                    }
                }));
        e.put("GET /api/v1/jobs", new Endpoint(Set.of(VIEW), false, List.of(NONE), (p, t) -> get("/api/v1/jobs"),
                (p, t, r) -> {
                    ok(r);
                    assertThat(body(r)).contains("\"total\":");
                    hiddenAbsent(p, r, "");
                }));
        e.put("GET /api/v1/jobs/{id}", new Endpoint(Set.of(VIEW), false, jobTargets,
                (p, t) -> get("/api/v1/jobs/" + jobId(t)), jobCheck(true)));
    }

    /** A comparison's check: the schools asked are all the caller's (their names shown) or it is refused. */
    private static Check compared(boolean api) {
        return (p, t, r) -> {
            List<School> asked = java.util.Arrays.stream(t.replace("годы ", "").split(",")).map(c -> school(c)).toList();
            School outside = asked.stream().filter(s -> !p.sees().contains(s)).findFirst().orElse(null);
            if (outside == null) {
                ok(r);
                assertThat(body(r)).contains(asked.stream().map(s -> api ? s.code() : s.name()).toList());
                hiddenAbsent(p, r, "");
            } else {
                status(r, 403);
                hiddenAbsent(p, r, outside.code());
            }
        };
    }

    /** An active API token of this login (inserted directly: the page's creation is checked by ApiTest). */
    private long apiToken(String login) {
        int n = ++counter;
        jdbc.sql("""
                insert into api_token (user_id, name, token_hash, created_at)
                select id, 'токен', :hash, current_timestamp from app_user where username = :login""")
                .param("hash", String.format("%064d", n)).param("login", login).update();
        return id("select id from api_token where token_hash = '" + String.format("%064d", n) + "'");
    }

    @Test
    void everyRoleCallsEveryEndpointInsideAndOutsideItsTerritory() throws Exception {
        Map<String, Endpoint> expected = expectations();
        Set<String> mapped = mappedEndpoints();
        assertThat(mapped).as("every handler has an expectation here, and every expectation a handler")
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        List<Principal> principals = principals();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        principals.stream().filter(p -> !p.anonymous()).forEach(p -> roles.add(p.role()));
        assertThat(roles).as("all eight roles").containsExactlyInAnyOrder(Role.values());
        for (Principal p : principals) {
            if (!p.anonymous()) {
                assertThat(accounts.get(p.login()).scope().level()).as(p.label()).isEqualTo(p.level());
            }
        }

        int cases = 0;
        for (var entry : expected.entrySet()) {
            Endpoint endpoint = entry.getValue();
            ruleMatchesExpectation(entry.getKey(), endpoint);
            for (Principal p : principals) {
                for (String target : endpoint.targets()) {
                    check(entry.getKey(), endpoint, p, target);
                    cases++;
                }
            }
        }
        int targets = expected.values().stream().mapToInt(x -> x.targets().size()).sum();
        System.out.printf("role × endpoint matrix: %d cases = %d principals (8 roles, expert and observer on two "
                + "levels, anonymous) × %d (endpoint, territory) pairs over %d endpoints%n",
                cases, principals.size(), targets, expected.size());
        // 11 principals × 109 (endpoint, target) pairs over 49 endpoints: counted from the expectations above
        // (17 endpoints with 37 targets; the 6 of user management: its page once, 5 changes × M01, M02; the audit
        // page and its two exports once each; the sign page with 5 targets; the token page, its creation once and
        // its revocation × own, M02's; the API: schools once, results × 4, the import log, upload, rollback × 2,
        // runs and a new run once each; the background jobs: their list and the API's once each, a job's page, its
        // polled part and the API's job × M01's upload, M02's, the region's analysis run, a missing one; the charts:
        // a sign's × 5 like its page, zones, trends and the trends section × 4; the risk grid once, the comparison
        // page × 4, its API × 2)
        assertThat(expected).hasSize(49);
        assertThat(cases).isEqualTo(principals.size() * targets).isEqualTo(11 * 109);
    }

    /**
     * The pages planned in the rules before they exist (user management, audit log, settings): refused to a role
     * without the permission; a role with it passes the guard (and finds no page yet, or the page once it is added).
     */
    @Test
    void plannedPagesAreGuardedBeforeTheyExist() throws Exception {
        Map<String, Permission> planned = Map.of("/admin/users", MANAGE_USERS, "/admin/users/1/unlock", MANAGE_USERS,
                "/audit", AUDIT, "/audit/export.csv", AUDIT, "/admin/settings", SETTINGS, "/settings", SETTINGS);
        int cases = 0;
        for (var e : planned.entrySet()) {
            for (Principal p : principals()) {
                int status = perform(p, get(e.getKey())).getResponse().getStatus();
                if (p.anonymous()) {
                    assertThat(status).as(e.getKey()).isEqualTo(302);
                } else if (p.can(Set.of(e.getValue()))) {
                    assertThat(status).as(p.label() + " " + e.getKey()).isNotIn(302, 403);
                } else {
                    assertThat(status).as(p.label() + " " + e.getKey()).isEqualTo(403);
                }
                cases++;
            }
        }
        assertThat(cases).isEqualTo(6 * 11);
    }

    private void check(String key, Endpoint endpoint, Principal p, String target) throws Exception {
        String what = p.label() + " → " + key + " [" + target + "]";
        MvcResult r = perform(p, endpoint.call().request(p, target));
        int status = r.getResponse().getStatus();
        if (endpoint.open()) {
            endpoint.check().allowed(p, target, r);
        } else if (p.anonymous() && key.contains(" /api/v1/")) {
            assertThat(status).as(what + ": the API answers 401, not the login page").isEqualTo(401);
            assertThat(body(r)).as(what).contains("\"code\":\"unauthorized\"");
        } else if (p.anonymous()) {
            assertThat(status).as(what).isEqualTo(302);
            assertThat(r.getResponse().getRedirectedUrl()).as(what).endsWith("/login");
        } else if (!p.can(endpoint.needs())) {
            assertThat(status).as(what + ": the role lacks " + endpoint.needs()).isEqualTo(403);
        } else {
            try {
                endpoint.check().allowed(p, target, r);
            } catch (AssertionError e) {
                throw new AssertionError(what + ": " + e.getMessage(), e);
            }
        }
    }

    private MvcResult perform(Principal p, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        request.with(csrf());
        if (!p.anonymous()) {
            request.with(user(accounts.get(p.login())));
        }
        return mvc.perform(request).andReturn();
    }

    /** The central table has an explicit rule for the endpoint, and its permissions are the expected ones. */
    private static void ruleMatchesExpectation(String key, Endpoint endpoint) {
        if (endpoint.open()) {
            return;
        }
        String[] parts = key.split(" ", 2);
        String path = parts[1].replaceAll("\\{[^}]+}", "1");
        var rule = AccessRules.find(HttpMethod.valueOf(parts[0]), path);
        assertThat(rule).as("a rule in AccessRules for " + key).isPresent();
        assertThat(rule.get().permissions()).as("permissions of " + key).isEqualTo(endpoint.needs());
    }

    /** «METHOD pattern» of every handler Spring mapped; «ANY» for a handler of every method. */
    private Set<String> mappedEndpoints() {
        Set<String> keys = new TreeSet<>();
        handlers.getHandlerMethods().forEach((info, method) -> {
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    keys.add("ANY " + pattern);
                }
                methods.forEach(m -> keys.add(m.name() + " " + pattern));
            }
        });
        return keys;
    }

    private static void ok(MvcResult r) {
        status(r, 200);
    }

    private static void status(MvcResult r, int expected) {
        assertThat(r.getResponse().getStatus()).as("status").isEqualTo(expected);
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** No name or code of another territory in the body, apart from what the user typed ({@code echo}). */
    private static void hiddenAbsent(Principal p, MvcResult r, String echo) throws Exception {
        String body = echo.isEmpty() ? body(r) : body(r).replace(echo, "");
        for (String hidden : p.hidden()) {
            assertThat(body).as("another territory's names").doesNotContain(hidden);
        }
    }

    private static School school(String code) {
        return ALL.stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
    }

    private long municipalityId(String code) {
        return code.equals(MISSING) ? 999_999 : id("select id from municipality where code = '" + code + "'");
    }

    private long rejectionId(String territory) {
        return territory.equals(MISSING) ? 999_999
                : id("select id from import_rejection where file_name = '" + territory + "-bad.csv'");
    }

    /** A stored import of a result of a school made by this login, to roll back. */
    private long freshBatch(String login, School school) {
        int n = ++counter;
        String name = "batch-" + n + ".csv";
        importAs(login, name, "procedure;year;subject;grade;school_code;participant;mark\n"
                + "ВПР;2025;Математика;5;" + school.code() + ";" + (70000 + n) + ";4\n");
        return id("select id from import_batch where file_name = '" + name + "'");
    }

    /** A chart of one school: its JSON inside the territory, the school page's 404/403 outside it. */
    private static Check schoolChart(String expected) {
        return (p, t, r) -> {
            School s = school(t);
            if (s != null && p.sees().contains(s)) {
                ok(r);
                assertThat(body(r)).contains(expected);
                hiddenAbsent(p, r, "");
            } else {
                status(r, s == null && p.level() == Territory.REGION ? 404 : 403);
                assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
                hiddenAbsent(p, r, t);
            }
        };
    }

    /** A user-management change: done inside the manager's territory, refused with a message outside it. */
    private static Check managed() {
        return (p, t, r) -> {
            status(r, 302);
            boolean inside = p.seesMunicipality(t);
            assertThat((Map<String, Object>) r.getFlashMap()).containsKey(inside ? "message" : "errors");
        };
    }

    /** A fresh school account at this school, for a management action to act on. */
    private long freshUser(School school) {
        String login = "u-" + (++counter);
        users.create(login, "{noop}x", "Пользователь", Role.SCHOOL, null,
                id("select id from school where code = '" + school.code() + "'"));
        return users.find(login).orElseThrow().id();
    }

    /**
     * The path of a secret sign: «edu220001» its own sign under its code, «edu220003@edu220001» S3's sign asked under
     * S1's code, {@link #MISSING} a sign that does not exist.
     */
    private String signPath(String target) {
        secretSigns();
        String[] signOf = target.split("@");
        String under = signOf.length == 2 ? signOf[1] : signOf[0];
        long sign = target.equals(MISSING) ? 999_999
                : id("select id from analysis_sign where explanation = 'СЕКРЕТ-" + signOf[0] + "'");
        return "/schools/" + under + "/signs/" + sign;
    }

    /** A sign in the latest run for every school, its explanation naming the school: «СЕКРЕТ-edu220001». */
    private void secretSigns() {
        long run = id("select max(id) from analysis_run");
        if (id("select count(*) from analysis_sign where run_id = " + run + " and explanation like 'СЕКРЕТ-%'") > 0) {
            return;
        }
        for (School s : ALL) {
            jdbc.sql("""
                    insert into analysis_sign (run_id, school_id, exam_year, procedure, subject, grade, sign, n,
                        counted, explanation, evidence)
                    select :run, id, 2025, 'ВПР', 'Математика', 5, 'THRESHOLD_HEAPING', 12, true, :text,
                        'шкала=«3» от 3, «4» от 5, «5» от 7|гистограмма=0 1 2 0 5 1 0 2 1'
                    from school where code = :code""")
                    .param("run", run).param("text", "СЕКРЕТ-" + s.code()).param("code", s.code()).update();
        }
    }
}
