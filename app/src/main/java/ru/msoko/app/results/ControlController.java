package ru.msoko.app.results;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ru.msoko.app.security.Scope;

/** The school page's section on observers and re-checks (an htmx fragment, scoped like the page). */
@Controller
class ControlController {

    private final SchoolLookup schools;
    private final ControlQueries control;

    ControlController(SchoolLookup schools, ControlQueries control) {
        this.schools = schools;
        this.control = control;
    }

    @GetMapping("/schools/{code}/control")
    String control(@PathVariable String code, Scope scope, Model model) {
        var school = schools.require(scope, code);
        model.addAttribute("rows", control.of(school.id()));
        return "school-control :: control";
    }
}
