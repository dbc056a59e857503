package ru.msoko.app.objectivity;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.NotFoundException;

/** The same zones and signs as the pages, as JSON for scripts; scoped by the same {@link Scope}. */
@RestController
class RiskApiController {

    private final RiskQueries queries;

    RiskApiController(RiskQueries queries) {
        this.queries = queries;
    }

    /** Zones of the latest run for a year (the latest year when absent), optionally one zone or one sign. */
    record RiskPage(long run, String methodVersion, int year, List<RiskQueries.Row> schools) {
    }

    @GetMapping("/api/v1/risk")
    RiskPage risk(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "") String zone,
                  @RequestParam(defaultValue = "") String sign, Scope scope) {
        RiskQueries.Run run = queries.latest().orElseThrow(() -> new NotFoundException("Анализ ещё не проводился."));
        List<Integer> years = queries.years(run.id());
        int selected = year != null ? year : years.isEmpty() ? 0 : years.get(0);
        return new RiskPage(run.id(), run.methodVersion(), selected,
                queries.risk(scope, run.id(), selected, zone, sign));
    }

    @GetMapping("/api/v1/schools/{code}/signs")
    List<RiskQueries.SignRow> signs(@PathVariable String code, Scope scope) {
        RiskQueries.Run run = queries.latest().orElseThrow(() -> new NotFoundException("Анализ ещё не проводился."));
        return queries.signs(scope, run.id(), code);
    }
}
