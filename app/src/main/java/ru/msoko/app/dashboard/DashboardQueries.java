package ru.msoko.app.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.msoko.app.security.Scope;

/**
 * Read side of the dashboard, always within the user's scope. Reads the aggregates table {@code result_summary}
 * directly (not the {@code result_stats} view: H2 plans a query over a view afresh more often, 100–170 ms against
 * 0.2 ms warm, docs/benchmarks.md) and the latest analysis run's zones and signs.
 */
@Repository
class DashboardQueries {

    /** What a row of the dashboard stands for: a municipality (region users) or a school (municipality users). */
    enum Level {
        MUNICIPALITY("s.municipality_id"), SCHOOL("s.id");

        final String column;

        Level(String column) {
            this.column = column;
        }
    }

    record Unit(long id, String code, String name, String type, String settlement, long schools) {
    }

    /** Sums of one unit, year and procedure kind, taken from {@code result_summary}. */
    record KindSums(long unit, int year, String kind, long participants, long mark2, long mark3, long mark4,
                    long mark5, double testSum, long testN) {
    }

    /** Schools of one unit in one year's zone. */
    record ZoneCount(long unit, int year, String zone, long schools) {
    }

    /** Results loaded per procedure kind and year. */
    record LoadedRow(String kind, int year, long assessments, long schools, long results) {
    }

    /** One procedure of one school in one year: the sums its mean comes from. */
    record ProcedureSums(String kind, String subject, int grade, int year, long participants, long mark2, long mark3,
                         long mark4, long mark5, double primarySum, long primaryN, double testSum, long testN) {
    }

    /** The school's zone in a year of the latest run, with its counted signs. */
    record SchoolYear(int year, String zone, long signs) {
    }

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Schools within the scope. */
    long schools(Scope scope) {
        return jdbc.sql("select count(*) from school s where " + Scope.SCHOOL_CONDITION).params(scope.sqlParams())
                .query(Long.class).single();
    }

    /** Years with results within the scope, newest first. */
    List<Integer> years(Scope scope) {
        return jdbc.sql("""
                select distinct a.exam_year from result_summary v join assessment a on a.id = v.assessment_id
                join school s on s.id = v.school_id where %s order by a.exam_year desc""".formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams()).query(Integer.class).list();
    }

    /** The newest year with results anywhere in the region (a year only: no school's data). */
    Optional<Integer> regionLatestYear() {
        return Optional.ofNullable(jdbc.sql("""
                select max(a.exam_year) from result_summary v join assessment a on a.id = v.assessment_id""")
                .query(Integer.class).single());
    }

