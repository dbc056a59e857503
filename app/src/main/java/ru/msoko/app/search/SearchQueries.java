package ru.msoko.app.search;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.msoko.app.security.Scope;

/** Finds schools within the user's scope by any part of the name or by any identifier they ever had. */
@Repository
class SearchQueries {

    record Hit(String code, String name, String municipality, String matchedIdentifier) {
    }

    private static final int LIMIT = 50;

    private final JdbcClient jdbc;

    SearchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Hit> schools(Scope scope, String query) {
        String q = query.trim().toLowerCase(Locale.ROOT).replace('ё', 'е');
        if (q.isEmpty()) {
            return List.of();
        }
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                select s.code, s.name, m.name,
                       (select min(i.identifier) from school_identifier i
                        where i.school_id = s.id and i.lookup_key like :like escape '\\')
                from school s join municipality m on m.id = s.municipality_id
                where (replace(lower(s.name), 'ё', 'е') like :like escape '\\'
                       or exists (select 1 from school_identifier i
                                  where i.school_id = s.id and i.lookup_key like :like escape '\\'))
                  and %s
                order by s.name
                limit :limit""".formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams()).param("like", like).param("limit", LIMIT)
                .query((rs, n) -> new Hit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }
}
