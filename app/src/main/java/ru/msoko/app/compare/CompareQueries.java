package ru.msoko.app.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.msoko.app.security.Scope;

/** The reads of the comparison: a school within the scope, its zone and signs of the latest run, its results. */
@Repository
class CompareQueries {

    /** A school as the comparison names it. */
    record School(long id, String code, String name, String municipality, String schoolType, String settlement) {
    }

    /** A school's zone in a year of a run. */
    record ZoneRow(String zone, double score, String explanation) {
    }

    /** A sign of a school in a year of a run. */
    record SignRow(long id, String procedure, String subject, int grade, String sign, boolean counted) {
    }

    /** A school's results in one procedure of a year, summed over imports. */
    record ResultRow(long assessmentId, String kind, String subject, int grade, long participants, Double mean,
                     long[] marks) {
    }

    private final JdbcClient jdbc;

    CompareQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<School> school(Scope scope, String code) {
        return jdbc.sql("""
                select s.id, s.code, s.name, m.name, s.school_type, s.settlement
                from school s join municipality m on m.id = s.municipality_id
                where s.code = :code and %s""".formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams()).param("code", code)
                .query((rs, n) -> new School(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .optional();
    }

    boolean exists(String code) {
        return jdbc.sql("select count(*) from school where code = :code").param("code", code).query(Long.class).single() > 0;
    }

    /** The schools of the scope to choose the second one from, by name. */
    List<School> schools(Scope scope) {
        return jdbc.sql("""
                select s.id, s.code, s.name, m.name, s.school_type, s.settlement
                from school s join municipality m on m.id = s.municipality_id
                where %s order by s.name, s.code""".formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams())
                .query((rs, n) -> new School(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    Optional<Long> latestRun() {
        return jdbc.sql("select max(id) from analysis_run").query((rs, n) -> (Long) rs.getObject(1, Long.class))
                .optional().filter(java.util.Objects::nonNull);
    }

    /** Every year with results or zones of the run, newest first (the form's choices). */
    List<Integer> allYears(Long run) {
        return jdbc.sql("""
                select y from (select exam_year as y from assessment
                               union select exam_year from analysis_risk where run_id = :run) t order by y desc""")
                .param("run", run == null ? -1L : run).query(Integer.class).list();
    }

    /** The years of the latest run, newest first. */
    List<Integer> runYears(long run) {
        return jdbc.sql("select distinct exam_year from analysis_risk where run_id = :run order by exam_year desc")
                .param("run", run).query(Integer.class).list();
    }

    /** The years in which a school has results or a zone of the run, newest first. */
    List<Integer> years(long schoolId, Long run) {
        return jdbc.sql("""
                select y from (select a.exam_year as y from result_summary v join assessment a on a.id = v.assessment_id
                               where v.school_id = :school
                               union select r.exam_year from analysis_risk r where r.run_id = :run and r.school_id = :school) t
                order by y desc""")
                .param("school", schoolId).param("run", run == null ? -1L : run).query(Integer.class).list();
    }

    Optional<ZoneRow> zone(long run, long schoolId, int year) {
        return jdbc.sql("""
                select zone, score, explanation from analysis_risk
                where run_id = :run and school_id = :school and exam_year = :year""")
                .param("run", run).param("school", schoolId).param("year", year)
                .query((rs, n) -> new ZoneRow(rs.getString(1), rs.getDouble(2), rs.getString(3))).optional();
    }

    List<SignRow> signs(long run, long schoolId, int year) {
        return jdbc.sql("""
                select id, procedure, subject, grade, sign, counted from analysis_sign
                where run_id = :run and school_id = :school and exam_year = :year
                order by counted desc, procedure, subject, grade, sign""")
                .param("run", run).param("school", schoolId).param("year", year)
                .query((rs, n) -> new SignRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getBoolean(6)))
                .list();
    }

    /**
     * A school's results of a year per procedure (olympiads aside): participants, the mean (the test score where the
     * procedure has one, else the primary score, as the school page shows it) and the marks «2»…«5».
     */
    List<ResultRow> results(long schoolId, int year) {
        return jdbc.sql("""
                select a.id, a.kind, sub.name, a.grade, sum(v.participants),
                       coalesce(sum(v.test_sum) / nullif(sum(v.test_n), 0), sum(v.primary_sum) / nullif(sum(v.primary_n), 0)),
                       sum(v.mark2), sum(v.mark3), sum(v.mark4), sum(v.mark5)
                from result_stats v join assessment a on a.id = v.assessment_id join subject sub on sub.id = a.subject_id
                where v.school_id = :school and a.exam_year = :year and a.kind not like 'OLYMPIAD%'
                group by a.id, a.kind, sub.name, a.grade""")
                .param("school", schoolId).param("year", year)
                .query((rs, n) -> new ResultRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getLong(5), (Double) rs.getObject(6, Double.class),
                        new long[] {rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)}))
                .list();
    }

    /**
     * The region's mean of each of these procedures (an aggregate over every school: any role may see it), left out
     * where fewer than {@code minGroup} took part in the whole region: it would be the mean of a small school.
     */
    Map<Long, Double> regionMeans(List<Long> assessments, int minGroup) {
        Map<Long, Double> means = new HashMap<>();
        if (assessments.isEmpty()) {
            return means;
        }
        jdbc.sql("""
                select assessment_id, coalesce(sum(test_sum) / nullif(sum(test_n), 0),
                                              sum(primary_sum) / nullif(sum(primary_n), 0))
                from result_stats where assessment_id in (:ids) group by assessment_id
                having sum(participants) >= :min""")
                .param("ids", new ArrayList<>(assessments)).param("min", minGroup)
                .query(rs -> {
                    means.put(rs.getLong(1), (Double) rs.getObject(2, Double.class));
                });
        return means;
    }
}
