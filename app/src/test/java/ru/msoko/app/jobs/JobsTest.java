package ru.msoko.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import ru.msoko.app.objectivity.AnalysisService;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.JobWait;
import ru.msoko.app.support.RecordingProgress;
import ru.msoko.app.support.StoredResults;
import ru.msoko.app.support.TerritoryWebTest;
import ru.msoko.core.objectivity.ObjectivitySettings;

/**
 * Background jobs on a pool of one worker and a queue of one (so that the bound is reached with three jobs): their
 * states, an upload that fails and changes nothing, the restart rule, scoping, the progress of an analysis run.
 * Synchronised through latches and the jobs' futures, never by sleeping.
 */
@TestPropertySource(properties = {"msoko.jobs.threads=1", "msoko.jobs.queue=1"})
class JobsTest extends TerritoryWebTest {

    private Authentication as(MsokoUser u) {
        return new UsernamePasswordAuthenticationToken(u, null, u.getAuthorities());
    }

    private String state(long job) {
        return jdbc.sql("select state from background_job where id = :id").param("id", job).query(String.class).single();
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(1, TimeUnit.MINUTES)).as("latch").isTrue();
    }

    @Test
    void aJobWaitsRunsAndEndsAndAFullQueueRefusesTheNext() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(3);
        Authentication m = as(municipality);
        long first = jobs.create(JobKind.IMPORT, "первая", m);
        assertThat(state(first)).isEqualTo("QUEUED");
        assertThat(jobs.start(first, m, progress -> {
            progress.phase("ожидание теста", 2);
            progress.done(1);
            started.countDown();
            await(release);
            return Jobs.Result.done("первая: готово", "/imports", null);
        }, released::countDown)).isTrue();
        await(started);
        assertThat(state(first)).isEqualTo("RUNNING");
        Job running = jobs.find(scopeOf(municipality), m, first).orElseThrow();
        assertThat(running.phase()).isEqualTo("ожидание теста");
        assertThat(running.done()).isEqualTo(1);
        assertThat(running.total()).isEqualTo(2);
        assertThat(running.percent()).isEqualTo(50);
        // the bar and its caption in Russian typography: «50 %» with a no-break space, never «50%» (issue #7)
        String bar = mvc.perform(get("/jobs/" + first + "/progress").with(user(municipality))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bar).contains(">50\u00A0%</progress>", "50\u00A0% — 1 из 2").doesNotContain("50%");

        long second = jobs.create(JobKind.IMPORT, "вторая", m);
        assertThat(jobs.start(second, m, p -> Jobs.Result.done("вторая: готово", "/imports", null), released::countDown))
                .isTrue();
        assertThat(state(second)).isEqualTo("QUEUED");
        // one running, one waiting: the third is refused at once, recorded as failed, and its files released
        long third = jobs.create(JobKind.IMPORT, "третья", m);
        assertThat(jobs.start(third, m, p -> Jobs.Result.done("третья", "/imports", null), released::countDown))
                .isFalse();
        assertThat(state(third)).isEqualTo("FAILED");
        assertThat(jobs.find(scopeOf(municipality), m, third).orElseThrow().error())
                .startsWith("очередь фоновых задач заполнена (выполняются 1, ждут 1)");

        release.countDown();
        jobs.await(first, JobWait.LIMIT);
        jobs.await(second, JobWait.LIMIT);
        await(released);
        Job done = jobs.find(scopeOf(municipality), m, first).orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.summary()).isEqualTo("первая: готово");
        assertThat(done.done()).as("an ended job's phase is complete").isEqualTo(2);
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.finishedAt()).isNotNull();
        assertThat(state(second)).isEqualTo("DONE");
    }

    private static ru.msoko.app.security.Scope scopeOf(MsokoUser u) {
        return u.scope();
    }

    @Test
    void aRejectedUploadFailsWithTheImportsMessageChangesNothingAndLeavesNoTempFile() throws Exception {
        var before = DatabaseState.fingerprint(jdbc);
        // the fixture moved to 2024 (new results) with the first row's mark 5 made 9: one problem, in one row
        MockMultipartFile bad = new MockMultipartFile("files", "bad.csv", "text/csv", Fixtures.RESULTS.replace("2025", "2024")
                .replace(";1;2;1;5;5", ";1;2;1;9;5").getBytes(StandardCharsets.UTF_8));
        MvcResult posted = mvc.perform(multipart("/imports").file(bad).with(user(municipality)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        long job = awaitJob(posted);

        Job failed = jobs.find(municipality.scope(), as(municipality), job).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error()).isEqualTo("bad.csv: не загружен, ошибок: 1 — база данных не изменена");
        assertThat(failed.owner()).isEqualTo("m");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("msoko-job-" + job + "-"));
        }
        // the page shows the failure and the file's problem with its row, as the import page did
        String page = mvc.perform(get("/jobs/" + job).with(user(municipality))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Не выполнено", "bad.csv: не загружен, ошибок: 1", "строка 2")
                .doesNotContain("hx-trigger");
    }

    @Test
    void anUploadThatSucceedsLeadsToItsOutcomeAndTheLog() throws Exception {
        MockMultipartFile file = new MockMultipartFile("files", "r.csv", "text/csv",
                Fixtures.RESULTS.replace("2025", "2024").getBytes(StandardCharsets.UTF_8));
        long job = awaitJob(mvc.perform(multipart("/imports").file(file).with(user(municipality)).with(csrf()))
                .andReturn());
        assertThat(state(job)).isEqualTo("DONE");
        // 6 rows of 2024 on top of the 6 of 2025 (Fixtures.RESULTS)
        assertThat(StoredResults.count(jdbc)).isEqualTo(12);
        String page = mvc.perform(get("/jobs/" + job).with(user(municipality))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Выполнено", "r.csv: загружено", "Журнал загрузок");
        String list = mvc.perform(get("/jobs").with(user(municipality))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("/jobs/" + job, "r.csv", "выполнено");
    }

    @Test
    void aJobLeftRunningOrQueuedByAStoppedServerIsFailedAtStart() {
        for (String s : new String[] {"RUNNING", "QUEUED", "DONE"}) {
            jdbc.sql("""
                    insert into background_job (kind, title, owner, state, created_at)
                    values ('IMPORT', :title, 'r', :state, current_timestamp)""").param("title", "до остановки " + s)
                    .param("state", s).update();
        }
        assertThat(jobs.recoverInterrupted()).isEqualTo(2);
        assertThat(jdbc.sql("select title || ' → ' || state || ': ' || coalesce(error, '') from background_job "
                + "order by id").query(String.class).list()).containsExactly(
                "до остановки RUNNING → FAILED: прервано перезапуском сервера: задача выполнялась одной транзакцией, "
                        + "поэтому ничего из неё не сохранено — запустите её снова",
                "до остановки QUEUED → FAILED: не начато: сервер был перезапущен, пока задача ждала в очереди — "
                        + "запустите её снова",
                "до остановки DONE → DONE: ");
    }

    @Test
    void anotherTerritorysJobIsNotFound() throws Exception {
        long m02 = id("select id from municipality where code = 'M02'");
        users.create("m2", encoder.encode("secret-pass"), "M02", ru.msoko.app.security.Role.MUNICIPALITY_ADMIN, m02, null);
        MsokoUser other = users.find("m2").orElseThrow();
        long job = jobs.create(JobKind.IMPORT, "чужой.csv", as(other));
        jobs.start(job, as(other), p -> Jobs.Result.done("чужой.csv: готово", "/imports", null), () -> { });
        jobs.await(job, JobWait.LIMIT);

        mvc.perform(get("/jobs/" + job).with(user(municipality))).andExpect(status().isNotFound());
        mvc.perform(get("/jobs/" + job + "/progress").with(user(municipality))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/jobs/" + job).with(user(municipality))).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/jobs").with(user(municipality))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("чужой.csv");
        assertThat(mvc.perform(get("/api/v1/jobs/" + job).with(user(other))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"state\":\"DONE\"", "чужой.csv");
        assertThat(mvc.perform(get("/api/v1/jobs").with(user(region))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("чужой.csv", "\"total\":1");
    }

    @Test
    void anAnalysisRunReportsItsThreeStepsAndLinksToTheRiskZones() throws Exception {
        RecordingProgress progress = new RecordingProgress();
        analysis.analyse(java.util.List.of(), ObjectivitySettings.defaults(), "t", progress);
        assertThat(progress.reports()).extracting(RecordingProgress.Report::done).isSorted();
        assertThat(progress.reports().get(progress.reports().size() - 1)).isEqualTo(new RecordingProgress.Report("запись результатов", 3, 3));
        assertThat(progress.phases()).containsExactly("загрузка данных", "расчёт признаков", "запись результатов");

        long job = awaitJob(mvc.perform(post("/risk/run").with(user(region)).with(csrf())).andReturn());
        assertThat(state(job)).isEqualTo("DONE");
        String page = mvc.perform(get("/jobs/" + job).with(user(region))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("расчёт № " + id("select max(id) from analysis_run") + " выполнен", "href=\"/risk\"");
    }

    @Test
    void theApiStaysSynchronousUnlessAskedAndThenAnswers202WithTheJob() throws Exception {
        mvc.perform(post("/api/v1/analysis-runs").with(user(region)).with(csrf())).andExpect(status().isCreated());
        MvcResult accepted = mvc.perform(post("/api/v1/analysis-runs").param("async", "true").with(user(region)).with(csrf()))
                .andExpect(status().isAccepted()).andReturn();
        String location = accepted.getResponse().getHeader("Location");
        assertThat(location).matches("/api/v1/jobs/\\d+");
        jobs.await(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)), JobWait.LIMIT);
        assertThat(mvc.perform(get(location).with(user(region))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("\"state\":\"DONE\"", "\"kind\":\"ANALYSIS\"");

        MockMultipartFile file = new MockMultipartFile("file", "r.csv", "text/csv",
                Fixtures.RESULTS.replace("2025", "2024").getBytes(StandardCharsets.UTF_8));
        MvcResult upload = mvc.perform(multipart("/api/v1/imports").file(file).param("async", "true")
                .with(user(municipality)).with(csrf())).andExpect(status().isAccepted()).andReturn();
        String job = upload.getResponse().getHeader("Location");
        jobs.await(Long.parseLong(job.substring(job.lastIndexOf('/') + 1)), JobWait.LIMIT);
        assertThat(mvc.perform(get(job).with(user(municipality))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("\"state\":\"DONE\"", "r.csv: загружено");
        assertThat(StoredResults.count(jdbc)).isEqualTo(12);
    }

    @org.springframework.beans.factory.annotation.Autowired
    AnalysisService analysis;
}
