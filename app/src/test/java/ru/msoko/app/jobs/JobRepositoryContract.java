package ru.msoko.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.imports.ImportService;
import ru.msoko.app.security.Scope;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.Fixtures;

/** The background_job table (V25) and its scoped reads on both databases; run by the H2 and PostgreSQL subclasses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class JobRepositoryContract {

    @Autowired
    JobRepository repository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImportService imports;
    @TempDir
    Path dir;

    long m01;
    long m02;
    long school1;

    @BeforeEach
    void territory() {
        DatabaseState.clear(jdbc);
        imports.importFile(Fixtures.write(dir, "schools.csv", Fixtures.SCHOOLS), "schools.csv", "t", ImportOptions.STRICT);
        m01 = id("select id from municipality where code = 'M01'");
        m02 = id("select id from municipality where code = 'M02'");
        school1 = id("select id from school where code = 'edu220001'");
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static final List<String> ALL_KINDS = List.of("IMPORT", "ANALYSIS");

    @Test
    void eachLevelSeesItsTerritorysJobsOfTheKindsItMaySee() {
        long region = repository.create(JobKind.ANALYSIS, "регион", "r", null, null, Jobs.WAITING);
        long ownM01 = repository.create(JobKind.IMPORT, "M01", "m", m01, null, Jobs.WAITING);
        long ofSchool1 = repository.create(JobKind.IMPORT, "школа 1", "s", null, school1, Jobs.WAITING);
        long ownM02 = repository.create(JobKind.IMPORT, "M02", "m2", m02, null, Jobs.WAITING);

        assertThat(repository.page(Scope.region(), ALL_KINDS, 0, 10)).extracting(Job::id)
                .containsExactly(ownM02, ofSchool1, ownM01, region);
        // M01 sees its own users' jobs and those of its schools' users (school 1 is in M01)
        assertThat(repository.page(Scope.municipality(m01), ALL_KINDS, 0, 10)).extracting(Job::id)
                .containsExactly(ofSchool1, ownM01);
        assertThat(repository.count(Scope.municipality(m01), ALL_KINDS)).isEqualTo(2);
        assertThat(repository.find(Scope.municipality(m01), ALL_KINDS, ownM02)).isEmpty();
        assertThat(repository.find(Scope.school(m01, school1), ALL_KINDS, ofSchool1)).isPresent();
        assertThat(repository.find(Scope.school(m01, school1), ALL_KINDS, ownM01)).isEmpty();
        // without the kind the reader may not see, nothing (and no SQL with an empty list)
        assertThat(repository.page(Scope.region(), List.of("ANALYSIS"), 0, 10)).extracting(Job::id).containsExactly(region);
        assertThat(repository.page(Scope.region(), List.of(), 0, 10)).isEmpty();
        assertThat(repository.count(Scope.region(), List.of())).isZero();
        // paging: newest first
        assertThat(repository.page(Scope.region(), ALL_KINDS, 1, 2)).extracting(Job::id).containsExactly(ofSchool1, ownM01);
    }

    @Test
    void aJobRunsAndEndsAndTheRestartRuleFailsOnlyWhatWasCutOff() {
        long done = repository.create(JobKind.IMPORT, "готово", "r", null, null, Jobs.WAITING);
        repository.running(done);
        repository.end(done, JobState.DONE, new JobProgress.Snapshot("итоги по школам", 7, 7), "a.csv: загружено",
                "/imports", null);
        long cut = repository.create(JobKind.IMPORT, "оборвано", "r", null, null, Jobs.WAITING);
        repository.running(cut);
        long alive = repository.create(JobKind.ANALYSIS, "идёт", "r", null, null, Jobs.WAITING);
        repository.running(alive);
        long waiting = repository.create(JobKind.ANALYSIS, "ждёт", "r", null, null, Jobs.WAITING);

        assertThat(repository.interrupted(List.of(alive))).isEqualTo(2);
        Job ended = repository.find(Scope.region(), ALL_KINDS, done).orElseThrow();
        assertThat(ended.state()).isEqualTo(JobState.DONE);
        assertThat(ended.summary()).isEqualTo("a.csv: загружено");
        assertThat(ended.done()).isEqualTo(7);
        assertThat(ended.startedAt()).isNotNull();
        assertThat(ended.finishedAt()).isNotNull();
        assertThat(repository.find(Scope.region(), ALL_KINDS, cut).orElseThrow().error()).isEqualTo(JobRepository.INTERRUPTED);
        assertThat(repository.find(Scope.region(), ALL_KINDS, waiting).orElseThrow().error())
                .isEqualTo(JobRepository.NOT_STARTED);
        assertThat(repository.find(Scope.region(), ALL_KINDS, alive).orElseThrow().state()).isEqualTo(JobState.RUNNING);
    }
}
