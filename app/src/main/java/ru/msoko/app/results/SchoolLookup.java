package ru.msoko.app.results;

import org.springframework.stereotype.Component;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.ForbiddenException;
import ru.msoko.app.web.NotFoundException;

/**
 * A school a request names, as every school page and API answer looks it up: within the caller's territory, else
 * 403; a code the region does not know is a 404 for a region user only (others get the same 403 for a foreign
 * and a missing code, so that they cannot probe the directory).
 */
@Component
class SchoolLookup {

    private final SchoolQueries queries;

    SchoolLookup(SchoolQueries queries) {
        this.queries = queries;
    }

    SchoolQueries.SchoolInfo require(Scope scope, String code) {
        return queries.find(scope, code).orElseThrow(() -> queries.exists(code) || !scope.isRegion()
                ? new ForbiddenException("Эта школа вне вашей территории.")
                : new NotFoundException("Школы с кодом «" + code + "» нет в справочнике."));
    }
}
