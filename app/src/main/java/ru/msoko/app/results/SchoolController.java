package ru.msoko.app.results;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.Labels;
import ru.msoko.app.web.RussianFormat;
import ru.msoko.core.privacy.SmallCells;

/** A school's page: its identifiers, context and results by procedure. */
@Controller
class SchoolController {

    private final SchoolQueries queries;
    private final SchoolLookup lookup;
    private final SmallCells cells;
    private final Labels labels;
    private final RussianFormat fmt;

    SchoolController(SchoolQueries queries, SchoolLookup lookup, SmallCells cells, Labels labels, RussianFormat fmt) {
        this.queries = queries;
        this.lookup = lookup;
        this.cells = cells;
        this.labels = labels;
        this.fmt = fmt;
    }

    @GetMapping("/schools/{code}")
    String school(@PathVariable String code, Scope scope, Model model) {
        var school = lookup.require(scope, code);
        List<SchoolQueries.ProcedureRow> rows = queries.procedures(school.id());
        Map<Long, Double> regionMeans =
                queries.regionMeans(rows.stream().map(SchoolQueries.ProcedureRow::assessmentId).toList());
        model.addAttribute("school", school);
        model.addAttribute("procedures", rows.stream().filter(r -> !r.olympiad())
                .map(r -> ProcedureLine.of(r, regionMeans, cells, labels, fmt)).toList());
        model.addAttribute("olympiads", rows.stream().filter(SchoolQueries.ProcedureRow::olympiad).toList());
        model.addAttribute("regionMeans", regionMeans);
        return "school";
    }
}
