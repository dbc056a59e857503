package ru.msoko.app.results;

import org.springframework.stereotype.Component;
import ru.msoko.app.security.Scope;
import ru.msoko.app.charts.SchoolInScope;

/**
 * A school a request names with its page's facts, looked up within the caller's territory; outside it the refusal
 * of {@link SchoolInScope} (the one rule for every school page, chart and API answer).
 */
@Component
class SchoolLookup {

    private final SchoolQueries queries;
    private final SchoolInScope scope;

    SchoolLookup(SchoolQueries queries, SchoolInScope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    SchoolQueries.SchoolInfo require(Scope caller, String code) {
        return queries.find(caller, code).orElseThrow(() -> scope.refusal(caller, code));
    }
}
