package ru.msoko.app.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.ForbiddenException;

/** The start page: the region → municipality → school tree with what is loaded. */
@Controller
class DashboardController {

    private final DashboardQueries queries;

    DashboardController(DashboardQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/")
    String dashboard(Scope scope, Model model) {
        model.addAttribute("totals", queries.totals(scope));
        model.addAttribute("municipalities", queries.municipalities(scope));
        model.addAttribute("loaded", queries.loaded(scope));
        if (scope.isSchool()) {
            model.addAttribute("ownSchools", queries.schools(scope, scope.municipalityId()));
        }
        return "dashboard";
    }

    /** The schools of one municipality, loaded into the tree by htmx when the user opens it. */
    @GetMapping("/dashboard/municipalities/{id}/schools")
    String schools(@PathVariable long id, Scope scope, Model model) {
        if (!scope.allowsMunicipality(id) && !scope.isSchool()) {
            throw new ForbiddenException("Этот муниципалитет вне вашей территории.");
        }
        model.addAttribute("schools", queries.schools(scope, id));
        return "dashboard-schools :: schools";
    }
}
