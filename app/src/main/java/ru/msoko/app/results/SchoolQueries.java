package ru.msoko.app.results;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.msoko.app.dashboard.OverviewCache;
import ru.msoko.app.security.Scope;
import ru.msoko.core.domain.ProcedureKind;

/** Read side of the school page, always within the user's scope. */
@Repository
class SchoolQueries {

    record SchoolInfo(long id, String code, String name, String municipality, String type, String settlement,
                      Integer pupils, Double sesIndex, Boolean lowResults, List<String> identifiers) {
    }

    /** One procedure's results at the school. */
    record ProcedureRow(long assessmentId, String kind, int year, String subject, int grade, String layout,
                        long participants, long absent, Double meanPrimary, Double meanTest, long[] marks,
                        long passed, long failed, long winners, long prizeWinners) {
        public boolean olympiad() {
            return ProcedureKind.valueOf(kind).isOlympiad();
        }

        public long marked() {
            return marks[0] + marks[1] + marks[2] + marks[3];
        }
    }

    private final JdbcClient jdbc;
    private final OverviewCache cache;

    SchoolQueries(JdbcClient jdbc, OverviewCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /** A school of the API's list: its code, name and municipality. */
    record Listed(String code, String name, String municipality) {
    }

    private static final String LISTED = """
            from school s join municipality m on m.id = s.municipality_id
            where (:like = '' or replace(lower(s.name), 'ё', 'е') like :like escape '\\'
                   or exists (select 1 from school_identifier i where i.school_id = s.id and i.lookup_key like :like escape '\\'))
              and %s""".formatted(Scope.SCHOOL_CONDITION);

    /** Schools within the scope, by name; {@code query} filters by a part of the name or of any identifier. */
    List<Listed> list(Scope scope, String query, int offset, int limit) {
        return jdbc.sql("select s.code, s.name, m.name " + LISTED + " order by s.name, s.code limit :limit offset :offset")
                .params(scope.sqlParams()).param("like", like(query)).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    long count(Scope scope, String query) {
        return jdbc.sql("select count(*) " + LISTED).params(scope.sqlParams()).param("like", like(query))
                .query(Long.class).single();
    }

    /** The search's pattern: lower case, «ё» as «е», LIKE's wildcards escaped; "" for no filter. */
    private static String like(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT).replace('ё', 'е');
        return q.isEmpty() ? "" : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    Optional<SchoolInfo> find(Scope scope, String code) {
        Optional<SchoolInfo> info = jdbc.sql("""
                select s.id, s.code, s.name, m.name, s.school_type, s.settlement, s.pupils, s.ses_index, s.low_results
                from school s join municipality m on m.id = s.municipality_id
                where s.code = :code and %s""".formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams()).param("code", code)
                .query((rs, n) -> new SchoolInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), (Integer) rs.getObject(7, Integer.class),
                        (Double) rs.getObject(8, Double.class), (Boolean) rs.getObject(9, Boolean.class), List.of()))
                .optional();
        return info.map(i -> new SchoolInfo(i.id(), i.code(), i.name(), i.municipality(), i.type(), i.settlement(),
                i.pupils(), i.sesIndex(), i.lowResults(), identifiers(i.id())));
    }

    private List<String> identifiers(long schoolId) {
        return jdbc.sql("""
                select identifier, valid_from, valid_to from school_identifier where school_id = :id order by id""")
                .param("id", schoolId)
                .query((rs, n) -> {
                    Integer from = (Integer) rs.getObject(2, Integer.class);
                    Integer to = (Integer) rs.getObject(3, Integer.class);
                    String years = from == null && to == null ? ""
                            : " (" + (from == null ? "…" : from) + "–" + (to == null ? "…" : to) + ")";
                    return rs.getString(1) + years;
                }).list();
    }

    List<ProcedureRow> procedures(long schoolId) {
        return jdbc.sql("""
                select a.id, a.kind, a.exam_year, sub.name, a.grade, a.task_layout,
                       sum(v.participants), sum(v.absent),
                       sum(v.primary_sum) / nullif(sum(v.primary_n), 0),
                       sum(v.test_sum) / nullif(sum(v.test_n), 0),
                       sum(v.mark2), sum(v.mark3), sum(v.mark4), sum(v.mark5),
                       sum(v.passed), sum(v.failed), sum(v.winners), sum(v.prize_winners)
                from result_summary v
                join assessment a on a.id = v.assessment_id
                join subject sub on sub.id = a.subject_id
                where v.school_id = :school
                group by a.id, a.kind, a.exam_year, sub.name, a.grade, a.task_layout
                order by a.exam_year desc, a.kind, sub.name, a.grade""")
                .param("school", schoolId)
                .query((rs, n) -> new ProcedureRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getLong(7), rs.getLong(8),
                        (Double) rs.getObject(9, Double.class), (Double) rs.getObject(10, Double.class),
                        new long[] {rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14)},
                        rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getLong(18)))
                .list();
    }

    /**
     * Region-wide mean of each of these assessments (an aggregate, so any role may see it): the test score
     * where the procedure has one (ЕГЭ), else the primary score, matching what the school row shows. The means of
     * all assessments are computed together and reused while the data is unchanged: every school page needs them,
     * and each computation sums the whole region's aggregate rows (docs/benchmarks.md, «Page speed under 50 users»).
     */
    Map<Long, Double> regionMeans(List<Long> assessmentIds) {
        Map<Long, Double> all = cache.get("regionMeans", this::allRegionMeans);
        Map<Long, Double> means = new HashMap<>();
        for (Long id : assessmentIds) {
            Double mean = all.get(id);
            if (mean != null) {
                means.put(id, mean);
            }
        }
        return means;
    }

    private Map<Long, Double> allRegionMeans() {
        Map<Long, Double> means = new HashMap<>();
        jdbc.sql("""
                select assessment_id, coalesce(sum(test_sum) / nullif(sum(test_n), 0),
                                              sum(primary_sum) / nullif(sum(primary_n), 0))
                from result_summary group by assessment_id""")
                .query((rs, n) -> means.put(rs.getLong(1), (Double) rs.getObject(2, Double.class))).list();
        return Collections.unmodifiableMap(means);
    }
}
