package ru.msoko.app.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import ru.msoko.app.dashboard.DashboardQueries.Level;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.ForbiddenException;
import ru.msoko.app.web.NotFoundException;

/**
 * The start page per role: the region sees its municipalities, a municipality its schools, a school its own card;
 * each with the key numbers of the year and their change against the year before. A municipality's schools are
 * also a page of their own for region users.
 */
@Controller
class DashboardController {

    private final DashboardQueries queries;
    private final Dashboards dashboards;
    private final List<DashboardSection> sections;

    DashboardController(DashboardQueries queries, Dashboards dashboards, List<DashboardSection> sections) {
        this.queries = queries;
        this.dashboards = dashboards;
        this.sections = sections.stream().sorted(Comparator.comparingInt(DashboardSection::order)).toList();
    }

    @GetMapping("/")
    String dashboard(@RequestParam(required = false) Integer year, Scope scope, Model model) {
        long schools = queries.schools(scope);
        model.addAttribute("schools", schools);
        if (schools == 0) {
            return "dashboard";
        }
        Integer selected = year(scope, year, model);
        if (selected == null) {
            return "dashboard";
        }
        if (scope.isSchool()) {
            var school = queries.units(scope, Level.SCHOOL, 0).get(0);
            model.addAttribute("school", school);
            model.addAttribute("card", dashboards.school(scope, school, selected));
        } else {
            if (!scope.isRegion()) {
                queries.municipalityName(scope, scope.municipalityId()).ifPresent(n -> model.addAttribute("heading", n));
            }
            model.addAttribute("overview", dashboards.overview(scope,
                    scope.isRegion() ? Level.MUNICIPALITY : Level.SCHOOL, 0, selected));
        }
        model.addAttribute("sections", sections.stream().map(s -> s.show(scope, selected)).flatMap(Optional::stream)
                .toList());
        return "dashboard";
    }

    /** The schools of one municipality with their numbers (the region's drill-down from its table). */
    @GetMapping("/dashboard/municipalities/{id}/schools")
    String schools(@PathVariable long id, @RequestParam(required = false) Integer year, Scope scope, Model model) {
        if (!scope.allowsMunicipality(id) && !(scope.isSchool() && scope.municipalityId() == id)) {
            throw new ForbiddenException("Этот муниципалитет вне вашей территории.");
        }
        String name = queries.municipalityName(scope, id).orElseThrow(() -> queries.municipalityExists(id)
                || !scope.isRegion() ? new ForbiddenException("Этот муниципалитет вне вашей территории.")
                : new NotFoundException("Такого муниципалитета нет в справочнике."));
        model.addAttribute("title", name);
        model.addAttribute("municipalityId", id);
        Integer selected = year(scope, year, model);
        if (selected != null) {
            model.addAttribute("overview", dashboards.overview(scope, Level.SCHOOL, id, selected));
        }
        return "dashboard-schools";
    }

    /**
     * The year to show: the one asked for if the territory has results in it, else the newest with results. Puts
     * the years to choose from into the model, and a notice when the region already has a newer year than the
     * territory (its files are not loaded yet). Null when the territory has no results at all.
     */
    private Integer year(Scope scope, Integer asked, Model model) {
        List<Integer> years = dashboards.years(scope);
        model.addAttribute("years", years);
        if (years.isEmpty()) {
            return null;
        }
        int selected = asked != null && years.contains(asked) ? asked : years.get(0);
        model.addAttribute("year", selected);
        dashboards.regionLatestYear().filter(y -> y > years.get(0)).ifPresent(y -> model.addAttribute("missingYear", y));
        return selected;
    }
}
