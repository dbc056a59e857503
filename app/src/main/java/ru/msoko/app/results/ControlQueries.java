package ru.msoko.app.results;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How a school's works were controlled: independent observers in the room and expert re-checks (methods.md A.8). */
@Repository
class ControlQueries {

    /**
     * One procedure at the school with observers or re-checks.
     *
     * @param meanDelta mean of (school's score − expert's score) over the re-checked works; null without re-checks
     * @param raisedBy2 re-checked works the school scored at least 2 primary points above the expert
     */
    record Controlled(int year, String kind, String subject, int grade, long works, long observed, long rechecked,
                      Double meanDelta, long raisedBy2) {
    }

    private final JdbcClient jdbc;

    ControlQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Controlled> of(long schoolId) {
        return jdbc.sql("""
                select a.exam_year, a.kind, sub.name, a.grade, count(*),
                       sum(case when r.observed then 1 else 0 end),
                       count(r.rechecked_score),
                       avg(case when r.rechecked_score is not null then r.primary_score - r.rechecked_score end),
                       sum(case when r.primary_score - r.rechecked_score >= 2 then 1 else 0 end)
                from result r join assessment a on a.id = r.assessment_id join subject sub on sub.id = a.subject_id
                where r.school_id = :school and r.absent = false
                group by a.exam_year, a.kind, sub.name, a.grade
                having sum(case when r.observed then 1 else 0 end) > 0 or count(r.rechecked_score) > 0
                order by a.exam_year desc, a.kind, sub.name, a.grade""")
                .param("school", schoolId)
                .query((rs, n) -> new Controlled(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), (Double) rs.getObject(8, Double.class),
                        rs.getLong(9)))
                .list();
    }
}
