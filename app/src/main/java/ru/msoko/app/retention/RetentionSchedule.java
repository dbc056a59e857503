package ru.msoko.app.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Applies the retention setting {@code msoko.retention.pupil-level-years} when the server starts and every night.
 * 0 (the default) keeps everything: the cohort methods follow pupils from grade 4 to grade 9, five years, so an
 * installation chooses its period knowingly (docs/data-inventory.md).
 */
@Configuration
@ConditionalOnWebApplication
@EnableScheduling
class RetentionSchedule {

    /** Who the audit log names for the nightly run. */
    static final String SYSTEM = "система (срок хранения)";

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final Retention retention;
    private final int keepYears;

    RetentionSchedule(Retention retention, @Value("${msoko.retention.pupil-level-years:0}") int keepYears) {
        this.retention = retention;
        this.keepYears = keepYears;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        run();
    }

    @Scheduled(cron = "${msoko.retention.cron:0 30 3 * * *}")
    void nightly() {
        run();
    }

    private void run() {
        if (keepYears <= 0) {
            return;
        }
        Retention.Plan done = retention.apply(keepYears, SYSTEM);
        if (!done.isEmpty()) {
            LOG.info("Срок хранения {} лет: обезличенные записи участников за {} год и ранее заменены итогами "
                    + "({} строк), удалены перечни ошибок отклонённых файлов ({})", keepYears,
                    done.lastArchivedYear(), done.rows(), done.rejectionProblems());
        }
    }
}
