package ru.msoko.app.support;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.imports.ImportService;
import ru.msoko.app.jobs.Jobs;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.security.Role;
import ru.msoko.app.security.UserRepository;

/**
 * Base of the web tests on the small fixture territory (embedded H2): the fixture schools and results, and
 * one user per level — the region, the municipality M01 and the school edu220001 — password {@code secret-pass}.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class TerritoryWebTest {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected ImportService imports;
    @Autowired
    protected UserRepository users;
    @Autowired
    protected PasswordEncoder encoder;
    @Autowired
    protected Jobs jobs;
    @TempDir
    protected Path dir;

    protected MsokoUser region;
    protected MsokoUser municipality;
    protected MsokoUser school;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    @BeforeEach
    void loadTerritory() throws Exception {
        JobWait.all(jobs); // nothing of an earlier test may still be writing
        DatabaseState.clear(jdbc);
        imports.importFile(Fixtures.write(dir, "schools.csv", Fixtures.SCHOOLS), "schools.csv", "t", ImportOptions.STRICT);
        imports.importFile(Fixtures.write(dir, "results.csv", Fixtures.RESULTS), "results.csv", "t", ImportOptions.STRICT);
        long m01 = id("select id from municipality where code = 'M01'");
        long school1 = id("select id from school where code = 'edu220001'");
        String hash = encoder.encode("secret-pass");
        users.create("r", hash, "Регион", Role.REGION_ADMIN, null, null);
        users.create("m", hash, "Муниципалитет", Role.MUNICIPALITY_ADMIN, m01, null);
        users.create("s", hash, "Школа", Role.SCHOOL, null, school1);
        region = users.find("r").orElseThrow();
        municipality = users.find("m").orElseThrow();
        school = users.find("s").orElseThrow();
    }

    /** Waits for the job a page's POST redirected to (/jobs/{id}) and returns its id. */
    protected long awaitJob(org.springframework.test.web.servlet.MvcResult posted) throws Exception {
        return JobWait.of(jobs, posted.getResponse().getRedirectedUrl());
    }

    /** Waits for that job and returns its page as {@code reader} sees it. */
    protected String jobPage(org.springframework.test.web.servlet.MvcResult posted, MsokoUser reader) throws Exception {
        long id = awaitJob(posted);
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/jobs/" + id)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(reader)))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    protected long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
