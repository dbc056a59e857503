package ru.msoko.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.msoko.app.jobs.Jobs;

/**
 * Waits for background jobs through their futures (no sleeping, no polling): a page's POST now answers with a
 * redirect to /jobs/{id}, and what the test checks happens when that job ends.
 */
public final class JobWait {

    /** Generous: a job of the fixture ends in well under a second; the bound only keeps a hung test from hanging. */
    public static final Duration LIMIT = Duration.ofMinutes(2);
    private static final Pattern JOB = Pattern.compile("/jobs/(\\d+)$");

    private JobWait() {
    }

    /** The job a redirect names, once it has ended. */
    public static long of(Jobs jobs, String redirectedUrl) throws Exception {
        assertThat(redirectedUrl).as("the answer leads to the job's page").matches(".*/jobs/\\d+");
        Matcher m = JOB.matcher(redirectedUrl);
        assertThat(m.find()).isTrue();
        long id = Long.parseLong(m.group(1));
        jobs.await(id, LIMIT);
        return id;
    }

    /** Waits for every job not yet ended. */
    public static void all(Jobs jobs) throws Exception {
        for (long id : jobs.pending()) {
            jobs.await(id, LIMIT);
        }
    }
}
