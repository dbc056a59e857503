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
               String procedures, String explanation, String internal, String history, String schoolType,
               String settlement, String municipalityCode) {
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
     * The risk rows of a year of a run that pass the filter, within the scope: one page ({@code limit} rows from
     * {@code offset}) in the filter's order. The SQL is constant: every filter is a bound parameter that is either
     * empty (off) or compared with a column, and the order is chosen by {@code case} terms over {@code :sort}.
     */
    List<Row> risk(Scope scope, long run, int year, RiskFilter filter, int offset, int limit) {
        return jdbc.sql("""
                select s.code, s.name, m.name, r.exam_year, r.zone, r.score, r.signs, r.procedures, r.explanation,
                       r.internal_assessment, r.history, s.school_type, s.settlement, m.code
                """ + FILTERED + """
                  and (:zone = '' or r.zone = :zone)
                order by case when :sort = 'zone' and :desc = false then %1$s end asc,
                         case when :sort = 'zone' and :desc = true then %1$s end desc,
                         case when :sort = 'score' and :desc = false then r.score end asc,
                         case when :sort = 'score' and :desc = true then r.score end desc,
                         case when :sort = 'name' and :desc = false then s.name end asc,
                         case when :sort = 'name' and :desc = true then s.name end desc,
                         case when :sort = 'municipality' and :desc = false then m.name end asc,
                         case when :sort = 'municipality' and :desc = true then m.name end desc,
                         %1$s, r.score desc, s.name, s.code
                limit :limit offset :offset""".formatted(ZONE_RANK))
                .params(scope.sqlParams()).params(filter.sqlParams()).param("run", run).param("year", year)
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getDouble(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14)))
                .list();
    }

    /** Red first, then yellow, green and «недостаточно данных». */
    private static final String ZONE_RANK =
            "(case r.zone when 'red' then 0 when 'yellow' then 1 when 'green' then 2 else 3 end)";

    /**
     * The rows of a run's year that pass every filter but the zone, within the scope. The procedure, subject, grade
     * and sign filters keep a school that has a matching sign, or (without a sign filter) took part in a matching
     * procedure that year: a green school that wrote ВПР maths stays in the table of ВПР maths.
     */
    private static final String FILTERED = """
            from analysis_risk r join school s on s.id = r.school_id join municipality m on m.id = s.municipality_id
            where r.run_id = :run and r.exam_year = :year
              and (:schoolType = '' or s.school_type = :schoolType)
              and (:settlement = '' or s.settlement = :settlement)
              and (:municipality = '' or m.code = :municipality)
              and (:byProcedure = false
                   or exists (select 1 from analysis_sign g
                              where g.run_id = r.run_id and g.school_id = r.school_id and g.exam_year = r.exam_year
                                and (:procedure = '' or g.procedure = :procedure)
                                and (:subject = '' or g.subject = :subject)
                                and (:grade = 0 or g.grade = :grade)
                                and (:sign = '' or g.sign = :sign))
                   or :sign = '' and exists (select 1 from result_summary v
                              join assessment a on a.id = v.assessment_id join subject sub on sub.id = a.subject_id
                              where v.school_id = r.school_id and a.exam_year = r.exam_year
                                and (:kind = '' or a.kind = :kind)
                                and (:subject = '' or sub.name = :subject)
                                and (:grade = 0 or a.grade = :grade)))
              and """ + Scope.SCHOOL_CONDITION + " ";

    /** How many schools of each zone pass the filter's other conditions (the zone filter itself aside). */
    Map<String, Long> zoneCounts(Scope scope, long run, int year, RiskFilter filter) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select r.zone, count(*) " + FILTERED + " group by r.zone")
                .params(scope.sqlParams()).params(filter.sqlParams()).param("run", run).param("year", year)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** One sign of a school in the risk table: its code, whether it counts toward the zone, its id. */
    record Badge(String sign, boolean counted, long id) {
    }

    /** A procedure of a school with its signs, as one group of badges. */
    record ProcedureSigns(String procedure, String subject, int grade, List<Badge> signs) {
    }

    /**
     * The signs of these schools in a year of a run, grouped by school code and procedure (the procedure, subject
     * and grade filters apply; the sign filter does not: a school shown for one sign shows its other signs too).
     * The codes come from a scoped query.
     */
    Map<String, List<ProcedureSigns>> signsBySchool(long run, int year, List<String> codes, RiskFilter filter) {
        Map<String, List<ProcedureSigns>> out = new HashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select s.code, g.procedure, g.subject, g.grade, g.sign, g.counted, g.id
                from analysis_sign g join school s on s.id = g.school_id
                where g.run_id = :run and g.exam_year = :year and s.code in (:codes)
                  and (:procedure = '' or g.procedure = :procedure)
                  and (:subject = '' or g.subject = :subject)
                  and (:grade = 0 or g.grade = :grade)
                order by s.code, g.procedure, g.subject, g.grade, g.counted desc, g.sign""")
                .params(filter.sqlParams()).param("run", run).param("year", year).param("codes", codes)
                .query(rs -> {
                    List<ProcedureSigns> groups = out.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>());
                    String procedure = rs.getString(2);
                    String subject = rs.getString(3);
                    int grade = rs.getInt(4);
                    ProcedureSigns last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
                    if (last == null || !last.procedure().equals(procedure) || !last.subject().equals(subject)
                            || last.grade() != grade) {
                        last = new ProcedureSigns(procedure, subject, grade, new java.util.ArrayList<>());
                        groups.add(last);
                    }
                    last.signs().add(new Badge(rs.getString(5), rs.getBoolean(6), rs.getLong(7)));
                });
        return out;
    }

    /** The choices of the procedure, subject and grade filters in a year: what was written or flagged that year. */
    record Choices(List<String> procedures, List<String> subjects, List<Integer> grades) {
    }

    Choices choices(long run, int year) {
        java.util.TreeSet<String> procedures = new java.util.TreeSet<>();
        java.util.TreeSet<String> subjects = new java.util.TreeSet<>();
        java.util.TreeSet<Integer> grades = new java.util.TreeSet<>();
        jdbc.sql("""
                select distinct a.kind, sub.name, a.grade from assessment a join subject sub on sub.id = a.subject_id
                where a.exam_year = :year""").param("year", year)
                .query(rs -> {
                    procedures.add(ru.msoko.core.domain.ProcedureKind.valueOf(rs.getString(1)).code());
                    subjects.add(rs.getString(2));
                    grades.add(rs.getInt(3));
                });
        jdbc.sql("""
                select distinct procedure, subject, grade from analysis_sign where run_id = :run and exam_year = :year""")
                .param("run", run).param("year", year)
                .query(rs -> {
                    procedures.add(rs.getString(1));
                    if (rs.getInt(3) > 0) { // an official list's marker has no subject or grade of its own
                        subjects.add(rs.getString(2));
                        grades.add(rs.getInt(3));
                    }
                });
        return new Choices(List.copyOf(procedures), List.copyOf(subjects), List.copyOf(grades));
    }

    /** A municipality for the region's filter. */
    record Municipality(String code, String name) {
    }

    List<Municipality> municipalities(Scope scope) {
        return jdbc.sql("""
                select m.code, m.name from municipality m
                where :scopeAll = true or m.id = :scopeMunicipality order by m.name""")
                .params(scope.sqlParams())
                .query((rs, n) -> new Municipality(rs.getString(1), rs.getString(2))).list();
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
