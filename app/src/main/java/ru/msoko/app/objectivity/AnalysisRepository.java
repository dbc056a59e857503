package ru.msoko.app.objectivity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import ru.msoko.core.objectivity.AnalysisResult;
import ru.msoko.core.objectivity.RiskAssessment;
import ru.msoko.core.objectivity.Sign;
import ru.msoko.core.objectivity.Zone;

/** Stores analysis runs: the run with its method version and settings, its signs and its zones. Append-only. */
@Repository
class AnalysisRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AnalysisRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long save(AnalysisResult result, String user, Instant started, Instant finished) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String settings = result.settings().asMap().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
        jdbc.sql("""
                insert into analysis_run (started_by, started_at, finished_at, method_version, settings, years, results,
                    signs, red, yellow)
                values (:user, :started, :finished, :version, :settings, :years, :results, :signs, :red, :yellow)""")
                .param("user", user).param("started", Timestamp.from(started)).param("finished", Timestamp.from(finished))
                .param("version", result.methodVersion()).param("settings", settings)
                .param("years", result.years().stream().sorted().map(String::valueOf).collect(Collectors.joining(",")))
                .param("results", result.results()).param("signs", result.signs().size())
                .param("red", count(result, Zone.RED)).param("yellow", count(result, Zone.YELLOW))
                .update(key, "id");
        long run = key.getKey().longValue();
        Map<String, Long> schools = schoolIds();
        saveSigns(run, result.signs(), schools);
        saveRisk(run, result.risk(), schools);
        return run;
    }

    private static int count(AnalysisResult result, Zone zone) {
        return (int) result.risk().stream().filter(r -> r.zone() == zone).count();
    }

    private Map<String, Long> schoolIds() {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select code, id from school").query(rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        });
        return ids;
    }

    private void saveSigns(long run, List<Sign> signs, Map<String, Long> schools) {
        template.batchUpdate("""
                insert into analysis_sign (run_id, school_id, exam_year, procedure, subject, grade, sign, n, sign_value,
                    threshold, p_value, q_value, counted, evidence, explanation)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", signs, 1000, (ps, s) -> {
            ps.setLong(1, run);
            ps.setLong(2, schools.get(s.schoolCode()));
            ps.setInt(3, s.year());
            ps.setString(4, s.procedure());
            ps.setString(5, s.subject());
            ps.setInt(6, s.grade());
            ps.setString(7, s.code().name());
            ps.setInt(8, s.n());
            ps.setObject(9, nullable(s.value()));
            ps.setObject(10, nullable(s.threshold()));
            ps.setObject(11, nullable(s.pValue()));
            ps.setObject(12, nullable(s.qValue()));
            ps.setBoolean(13, s.counted());
            ps.setString(14, s.evidence());
            ps.setString(15, s.explanation());
        });
    }

    private void saveRisk(long run, List<RiskAssessment> risk, Map<String, Long> schools) {
        template.batchUpdate("""
                insert into analysis_risk (run_id, school_id, exam_year, zone, score, signs, procedures, explanation,
                    internal_assessment, history, official, reconciliation)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", risk, 1000, (ps, r) -> {
            ps.setLong(1, run);
            ps.setLong(2, schools.get(r.schoolCode()));
            ps.setInt(3, r.year());
            ps.setString(4, r.zone().code());
            ps.setDouble(5, r.score());
            ps.setString(6, String.join("|", r.signs().stream().map(Enum::name).toList()));
            ps.setString(7, String.join("|", r.procedures()));
            ps.setString(8, r.explanation());
            ps.setString(9, r.internalAssessment());
            ps.setString(10, r.history());
            ps.setObject(11, r.official());
            ps.setString(12, r.reconciliation());
        });
    }

    private static Double nullable(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }
}
