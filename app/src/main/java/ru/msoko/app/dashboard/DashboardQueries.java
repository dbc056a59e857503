package ru.msoko.app.dashboard;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.msoko.app.security.Scope;

/** Read side of the dashboard: what is loaded, within the user's scope. */
@Repository
class DashboardQueries {

    record Totals(long municipalities, long schools, long results, long works) {
    }

    record MunicipalityRow(long id, String code, String name, long schools, long results) {
    }

    record SchoolRow(String code, String name, String type, String settlement, long results) {
    }

    /** Results loaded per procedure kind and year. */
    record LoadedRow(String kind, int year, long assessments, long schools, long results) {
    }

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Totals totals(Scope scope) {
        return jdbc.sql("""
                select (select count(distinct s.municipality_id) from school s where %1$s),
                       (select count(*) from school s where %1$s),
                       (select coalesce(sum(v.rows_total), 0) from result_stats v join school s on s.id = v.school_id where %1$s),
                       (select coalesce(sum(v.participants), 0) from result_stats v join school s on s.id = v.school_id
                        where %1$s)
                """.formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams())
                .query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    List<MunicipalityRow> municipalities(Scope scope) {
        return jdbc.sql("""
                select m.id, m.code, m.name, count(distinct s.id),
                       coalesce(sum(rc.n), 0)
                from municipality m
                join school s on s.municipality_id = m.id
                left join (select school_id, sum(rows_total) n from result_stats group by school_id) rc on rc.school_id = s.id
                where %s
                group by m.id, m.code, m.name
                order by m.code""".formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams())
                .query((rs, n) -> new MunicipalityRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    List<SchoolRow> schools(Scope scope, long municipalityId) {
        return jdbc.sql("""
                select s.code, s.name, s.school_type, s.settlement, coalesce(rc.n, 0)
                from school s
                left join (select school_id, sum(rows_total) n from result_stats group by school_id) rc on rc.school_id = s.id
                where s.municipality_id = :municipality and %s
                order by s.name""".formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams()).param("municipality", municipalityId)
                .query((rs, n) -> new SchoolRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5)))
                .list();
    }

    List<LoadedRow> loaded(Scope scope) {
        return jdbc.sql("""
                select a.kind, a.exam_year, count(distinct a.id), count(distinct v.school_id), sum(v.rows_total)
                from result_stats v
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
