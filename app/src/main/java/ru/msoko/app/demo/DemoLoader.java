package ru.msoko.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.imports.ImportOutcome;
import ru.msoko.app.imports.ImportService;
import ru.msoko.app.objectivity.AnalysisService;
import ru.msoko.app.security.Role;
import ru.msoko.app.security.UserRepository;
import ru.msoko.app.system.DataFolder;
import ru.msoko.core.demo.DemoManifest;
import ru.msoko.core.demo.DemoRegionGenerator;
import ru.msoko.core.demo.DemoSettings;
import ru.msoko.core.objectivity.ObjectivitySettings;

/**
 * Loads the synthetic demo region through the ordinary import (so the demo exercises the real path)
 * and creates one demo user per level, then runs the first objectivity analysis. Runs only on an empty
 * database (and the analysis only when none has been run).
 */
@Component
public class DemoLoader {

    public static final String PASSWORD = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    private final ImportService imports;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final DataFolder folder;
    private final AnalysisService analysis;

    DemoLoader(ImportService imports, UserRepository users, PasswordEncoder encoder, JdbcClient jdbc,
               DataFolder folder, AnalysisService analysis) {
        this.analysis = analysis;
        this.imports = imports;
        this.users = users;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.folder = folder;
    }

    /** Loads the demo region if the database has no schools; returns the demo logins to print. */
    public List<String> ensureLoaded() {
        if (schoolCount() == 0) {
            load(DemoSettings.standard());
        }
        if (users.find("region").isEmpty()) {
            createUsers();
        }
        if (runCount() == 0) {
            // the demo shows risk zones from the first start, as a region would after its first analysis
            analysis.analyse(List.of(), ObjectivitySettings.defaults(), "demo");
        }
        return logins();
    }

    void load(DemoSettings settings) {
        Path dir = folder.root().resolve("demo");
        DemoManifest manifest;
        try {
            manifest = new DemoRegionGenerator(settings).writeTo(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> files = new ArrayList<>();
        files.add(manifest.schoolsFile());
        files.addAll(manifest.resultFiles());
        for (Path f : files) {
            ImportOutcome outcome = imports.importFile(f, f.getFileName().toString(), "demo", ImportOptions.STRICT);
            if (outcome instanceof ImportOutcome.Rejected r) {
                throw new IllegalStateException("demo file rejected: " + r.summary() + " "
                        + r.problems().stream().limit(5).map(p -> p.describe()).toList());
            }
            LOG.info(outcome.summary());
        }
    }

    private long runCount() {
        return jdbc.sql("select count(*) from analysis_run").query(Long.class).single();
    }

    private long schoolCount() {
        return jdbc.sql("select count(*) from school").query(Long.class).single();
    }

    private void createUsers() {
        String hash = encoder.encode(PASSWORD);
        users.create("region", hash, "Аналитик регионального центра", Role.REGION_ADMIN, null, null);
        Long municipality = jdbc.sql("select id from municipality order by code limit 1").query(Long.class).single();
        users.create("municipality", hash, "Аналитик управления образования", Role.MUNICIPALITY_ADMIN, municipality, null);
        Long school = jdbc.sql("""
                select s.id from school s
                where s.municipality_id = :m and exists (select 1 from result r where r.school_id = s.id)
                order by s.code limit 1""").param("m", municipality).query(Long.class).single();
        users.create("school", hash, "Заместитель директора", Role.SCHOOL, municipality, school);
    }

    private List<String> logins() {
        String municipality = jdbc.sql("""
                select m.name from app_user u join municipality m on m.id = u.municipality_id
                where u.username = 'municipality'""").query(String.class).optional().orElse("");
        String school = jdbc.sql("""
                select s.name from app_user u join school s on s.id = u.school_id where u.username = 'school'""")
                .query(String.class).optional().orElse("");
        return List.of("Демо-пользователи (пароль у всех: " + PASSWORD + "):",
                "  region       — весь регион",
                "  municipality — " + municipality,
                "  school       — " + school);
    }
}
