package ru.msoko.app.objectivity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import ru.msoko.app.api.ApiList;
import ru.msoko.app.api.ApiList.Column;
import ru.msoko.app.jobs.JobAnswers;
import ru.msoko.core.objectivity.ObjectivitySettings;
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
    private final AnalysisService analysis;
    private final AnalysisJobs analysisJobs;

    RiskApiController(RiskQueries queries, AnalysisService analysis, AnalysisJobs analysisJobs) {
        this.queries = queries;
        this.analysis = analysis;
        this.analysisJobs = analysisJobs;
    }

    /** Zones of the latest run for a year (the latest year when absent), optionally one zone or one sign. */
    record RiskPage(long run, String methodVersion, int year, List<RiskQueries.Row> schools) {
    }

    static final List<Column<RiskQueries.Row>> COLUMNS = List.of(
            Column.of("Код школы", RiskQueries.Row::code), Column.of("Школа", RiskQueries.Row::name),
            Column.of("Муниципалитет", RiskQueries.Row::municipality), Column.of("Год", RiskQueries.Row::year),
            Column.of("Зона", RiskQueries.Row::zone), Column.of("Балл", RiskQueries.Row::score),
            Column.of("Признаки", RiskQueries.Row::signs), Column.of("Процедуры", RiskQueries.Row::procedures),
            Column.of("Пояснение", RiskQueries.Row::explanation));

    /**
     * The risk table of the latest run: JSON with the run (one row per school, not paged: the table is what the
     * page shows whole), or the rows as CSV ({@code format=csv}) or xlsx ({@code format=xlsx}).
     */
    @GetMapping("/api/v1/risk")
    ResponseEntity<?> risk(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "") String zone,
                           @RequestParam(defaultValue = "") String sign, @RequestParam(required = false) String format,
                           Scope scope, HttpServletRequest request) {
        RiskQueries.Run run = queries.latest().orElseThrow(() -> new NotFoundException("Анализ ещё не проводился."));
        List<Integer> years = queries.years(run.id());
        int selected = year != null ? year : years.isEmpty() ? 0 : years.get(0);
        List<RiskQueries.Row> rows = queries.risk(scope, run.id(), selected, zone, sign);
        ApiList answer = ApiList.answer(request, format);
        if (answer.json()) {
            return ResponseEntity.ok(new RiskPage(run.id(), run.methodVersion(), selected, rows));
        }
        return answer.list("зоны-риска-" + selected, null, null, rows.size(), p -> rows, COLUMNS, true);
    }

    /** The run history: when, which method version, which years, how many results. */
    @GetMapping("/api/v1/analysis-runs")
    ResponseEntity<?> runs(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                           @RequestParam(required = false) String format, HttpServletRequest request) {
        return ApiList.answer(request, format).list("расчёты", page, size, queries.runCount(),
                p -> queries.runs(p.offset(), p.limit()), RUN_COLUMNS, false);
    }

    static final List<Column<RiskQueries.Run>> RUN_COLUMNS = List.of(
            Column.of("№", RiskQueries.Run::id), Column.of("Завершён", RiskQueries.Run::finishedAt),
            Column.of("Версия методики", RiskQueries.Run::methodVersion), Column.of("Годы", RiskQueries.Run::years),
            Column.of("Результатов", RiskQueries.Run::results));

    record Started(long id) {
    }

    /**
     * Runs the analysis over all stored data, as the risk page's button does; 201 with the run's number. With
     * {@code async=true} the run becomes a background job: 202 with its address in Location, 503 when the queue is full.
     */
    @PostMapping("/api/v1/analysis-runs")
    ResponseEntity<?> start(@RequestParam(name = "async", defaultValue = "false") boolean async, Authentication auth,
                            HttpServletRequest request) {
        if (async) {
            AnalysisJobs.Submitted job = analysisJobs.submit(auth);
            return JobAnswers.accepted(job.id(), job.started(), request);
        }
        AnalysisService.Run run = analysis.analyse(List.of(), ObjectivitySettings.defaults(), auth.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Started(run.id()));
    }

    static final List<Column<RiskQueries.SignRow>> SIGN_COLUMNS = List.of(
            Column.of("№", RiskQueries.SignRow::id), Column.of("Год", RiskQueries.SignRow::year),
            Column.of("Процедура", RiskQueries.SignRow::procedure), Column.of("Предмет", RiskQueries.SignRow::subject),
            Column.of("Класс", RiskQueries.SignRow::grade), Column.of("Признак", RiskQueries.SignRow::sign),
            Column.of("Участников", RiskQueries.SignRow::n), Column.of("Значение", RiskQueries.SignRow::value),
            Column.of("Порог", RiskQueries.SignRow::threshold), Column.of("Учтён", RiskQueries.SignRow::counted),
            Column.of("Пояснение", RiskQueries.SignRow::explanation));

    /** A school's signs in the latest run: a JSON array (a school has few), or CSV. */
    @GetMapping("/api/v1/schools/{code}/signs")
    ResponseEntity<?> signs(@PathVariable String code, @RequestParam(required = false) String format, Scope scope,
                            HttpServletRequest request) {
        RiskQueries.Run run = queries.latest().orElseThrow(() -> new NotFoundException("Анализ ещё не проводился."));
        List<RiskQueries.SignRow> rows = queries.signs(scope, run.id(), code);
        ApiList answer = ApiList.answer(request, format);
        return answer.json() ? ResponseEntity.ok(rows)
                : answer.list("признаки-" + code, null, null, rows.size(), p -> rows, SIGN_COLUMNS, false);
    }
}
