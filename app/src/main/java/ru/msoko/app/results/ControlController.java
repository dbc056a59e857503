package ru.msoko.app.results;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.ForbiddenException;
import ru.msoko.app.web.NotFoundException;

/** The school page's section on observers and re-checks (an htmx fragment, scoped like the page). */
@Controller
class ControlController {

    private final SchoolQueries schools;
    private final ControlQueries control;

    ControlController(SchoolQueries schools, ControlQueries control) {
        this.schools = schools;
        this.control = control;
    }

    @GetMapping("/schools/{code}/control")
    String control(@PathVariable String code, Scope scope, Model model) {
        var school = schools.find(scope, code).orElseThrow(() -> schools.exists(code) || !scope.isRegion()
                ? new ForbiddenException("Эта школа вне вашей территории.")
                : new NotFoundException("Школы с кодом «" + code + "» нет в справочнике."));
        model.addAttribute("rows", control.of(school.id()));
        return "school-control :: control";
    }
}
