package ru.msoko.app.jobs;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import ru.msoko.app.security.CurrentUser;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.security.Scope;
import ru.msoko.core.progress.Progress;

/**
 * Runs long operations (an upload, an analysis run) in the background on a small bounded pool, so that the page
 * answers at once and the user can leave and come back: a job is a row of background_job (it survives a restart)
 * plus, while it runs, its live {@link JobProgress} in memory. The work runs as the user who started it
 * ({@link CurrentUser#runAs}): the audit log names that user. A full queue refuses a job (it is recorded as failed
 * with the reason) rather than letting work pile up; on shutdown the pool finishes what it holds, up to a wait.
 */
@Service
public class Jobs implements InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    /** How many ended jobs keep their detailed outcome in memory (after that, or a restart, the summary remains). */
    private static final int KEPT_DETAILS = 200;
    static final String WAITING = "ожидание в очереди";

    /** The work of a job: gets its progress, runs on a worker thread as the starting user, says how it ended. */
    @FunctionalInterface
    public interface Work {
        Result run(Progress progress) throws Exception;
    }

    /**
     * How a job ended.
     *
     * @param summary one line per item (a file), shown after the job and kept in the table
     * @param link the page of the result («/imports», «/risk»)
     * @param error the Russian reason of a failure, {@code null} when it succeeded
     * @param details what the page shows in full while the server keeps it (the outcomes of the files)
     */
    public record Result(String summary, String link, String error, Object details) {
        public static Result done(String summary, String link, Object details) {
            return new Result(summary, link, null, details);
        }

        public static Result failed(String error, String summary, String link, Object details) {
            return new Result(summary, link, error, details);
        }
    }

    private final JobRepository repository;
    private final ThreadPoolTaskExecutor executor;
    private final Map<Long, JobProgress> live = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Void>> ends = new ConcurrentHashMap<>();
    private final Map<Long, Object> details = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Object> eldest) {
            return size() > KEPT_DETAILS;
        }
    });

    /**
     * @param threads jobs run at once (each holds a database connection and, for an upload, a transaction)
     * @param queue jobs that may wait for a worker; one more is refused
     * @param shutdownWait how long a stopping server waits for running and queued jobs
     */
    Jobs(JobRepository repository, @Value("${msoko.jobs.threads:2}") int threads,
         @Value("${msoko.jobs.queue:20}") int queue, @Value("${msoko.jobs.shutdown-wait:60s}") Duration shutdownWait) {
        this.repository = repository;
        this.executor = executor(threads, queue, shutdownWait);
    }

    /** A fixed pool of {@code threads} workers with a queue of {@code queue}: never unbounded. */
    static ThreadPoolTaskExecutor executor(int threads, int queue, Duration shutdownWait) {
        ThreadPoolTaskExecutor e = new ThreadPoolTaskExecutor();
        e.setCorePoolSize(threads);
        e.setMaxPoolSize(threads);
        e.setQueueCapacity(queue);
        e.setThreadNamePrefix("msoko-job-");
        e.setWaitForTasksToCompleteOnShutdown(true);
        e.setAwaitTerminationMillis(shutdownWait.toMillis());
        e.initialize();
        return e;
    }

    /** Marks the jobs a stopped server cut off (nothing can start before this bean is ready). */
    @Override
    public void afterPropertiesSet() {
        int n = recoverInterrupted();
        if (n > 0) {
            LOG.warn("background jobs cut off by the previous stop marked failed: {}", n);
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }

    /** Records a new job (queued) for the signed-in {@code who}; {@link #start} hands it its work. */
    public long create(JobKind kind, String title, Authentication who) {
        MsokoUser user = who.getPrincipal() instanceof MsokoUser u ? u : null;
        long id = repository.create(kind, title, who.getName(), user == null ? null : user.municipalityId(),
                user == null ? null : user.schoolId(), WAITING);
        live.put(id, new JobProgress(WAITING));
        ends.put(id, new CompletableFuture<>());
        return id;
    }

    /**
     * Queues the work of a created job. {@code release} runs once whatever happens (deletes the job's temp files).
     *
     * @return false when the queue is full: the job is then failed with the reason
     */
    public boolean start(long id, Authentication who, Work work, Runnable release) {
        Authentication acting = CurrentUser.forBackground(who);
        try {
            executor.execute(() -> run(id, acting, work, release));
            return true;
        } catch (TaskRejectedException e) {
            end(id, JobState.FAILED, null, null, "очередь фоновых задач заполнена (выполняются "
                    + executor.getMaxPoolSize() + ", ждут " + executor.getQueueCapacity()
                    + "): задача не начата, повторите позже", null, release);
            return false;
        }
    }

    /** Fails a created job that could not be started (its files could not be received). */
    public void fail(long id, String error, Runnable release) {
        end(id, JobState.FAILED, null, null, error, null, release);
    }

    private void run(long id, Authentication who, Work work, Runnable release) {
        JobProgress progress = live.get(id);
        repository.running(id);
        progress.phase("начало работы", Progress.UNKNOWN);
        Result r;
        try {
            r = CurrentUser.runAs(who, () -> work.run(progress));
        } catch (Exception | Error e) {
            LOG.error("background job {} failed", id, e);
            r = Result.failed("внутренняя ошибка: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " — " + e.getMessage()) + "; подробности — в журнале сервера",
                    null, null, null);
        }
        end(id, r.error() == null ? JobState.DONE : JobState.FAILED, r.summary(), r.link(), r.error(), r.details(),
                release);
    }

    /** Writes the end, frees the files, forgets the live progress and wakes whoever waits: in this order. */
    private void end(long id, JobState state, String summary, String link, String error, Object detail,
                     Runnable release) {
        JobProgress progress = live.getOrDefault(id, new JobProgress(WAITING));
        JobProgress.Snapshot last = progress.snapshot();
        if (state == JobState.DONE && last.total() > 0) {
            last = new JobProgress.Snapshot(last.phase(), last.total(), last.total());
        }
        try {
            if (detail != null) {
                details.put(id, detail);
            }
            repository.end(id, state, last, summary, link, error);
        } finally {
            try {
                release.run();
            } finally {
                live.remove(id);
                CompletableFuture<Void> f = ends.remove(id);
                if (f != null) {
                    f.complete(null);
                }
            }
        }
    }

    /** A job the reader may see (its territory, a kind its role may see), with live progress while it runs. */
    public Optional<Job> find(Scope scope, Authentication reader, long id) {
        return repository.find(scope, kinds(reader), id).map(this::withLive);
    }

    public List<Job> page(Scope scope, Authentication reader, int offset, int limit) {
        return repository.page(scope, kinds(reader), offset, limit).stream().map(this::withLive).toList();
    }

    public long count(Scope scope, Authentication reader) {
        return repository.count(scope, kinds(reader));
    }

    /** The full outcome of a job that ended while this server ran (the files' problems), or null. */
    public Object details(long id) {
        return details.get(id);
    }

    /** Waits until the job has ended (at once when it has); for scripts and tests. */
    public void await(long id, Duration timeout) throws InterruptedException, TimeoutException {
        CompletableFuture<Void> f = ends.get(id);
        if (f == null) {
            return;
        }
        try {
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The ids of the jobs not yet ended, oldest first. */
    public List<Long> pending() {
        return ends.keySet().stream().sorted().toList();
    }

    /**
     * Marks the jobs a stopped server left running or queued failed, leaving this server's own alone: done at start,
     * public for the restart test.
     */
    public int recoverInterrupted() {
        return repository.interrupted(ends.keySet());
    }

    private Job withLive(Job j) {
        JobProgress p = j.ended() ? null : live.get(j.id());
        return p == null ? j : j.with(p.snapshot());
    }

    private static List<String> kinds(Authentication reader) {
        Set<String> authorities = reader.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return Arrays.stream(JobKind.values()).filter(k -> authorities.contains(k.reader().authority()))
                .map(Enum::name).toList();
    }
}
