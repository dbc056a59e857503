package ru.msoko.app.directions;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.msoko.app.dashboard.OverviewCache;
import ru.msoko.app.security.Scope;

/** Read side of the direction pages. */
@Repository
class DirectionQueries {

    record Loaded(String kind, int year, long results) {
    }

    private final JdbcClient jdbc;
    private final OverviewCache cache;

    DirectionQueries(JdbcClient jdbc, OverviewCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /** Results loaded per procedure of the direction and year within the scope; reused while the data is unchanged. */
    List<Loaded> loaded(Direction d, Scope scope) {
        if (d.procedures().isEmpty()) {
            return List.of();
        }
        return cache.get(List.of("direction", d, scope), () -> List.copyOf(query(d, scope)));
    }

    private List<Loaded> query(Direction d, Scope scope) {
        return jdbc.sql("""
                select a.kind, a.exam_year, sum(v.rows_total)
                from result_summary v join assessment a on a.id = v.assessment_id join school s on s.id = v.school_id
                where a.kind in (:kinds) and %s
                group by a.kind, a.exam_year order by a.exam_year desc, a.kind""".formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams())
                .param("kinds", d.procedures().stream().map(Enum::name).toList())
                .query((rs, n) -> new Loaded(rs.getString(1), rs.getInt(2), rs.getLong(3))).list();
    }
}
