package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import ru.msoko.app.resultstore.ResultBlockRepository;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.StoredResults;

/**
 * Two imports into one procedure (V28 replaced the unique index on participants with a check under a lock on the
 * procedure's row): the second waits for the first, however long it takes, and then sees its participants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class ConcurrentImportContract {

    private static final String MORE = """
            procedure;year;subject;grade;school_code;participant;variant;1 (1б);2 (2б);3 (1б);mark
            ВПР;2025;Математика;5;edu220001;40101;1;1;2;1;5
            ВПР;2025;Математика;5;edu220003;40102;1;0;1;0;2
            """;

    @Autowired
    ImportService service;
    @Autowired
    ResultBlockRepository blocks;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    /** The number of sessions waiting for a lock another session holds. */
    abstract long sessionsWaitingForALock();

    @BeforeEach
    void schoolsAndAFirstFile() {
        DatabaseState.clear(jdbc);
        imported(importText("schools.csv", Fixtures.SCHOOLS));
        imported(importText("results.csv", Fixtures.RESULTS));
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aSecondImportIntoTheProcedureWaitsForTheFirstAndThenStoresItsRows() throws Exception {
        long assessment = jdbc.sql("select id from assessment").query(Long.class).single();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the first import, still writing: its transaction holds the procedure
        Future<?> first = threads.submit(() -> tx.executeWithoutResult(status -> {
            blocks.lockAssessment(assessment);
            locked.countDown();
            await(release);
        }));
        assertThat(locked.await(60, TimeUnit.SECONDS)).isTrue();

        Future<ImportOutcome> second = threads.submit(() -> importText("more.csv", MORE));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sessionsWaitingForALock() == 0 && !second.isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // until the server shows the second import blocked on the first one's lock
        }
        assertThat(second.isDone()).as("the second import waits while the first holds the procedure").isFalse();
        assertThat(sessionsWaitingForALock()).isEqualTo(1);

        release.countDown();
        first.get(60, TimeUnit.SECONDS);
        ImportOutcome outcome = second.get(60, TimeUnit.SECONDS);

        imported(outcome);
        assertThat(StoredResults.count(jdbc)).isEqualTo(6 + 2);
    }

    @Test
    void aParticipantStoredByTheFirstImportIsRefusedInTheSecond() {
        ImportOutcome again = importText("again.csv", """
                procedure;year;subject;grade;school_code;participant;variant;1 (1б);2 (2б);3 (1б);mark
                ВПР;2025;Математика;5;edu220001;40001;1;1;2;1;5
                """);

        assertThat(again).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(((ImportOutcome.Rejected) again).problems().get(0).message())
                .contains("уже загружен другим файлом");
        assertThat(StoredResults.count(jdbc)).isEqualTo(6);
    }

    private ImportOutcome importText(String name, String content) {
        return service.importFile(Fixtures.write(dir, name, content), name, "test", ImportOptions.STRICT);
    }

    private static void imported(ImportOutcome o) {
        assertThat(o).as(o.summary()).isInstanceOf(ImportOutcome.Imported.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(120, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
