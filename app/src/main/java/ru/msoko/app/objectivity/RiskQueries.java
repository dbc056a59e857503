package ru.msoko.app.objectivity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.msoko.app.security.Scope;

/** Reads the latest stored analysis run: zones and signs, always within the user's territory. */
@Repository
class RiskQueries {

    record Run(long id, String finishedAt, String methodVersion, String years, long results) {
    }

    record Row(String code, String name, String municipality, int year, String zone, double score, String signs,
               String procedures, String explanation, String internal, String history) {
    }

    record SignRow(long id, int year, String procedure, String subject, int grade, String sign, int n, Double value,
                   Double threshold, Double p, Double q, boolean counted, String explanation, String evidence) {
    }

    private final JdbcClient jdbc;

    RiskQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The run history, newest first (runs cover the whole region: no school data, no scope). */
    List<Run> runs(int offset, int limit) {
        return jdbc.sql("""
                select id, cast(finished_at as varchar(40)), method_version, years, results from analysis_run
                order by id desc limit :limit offset :offset""").param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .list();
    }

    long runCount() {
        return jdbc.sql("select count(*) from analysis_run").query(Long.class).single();
    }

    Optional<Run> latest() {
        return jdbc.sql("""
                select id, cast(finished_at as varchar(40)), method_version, years, results from analysis_run
                order by id desc limit 1""")
                .query((rs, n) -> new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .optional();
    }

    /**
     * @param zone {@code red}, {@code yellow}, … or empty for all
     * @param sign a sign code, or empty for all
     */
    List<Row> risk(Scope scope, long run, int year, String zone, String sign) {
        return jdbc.sql("""
                select s.code, s.name, m.name, r.exam_year, r.zone, r.score, r.signs, r.procedures, r.explanation,
                       r.internal_assessment, r.history
                from analysis_risk r join school s on s.id = r.school_id join municipality m on m.id = s.municipality_id
                where r.run_id = :run and r.exam_year = :year
                  and (:zone = '' or r.zone = :zone)
                  and (:sign = '' or '|' || r.signs || '|' like '%%|' || :sign || '|%%')
                  and %s
                order by case r.zone when 'red' then 0 when 'yellow' then 1 when 'green' then 2 else 3 end,
                         r.score desc, s.name""".formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams()).param("run", run).param("year", year).param("zone", zone).param("sign", sign)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getDouble(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)))
                .list();
    }

    List<Integer> years(long run) {
        return jdbc.sql("select distinct exam_year from analysis_risk where run_id = :run order by exam_year desc")
                .param("run", run).query(Integer.class).list();
    }

    /** Signs of one school in the run; empty when the school is outside the scope. */
    List<SignRow> signs(Scope scope, long run, String schoolCode) {
        return jdbc.sql("""
                select %s
                from analysis_sign g join school s on s.id = g.school_id
                where g.run_id = :run and s.code = :code and %s
                order by g.exam_year desc, g.counted desc, g.procedure, g.subject, g.grade, g.sign"""
                .formatted(SIGN_COLUMNS, Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams()).param("run", run).param("code", schoolCode)
                .query(RiskQueries::signRow)
                .list();
    }

    private static final String SIGN_COLUMNS = """
            g.id, g.exam_year, g.procedure, g.subject, g.grade, g.sign, g.n, g.sign_value, g.threshold, g.p_value,
            g.q_value, g.counted, g.explanation, g.evidence, g.run_id""";

    private static SignRow signRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SignRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                rs.getInt(7), (Double) rs.getObject(8), (Double) rs.getObject(9), (Double) rs.getObject(10),
                (Double) rs.getObject(11), rs.getBoolean(12), rs.getString(13), rs.getString(14));
    }

    /** One sign of one school with the run it belongs to; empty when it is not that school's or outside the scope. */
    Optional<SignInRun> sign(Scope scope, String schoolCode, long id) {
        return jdbc.sql("""
                select %s, s.name
                from analysis_sign g join school s on s.id = g.school_id
                where g.id = :id and s.code = :code and %s""".formatted(SIGN_COLUMNS, Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams()).param("id", id).param("code", schoolCode)
                .query((rs, n) -> new SignInRun(signRow(rs, n), rs.getLong(15), rs.getString(16)))
                .optional();
    }

    record SignInRun(SignRow sign, long run, String schoolName) {
    }

    /**
     * The zone of a school in a year of a run and the zones of the years before it
     * ({@code analysis_risk.history}, e.g. {@code 2024:green|2025:red}); the latest year when {@code year} is null.
     */
    record ZoneHistory(int year, String zone, String past) {
    }

    Optional<ZoneHistory> zones(Scope scope, long run, String schoolCode, Integer year) {
        return jdbc.sql("""
                select r.exam_year, r.zone, r.history
                from analysis_risk r join school s on s.id = r.school_id
                where r.run_id = :run and s.code = :code and (:year = 0 or r.exam_year = :year) and %s
                order by r.exam_year desc limit 1""".formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams()).param("run", run).param("code", schoolCode).param("year", year == null ? 0 : year)
                .query((rs, n) -> new ZoneHistory(rs.getInt(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /**
     * The sign that each badge of the risk table stands for: school code → sign code → the id of the school's
     * only counted sign of that code in the year. A code with several signs (several procedures) is left out:
     * its badge links to the school page, where all of them are listed.
     */
    Map<String, Map<String, Long>> singleSigns(Scope scope, long run, int year) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        jdbc.sql("""
                select s.code, g.sign, min(g.id)
                from analysis_sign g join school s on s.id = g.school_id
                where g.run_id = :run and g.exam_year = :year and g.counted = true and %s
                group by s.code, g.sign having count(*) = 1""".formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams()).param("run", run).param("year", year)
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return out;
    }
}
