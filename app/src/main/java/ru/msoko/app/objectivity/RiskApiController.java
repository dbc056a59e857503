package ru.msoko.app.objectivity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import ru.msoko.app.api.ApiList;
import ru.msoko.app.api.ApiList.Column;
import ru.msoko.app.jobs.JobAnswers;
import ru.msoko.core.domain.SchoolType;
import ru.msoko.core.domain.Settlement;
import ru.msoko.core.objectivity.ObjectivitySettings;
import ru.msoko.core.objectivity.Zone;
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

    /**
     * A page of the risk table of the latest run for a year (the latest year when absent): the run, the year, the
     * counts per zone for the filter (the zone filter aside) and the rows as an {@link ApiList} page. {@code schools}
     * repeats {@code items}: it was the whole list before the table was paged.
     */
    record RiskPage(long run, String methodVersion, int year, Map<String, Long> counts, List<RiskQueries.Row> items,
                    int page, int size, long total, List<RiskQueries.Row> schools) {
    }

    static final List<Column<RiskQueries.Row>> COLUMNS = List.of(
            Column.of("Код школы", RiskQueries.Row::code), Column.of("Школа", RiskQueries.Row::name),
            Column.of("Муниципалитет", RiskQueries.Row::municipality),
            Column.of("Тип школы", r -> r.schoolType() == null ? "" : SchoolType.valueOf(r.schoolType()).label()),
            Column.of("Поселение", r -> r.settlement() == null ? "" : Settlement.valueOf(r.settlement()).label()),
            Column.of("Год", RiskQueries.Row::year),
            Column.of("Зона", RiskQueries.Row::zone), Column.of("Балл", RiskQueries.Row::score),
            Column.of("Признаки", RiskQueries.Row::signs), Column.of("Процедуры", RiskQueries.Row::procedures),
            Column.of("Пояснение", RiskQueries.Row::explanation));

    /**
     * The risk table of the latest run with the filters of the page ({@code year, procedure, subject, grade, zone,
     * sign, schoolType, settlement, municipality}) and its order ({@code sort, dir}): a JSON page, or every row that
     * passes the filters as CSV ({@code format=csv}) or xlsx ({@code format=xlsx}).
     */
    @GetMapping("/api/v1/risk")
    ResponseEntity<?> risk(@RequestParam(required = false) Integer year, @RequestParam(required = false) String procedure,
                           @RequestParam(required = false) String subject, @RequestParam(required = false) Integer grade,
                           @RequestParam(required = false) String zone, @RequestParam(required = false) String sign,
                           @RequestParam(required = false) String schoolType,
                           @RequestParam(required = false) String settlement,
                           @RequestParam(required = false) String municipality,
                           @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                           @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                           @RequestParam(required = false) String format, Scope scope, HttpServletRequest request) {
        RiskQueries.Run run = queries.latest().orElseThrow(() -> new NotFoundException("Анализ ещё не проводился."));
        List<Integer> years = queries.years(run.id());
        int selected = year != null ? year : years.isEmpty() ? 0 : years.get(0);
        RiskFilter f = RiskFilter.of(selected, procedure, subject, grade, zone, sign, schoolType, settlement,
                municipality, sort, dir);
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Long> found = queries.zoneCounts(scope, run.id(), selected, f);
        for (Zone z : Zone.values()) {
            counts.put(z.code(), found.getOrDefault(z.code(), 0L));
        }
        long total = f.zone().isEmpty() ? counts.values().stream().mapToLong(Long::longValue).sum()
                : counts.get(f.zone());
        ApiList answer = ApiList.answer(request, format);
        if (answer.json()) {
            ApiList.Paging paging = ApiList.Paging.of(page, size);
            List<RiskQueries.Row> rows = queries.risk(scope, run.id(), selected, f, paging.offset(), paging.limit());
            return ResponseEntity.ok(new RiskPage(run.id(), run.methodVersion(), selected, counts, rows, paging.page(),
                    paging.size(), total, rows));
        }
        return answer.list("зоны-риска-" + selected, null, null, total,
                p -> queries.risk(scope, run.id(), selected, f, p.offset(), p.limit()), COLUMNS, true);
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
