package ru.msoko.app.jobs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import ru.msoko.app.security.Scope;

/**
 * The background_job table (V25). Reads are scoped: the region sees every job, a municipality the jobs started by
 * its own and its schools' users, a school its own; and only the kinds the reader may see.
 */
@Repository
class JobRepository {

    /** Why a job left RUNNING by a stopped server failed: the import or the run was one transaction. */
    static final String INTERRUPTED = "прервано перезапуском сервера: задача выполнялась одной транзакцией, поэтому "
            + "ничего из неё не сохранено — запустите её снова";
    static final String NOT_STARTED = "не начато: сервер был перезапущен, пока задача ждала в очереди — запустите её снова";

    private static final String COLUMNS = """
            j.id, j.kind, j.title, j.owner, j.state, j.phase, j.done_units, j.total_units, j.created_at, j.started_at,
            j.finished_at, j.summary, j.link, j.error""";
    private static final String SCOPED = """
            from background_job j left join school js on js.id = j.school_id
            where j.kind in (:kinds) and (:scopeAll = true
              or coalesce(j.municipality_id, js.municipality_id) = :scopeMunicipality and :scopeSchool = -1
              or j.school_id = :scopeSchool)""";

    private static final RowMapper<Job> JOB = (rs, n) -> new Job(rs.getLong(1), JobKind.valueOf(rs.getString(2)),
            rs.getString(3), rs.getString(4), JobState.valueOf(rs.getString(5)), rs.getString(6), rs.getLong(7),
            rs.getLong(8), rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class),
            rs.getObject(11, OffsetDateTime.class), rs.getString(12), rs.getString(13), rs.getString(14));

    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(JobKind kind, String title, String owner, Long municipalityId, Long schoolId, String phase) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into background_job (kind, title, owner, municipality_id, school_id, state, phase, created_at)
                values (:kind, :title, :owner, :municipality, :school, 'QUEUED', :phase, :now)""")
                .param("kind", kind.name()).param("title", clip(title, 1000)).param("owner", owner)
                .param("municipality", municipalityId).param("school", schoolId).param("phase", phase)
                .param("now", OffsetDateTime.now()).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void running(long id) {
        jdbc.sql("update background_job set state = 'RUNNING', started_at = :now where id = :id and state = 'QUEUED'")
                .param("now", OffsetDateTime.now()).param("id", id).update();
    }

    /** Writes how a job ended, with its last progress. */
    void end(long id, JobState state, JobProgress.Snapshot last, String summary, String link, String error) {
        jdbc.sql("""
                update background_job set state = :state, phase = :phase, done_units = :done, total_units = :total,
                    finished_at = :now, started_at = coalesce(started_at, :now), summary = :summary, link = :link,
                    error = :error
                where id = :id""")
                .param("state", state.name()).param("phase", clip(last.phase(), 300)).param("done", last.done())
                .param("total", last.total()).param("now", OffsetDateTime.now()).param("summary", clip(summary, 4000))
                .param("link", clip(link, 300)).param("error", clip(error, 2000)).param("id", id).update();
    }

    /**
     * At start: jobs a stopped server left running or queued are failed with the reason; returns how many.
     *
     * @param alive jobs of this server that are still on their way (none at start)
     */
    int interrupted(java.util.Collection<Long> alive) {
        List<Long> keep = alive.isEmpty() ? List.of(-1L) : List.copyOf(alive);
        int running = jdbc.sql("""
                update background_job set state = 'FAILED', finished_at = :now, error = :why
                where state = 'RUNNING' and id not in (:keep)""")
                .param("now", OffsetDateTime.now()).param("why", INTERRUPTED).param("keep", keep).update();
        int queued = jdbc.sql("""
                update background_job set state = 'FAILED', finished_at = :now, error = :why
                where state = 'QUEUED' and id not in (:keep)""")
                .param("now", OffsetDateTime.now()).param("why", NOT_STARTED).param("keep", keep).update();
        return running + queued;
    }

    Optional<Job> find(Scope scope, List<String> kinds, long id) {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " " + SCOPED + " and j.id = :id").params(params(scope, kinds))
                .param("id", id).query(JOB).optional();
    }

    List<Job> page(Scope scope, List<String> kinds, int offset, int limit) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " " + SCOPED + " order by j.id desc limit :limit offset :offset")
                .params(params(scope, kinds)).param("limit", limit).param("offset", offset).query(JOB).list();
    }

    long count(Scope scope, List<String> kinds) {
        if (kinds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) " + SCOPED).params(params(scope, kinds)).query(Long.class).single();
    }

    private static Map<String, Object> params(Scope scope, List<String> kinds) {
        Map<String, Object> p = new java.util.HashMap<>(scope.sqlParams());
        p.put("kinds", kinds);
        return p;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
