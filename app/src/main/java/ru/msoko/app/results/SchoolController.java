package ru.msoko.app.results;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ru.msoko.app.security.Scope;

/** A school's page: its identifiers, context and results by procedure. */
@Controller
class SchoolController {

    private final SchoolQueries queries;
    private final SchoolLookup lookup;

    SchoolController(SchoolQueries queries, SchoolLookup lookup) {
        this.queries = queries;
        this.lookup = lookup;
    }

    @GetMapping("/schools/{code}")
    String school(@PathVariable String code, Scope scope, Model model) {
        var school = lookup.require(scope, code);
        List<SchoolQueries.ProcedureRow> rows = queries.procedures(school.id());
        model.addAttribute("school", school);
        model.addAttribute("procedures", rows.stream().filter(r -> !r.olympiad()).toList());
        model.addAttribute("olympiads", rows.stream().filter(SchoolQueries.ProcedureRow::olympiad).toList());
        model.addAttribute("regionMeans",
                queries.regionMeans(rows.stream().map(SchoolQueries.ProcedureRow::assessmentId).toList()));
        return "school";
    }
}
