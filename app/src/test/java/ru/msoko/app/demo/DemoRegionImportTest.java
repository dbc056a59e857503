package ru.msoko.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.imports.ImportOutcome;
import ru.msoko.app.imports.ImportService;
import ru.msoko.app.support.Databases;
import ru.msoko.app.support.StoredResults;
import ru.msoko.app.system.DataFolder;
import ru.msoko.core.demo.DemoManifest;
import ru.msoko.core.demo.DemoRegionGenerator;
import ru.msoko.core.demo.DemoSettings;

/** The demo region goes through the ordinary import, completely, and a second import changes nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DemoRegionImportTest {

    @Autowired
    DemoLoader loader;
    @Autowired
    ImportService imports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataFolder folder;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void loadsEveryRowOnceAndRecognisesTheFilesTheSecondTime() throws Exception {
        // a first start that was stopped after the school directory and one results file (as the user «demo»)
        DemoManifest interrupted = new DemoRegionGenerator(DemoSettings.standard()).writeTo(folder.root().resolve("demo"));
        for (Path f : List.of(interrupted.schoolsFile(), interrupted.resultFiles().get(0))) {
            assertThat(imports.importFile(f, f.getFileName().toString(), "demo", ImportOptions.STRICT))
                    .isInstanceOf(ImportOutcome.Imported.class);
        }

        // as `serve --demo` does it: the rest of the files and the first analysis load in the background, the logins
        // are known at once
        List<String> logins = loader.ensureLoadedAnalysingInBackground();
        loader.awaitFirstAnalysis();
        assertThat(count("select count(*) from analysis_run")).isEqualTo(1);
        // the school login belongs to the first school (by code) of the first municipality that has results
        Set<String> withResults = StoredResults.all(jdbc).stream().map(StoredResults.Row::schoolCode)
                .collect(Collectors.toSet());
        List<String> schoolLogin = jdbc.sql("""
                select s.code from app_user u join school s on s.id = u.school_id where u.username = 'school'""")
                .query(String.class).list();
        List<String> firstWithResults = jdbc.sql("""
                select s2.code from app_user u join school s2 on s2.municipality_id = u.municipality_id
                where u.username = 'school'""").query(String.class).stream().filter(withResults::contains)
                .sorted().limit(1).toList();
        assertThat(schoolLogin).hasSize(1).isEqualTo(firstWithResults);

        Path demo = folder.root().resolve("demo");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(demo)) {
            s.filter(p -> p.getFileName().toString().startsWith("results")).sorted().forEach(files::add);
        }
        long rowsInFiles = 0;
        for (Path f : files) {
            try (Stream<String> lines = Files.lines(f)) {
                rowsInFiles += lines.count() - 1;
            }
        }
        assertThat(StoredResults.count(jdbc)).isEqualTo(rowsInFiles).isGreaterThan(100_000);
        assertThat(count("select count(*) from school")).isBetween(120L, 180L);
        assertThat(count("select count(*) from municipality")).isEqualTo(8);
        assertThat(count("select count(distinct kind) from assessment")).isGreaterThanOrEqualTo(4);
        // one demo login per role (8), each printed on its own line after the heading
        assertThat(count("select count(*) from app_user")).isEqualTo(8);
        assertThat(count("select count(distinct role) from app_user")).isEqualTo(8);
        // the heading, 8 logins and the line saying what loads in the background: the results files (the one loaded
        // before is recognised by its hash)
        assertThat(logins).hasSize(10);
        assertThat(logins.get(9)).startsWith("Результаты демо-региона загружаются в фоне (файлов: " + files.size() + ")");
        for (String login : List.of("region ", "region-analyst", "municipality ", "municipality-analyst", "school",
                "expert", "observer", "auditor")) {
            assertThat(logins).anySatisfy(l -> assertThat(l).startsWith("  " + login));
        }

        long before = StoredResults.count(jdbc);
        for (Path f : files) {
            ImportOutcome again = imports.importFile(f, f.getFileName().toString(), "test", ImportOptions.STRICT);
            assertThat(again).isInstanceOf(ImportOutcome.AlreadyImported.class);
        }
        assertThat(StoredResults.count(jdbc)).isEqualTo(before);

        // a second start: nothing is loaded again and no second analysis is run
        assertThat(loader.ensureLoaded()).hasSize(9);
        assertThat(StoredResults.count(jdbc)).isEqualTo(before);
        assertThat(count("select count(*) from analysis_run")).isEqualTo(1);
    }
}
