package ru.msoko.app.results;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.ForbiddenException;
import ru.msoko.app.web.NotFoundException;

/** A school's page: its identifiers, context and results by procedure. */
@Controller
class SchoolController {

    private final SchoolQueries queries;

    SchoolController(SchoolQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/schools/{code}")
    String school(@PathVariable String code, Scope scope, Model model) {
        var school = queries.find(scope, code).orElseThrow(() -> queries.exists(code) || !scope.isRegion()
                ? new ForbiddenException("Эта школа вне вашей территории.")
                : new NotFoundException("Школы с кодом «" + code + "» нет в справочнике."));
        List<SchoolQueries.ProcedureRow> rows = queries.procedures(school.id());
        model.addAttribute("school", school);
        model.addAttribute("procedures", rows.stream().filter(r -> !r.olympiad()).toList());
        model.addAttribute("olympiads", rows.stream().filter(SchoolQueries.ProcedureRow::olympiad).toList());
        model.addAttribute("regionMeans",
                queries.regionMeans(rows.stream().map(SchoolQueries.ProcedureRow::assessmentId).toList()));
        return "school";
    }
}
