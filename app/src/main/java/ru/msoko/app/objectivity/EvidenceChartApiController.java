package ru.msoko.app.objectivity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.msoko.app.charts.ChartDownload;
import ru.msoko.app.charts.SchoolInScope;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.ForbiddenException;
import ru.msoko.app.web.NotFoundException;

/**
 * The evidence charts as data: what static/js/charts.js draws on the sign page and the school page, and the
 * chart's table as xlsx or CSV ({@code ?format=xlsx|csv}). Scoped like the pages they serve.
 */
@RestController
class EvidenceChartApiController {

    private final RiskQueries queries;
    private final SchoolInScope schools;

    EvidenceChartApiController(RiskQueries queries, SchoolInScope schools) {
        this.queries = queries;
        this.schools = schools;
    }

    /** A sign's evidence chart: like the sign page, 404 for the region and 403 below it when it is not visible. */
    @GetMapping("/api/v1/schools/{code}/signs/{id}/chart")
    ResponseEntity<?> sign(@PathVariable String code, @PathVariable long id, @RequestParam(required = false) String format,
                           Scope scope, HttpServletRequest request) {
        var found = queries.sign(scope, code, id).orElseThrow(() -> scope.isRegion()
                ? new NotFoundException("У школы с кодом «" + code + "» нет признака № " + id + ".")
                : new ForbiddenException("Эта школа вне вашей территории."));
        RiskQueries.SignRow g = found.sign();
        EvidenceChart.Chart chart = EvidenceChart.of(g.sign(), g.evidence());
        if (!chart.present()) {
            throw new NotFoundException("У признака № " + id + " нет графика.");
        }
        return ChartDownload.answer(request, format, chart.model().named(code, g.sign(), g.year(),
                g.procedure(), g.subject(), g.grade() > 0 ? g.grade() + "кл" : ""));
    }

    /** The school's zone per year in the latest run, up to {@code year} (the latest year when absent). */
    @GetMapping("/api/v1/schools/{code}/zones/chart")
    ResponseEntity<?> zones(@PathVariable String code, @RequestParam(required = false) Integer year,
                            @RequestParam(required = false) String format, Scope scope, HttpServletRequest request) {
        schools.require(scope, code);
        var zone = queries.latest().flatMap(r -> queries.zones(scope, r.id(), code, year))
                .orElseThrow(() -> new NotFoundException("Зоны риска школы «" + code + "»"
                        + (year == null ? "" : " за " + year + " год") + " ещё не рассчитаны."));
        return ChartDownload.answer(request, format, EvidenceChart.zones(zone.past(), zone.year(), zone.zone()).model()
                .named(code, "зона-риска", zone.year()));
    }
}