    /**
     * The units of a level within the scope, with their number of schools; {@code municipality} narrows to the
     * schools of one municipality (0 for all).
     */
    List<Unit> units(Scope scope, Level level, long municipality) {
        String sql = level == Level.MUNICIPALITY ? """
                select m.id, m.code, m.name, cast(null as varchar(32)), cast(null as varchar(16)), count(*)
                from school s join municipality m on m.id = s.municipality_id
                where (:municipality = 0 or s.municipality_id = :municipality) and %s
                group by m.id, m.code, m.name order by m.name""" : """
                select s.id, s.code, s.name, s.school_type, s.settlement, 1
                from school s
                where (:municipality = 0 or s.municipality_id = :municipality) and %s
                order by s.name""";
        return jdbc.sql(sql.formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams()).param("municipality", municipality)
                .query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6)))
                .list();
    }

    /** Per unit, year (this and the one before) and procedure kind: participants, marks and test scores. */
    List<KindSums> sums(Scope scope, Level level, long municipality, int year) {
        return jdbc.sql("""
                select %1$s, a.exam_year, a.kind, sum(v.participants), sum(v.mark2), sum(v.mark3), sum(v.mark4),
                       sum(v.mark5), sum(v.test_sum), sum(v.test_n)
                from result_summary v join assessment a on a.id = v.assessment_id join school s on s.id = v.school_id
                where a.exam_year in (:year, :previous) and (:municipality = 0 or s.municipality_id = :municipality)
                  and %2$s
                group by %1$s, a.exam_year, a.kind""".formatted(level.column, Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams()).param("municipality", municipality)
                .param("year", year).param("previous", year - 1)
                .query((rs, n) -> new KindSums(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getDouble(9), rs.getLong(10)))
                .list();
    }

    /** The latest analysis run, if any. */
    Optional<Long> latestRun() {
        return jdbc.sql("select id from analysis_run order by id desc limit 1").query(Long.class).optional();
    }

    /** Zones of the year and the year before in a run, counted per unit. */
    List<ZoneCount> zones(Scope scope, Level level, long municipality, long run, int year) {
        return jdbc.sql("""
                select %1$s, r.exam_year, r.zone, count(*)
                from analysis_risk r join school s on s.id = r.school_id
                where r.run_id = :run and r.exam_year in (:year, :previous)
                  and (:municipality = 0 or s.municipality_id = :municipality) and %2$s
                group by %1$s, r.exam_year, r.zone""".formatted(level.column, Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams()).param("municipality", municipality).param("run", run)
                .param("year", year).param("previous", year - 1)
                .query((rs, n) -> new ZoneCount(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /** Counted signs of the year and the year before in a run, per school of the scope. */
    Map<Long, Map<Integer, Long>> signs(Scope scope, long municipality, long run, int year) {
        Map<Long, Map<Integer, Long>> out = new HashMap<>();
        jdbc.sql("""
                select s.id, g.exam_year, count(*)
                from analysis_sign g join school s on s.id = g.school_id
                where g.run_id = :run and g.counted = true and g.exam_year in (:year, :previous)
                  and (:municipality = 0 or s.municipality_id = :municipality) and %s
                group by s.id, g.exam_year""".formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams()).param("municipality", municipality).param("run", run)
                .param("year", year).param("previous", year - 1)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getLong(3));
                });
        return out;
    }

    /** Every year of one school in a run: its zone and counted signs, oldest first. */
    List<SchoolYear> schoolYears(Scope scope, long schoolId, long run) {
        return jdbc.sql("""
                select r.exam_year, r.zone,
                       (select count(*) from analysis_sign g where g.run_id = r.run_id and g.school_id = r.school_id
                        and g.exam_year = r.exam_year and g.counted = true)
                from analysis_risk r join school s on s.id = r.school_id
                where r.run_id = :run and s.id = :school and %s
                order by r.exam_year""".formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams()).param("run", run).param("school", schoolId)
                .query((rs, n) -> new SchoolYear(rs.getInt(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** The procedures of one school in the year and the year before. */
    List<ProcedureSums> procedures(Scope scope, long schoolId, int year) {
        return jdbc.sql("""
                select a.kind, sub.name, a.grade, a.exam_year, sum(v.participants), sum(v.mark2), sum(v.mark3),
                       sum(v.mark4), sum(v.mark5), sum(v.primary_sum), sum(v.primary_n), sum(v.test_sum), sum(v.test_n)
                from result_summary v join assessment a on a.id = v.assessment_id
                join subject sub on sub.id = a.subject_id join school s on s.id = v.school_id
                where s.id = :school and a.exam_year in (:year, :previous) and %s
                group by a.kind, sub.name, a.grade, a.exam_year
                order by a.kind, sub.name, a.grade, a.exam_year""".formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams()).param("school", schoolId).param("year", year).param("previous", year - 1)
                .query((rs, n) -> new ProcedureSums(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getDouble(10),
                        rs.getLong(11), rs.getDouble(12), rs.getLong(13)))
                .list();
    }

    /** The municipality's name when the scope may see it. */
    Optional<String> municipalityName(Scope scope, long id) {
        return jdbc.sql("""
                select m.name from municipality m where m.id = :id
                  and exists (select 1 from school s where s.municipality_id = m.id and %s)"""
                        .formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams()).param("id", id).query(String.class).optional();
    }

    boolean municipalityExists(long id) {
        return jdbc.sql("select count(*) from municipality where id = :id").param("id", id)
                .query(Long.class).single() > 0;
    }

    List<LoadedRow> loaded(Scope scope) {
        return jdbc.sql("""
                select a.kind, a.exam_year, count(distinct a.id), count(distinct v.school_id), sum(v.rows_total)
                from result_summary v
                join assessment a on a.id = v.assessment_id
                join school s on s.id = v.school_id
                where %s
                group by a.kind, a.exam_year
                order by a.exam_year desc, a.kind""".formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams())
                .query((rs, n) -> new LoadedRow(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }
}
