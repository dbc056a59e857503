package ru.msoko.app.charts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.ForbiddenException;
import ru.msoko.app.web.NotFoundException;

/**
 * The school a chart endpoint is asked about, checked against the caller's {@link Scope} as the school page does
 * it: 404 for a code the region does not know, 403 for a school outside the territory (and, below the region, for
 * a missing code too, so that a municipality cannot probe the directory).
 */
@Component
public class SchoolInScope {

    private final JdbcClient jdbc;

    SchoolInScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The school's id. */
    public long require(Scope scope, String code) {
        return jdbc.sql("select s.id from school s where s.code = :code and " + Scope.SCHOOL_CONDITION)
                .params(scope.sqlParams()).param("code", code).query(Long.class).optional()
                .orElseThrow(() -> refusal(scope, code));
    }

    /** What a request for a school outside the scope is told: 403, or 404 for a code the region does not know. */
    public RuntimeException refusal(Scope scope, String code) {
        return exists(code) || !scope.isRegion()
                ? new ForbiddenException("Эта школа вне вашей территории.")
                : new NotFoundException("Школы с кодом «" + code + "» нет в справочнике.");
    }

    private boolean exists(String code) {
        return jdbc.sql("select count(*) from school where code = :code").param("code", code).query(Long.class).single() > 0;
    }
}
