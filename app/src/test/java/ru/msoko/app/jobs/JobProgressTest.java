package ru.msoko.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The live progress of a job and the bound of the pool, without Spring. */
class JobProgressTest {

    @Test
    void unitsNeverGoBackNorPastTheTotal() {
        JobProgress p = new JobProgress("ожидание");
        p.phase("чтение файла", 100);
        p.done(40);
        p.done(30); // a late, smaller report is ignored
        assertThat(p.snapshot()).isEqualTo(new JobProgress.Snapshot("чтение файла", 40, 100));
        p.done(250);
        assertThat(p.snapshot().done()).isEqualTo(100);
        p.step("расчёт признаков", 1, 3);
        assertThat(p.snapshot()).isEqualTo(new JobProgress.Snapshot("расчёт признаков", 1, 3));
        p.phase("строки", 0); // of unknown size: counts on without a cap
        p.done(1_000_000);
        assertThat(p.snapshot()).isEqualTo(new JobProgress.Snapshot("строки", 1_000_000, 0));
    }

    @Test
    void thePoolRunsItsThreadsHoldsItsQueueAndRefusesTheNextOne() throws Exception {
        ThreadPoolTaskExecutor pool = Jobs.executor(2, 3, Duration.ofSeconds(5));
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try {
            for (int i = 0; i < 2 + 3; i++) { // 2 running, 3 waiting
                pool.execute(() -> {
                    running.countDown();
                    await(release);
                });
            }
            assertThat(running.await(1, TimeUnit.MINUTES)).isTrue();
            assertThat(pool.getActiveCount()).isEqualTo(2);
            assertThat(pool.getThreadPoolExecutor().getQueue()).hasSize(3);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> pool.execute(() -> { }))
                    .isInstanceOf(TaskRejectedException.class);
        } finally {
            release.countDown();
            pool.shutdown();
        }
        assertThat(pool.getThreadPoolExecutor().awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        assertThat(pool.getThreadPoolExecutor().getCompletedTaskCount()).isEqualTo(5);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(1, TimeUnit.MINUTES)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
