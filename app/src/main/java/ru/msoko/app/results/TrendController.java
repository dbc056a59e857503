package ru.msoko.app.results;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import ru.msoko.app.charts.ChartDownload;
import ru.msoko.app.charts.ChartModel;
import ru.msoko.app.charts.SchoolInScope;
import ru.msoko.core.privacy.SmallCells;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.NotFoundException;

/**
 * The school's results over the years ({@link ResultTrend}): the school page's section (an htmx fragment with the
 * choice of procedure, subject and grade) and the chart's data for static/js/charts.js, scripts and downloads.
 */
@Controller
class TrendController {

    private final SchoolQueries queries;
    private final SchoolInScope schools;
    private final SmallCells cells;

    TrendController(SchoolQueries queries, SchoolInScope schools, SmallCells cells) {
        this.queries = queries;
        this.schools = schools;
        this.cells = cells;
    }

    /** The section of the school page: the groups to choose from, the chart of the chosen one and its table. */
    @GetMapping("/schools/{code}/trends")
    String section(@PathVariable String code, @RequestParam(defaultValue = "") String group, Scope scope, Model model) {
        List<SchoolQueries.ProcedureRow> rows = queries.procedures(schools.require(scope, code));
        List<ResultTrend.Choice> choices = ResultTrend.choices(rows);
        model.addAttribute("code", code);
        model.addAttribute("choices", choices);
        model.addAttribute("minGroup", cells.minGroup());
        ResultTrend.find(choices, group).or(() -> choices.stream().findFirst().map(ResultTrend.Choice::group))
                .ifPresent(g -> {
                    model.addAttribute("group", g);
                    model.addAttribute("chart", chart(g, rows));
                });
        return "school-trends :: trends";
    }

    /**
     * One group's chart as JSON, or its table as xlsx/CSV; without {@code procedure} the group with the most years.
     * 404/403 like the school page; 404 for a group the school has no results of.
     */
    @GetMapping("/api/v1/schools/{code}/trends/chart")
    @ResponseBody
    ResponseEntity<?> chart(@PathVariable String code, @RequestParam(required = false) String procedure,
                            @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "0") int grade,
                            @RequestParam(required = false) String format, Scope scope, HttpServletRequest request) {
        List<SchoolQueries.ProcedureRow> rows = queries.procedures(schools.require(scope, code));
        List<ResultTrend.Choice> choices = ResultTrend.choices(rows);
        ResultTrend.Group g = (procedure == null ? choices.stream().findFirst().map(ResultTrend.Choice::group)
                : ResultTrend.find(choices, procedure + "|" + subject + "|" + grade))
                .orElseThrow(() -> new NotFoundException("У школы нет результатов"
                        + (procedure == null ? "" : " этой процедуры по этому предмету и классу") + "."));
        return ChartDownload.answer(request, format, chart(g, rows).named(code, "результаты", g.kind(), g.subject(),
                g.grade() > 0 ? g.grade() + "кл" : ""));
    }

    private ChartModel chart(ResultTrend.Group g, List<SchoolQueries.ProcedureRow> rows) {
        return ResultTrend.chart(g, rows, queries.regionMeans(rows.stream().map(SchoolQueries.ProcedureRow::assessmentId).toList()),
                cells.minGroup());
    }
}
