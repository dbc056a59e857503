package ru.msoko.app.results;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.msoko.app.api.ApiList;
import ru.msoko.app.api.ApiList.Column;
import ru.msoko.app.security.Scope;
import ru.msoko.core.privacy.SmallCells;

/** Schools of the caller's territory and a school's results per procedure (the school page's aggregates). */
@RestController
class SchoolApiController {

    private final SchoolQueries queries;
    private final SmallCells cells;
    private final SchoolLookup lookup;

    SchoolApiController(SchoolQueries queries, SmallCells cells, SchoolLookup lookup) {
        this.queries = queries;
        this.cells = cells;
        this.lookup = lookup;
    }

    static final List<Column<SchoolQueries.Listed>> SCHOOL_COLUMNS = List.of(
            Column.of("Код", SchoolQueries.Listed::code), Column.of("Школа", SchoolQueries.Listed::name),
            Column.of("Муниципалитет", SchoolQueries.Listed::municipality));

    @GetMapping("/api/v1/schools")
    ResponseEntity<?> schools(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size, @RequestParam(required = false) String format,
                              Scope scope, HttpServletRequest request) {
        return ApiList.answer(request, format).list("школы", page, size, queries.count(scope, q),
                p -> queries.list(scope, q, p.offset(), p.limit()), SCHOOL_COLUMNS, false);
    }

    /**
     * One procedure's aggregates at a school, as the API gives them (marks «2»…«5» spelled out). Below the
     * small-cell bound the means, marks and pass/fail counts are null and {@code suppressed} is true; olympiad
     * winners and prize-winners stay, as the olympiad's results are published by its rules.
     */
    record Result(String kind, int year, String subject, int grade, long participants, long absent,
                  Double meanPrimary, Double meanTest, Long mark2, Long mark3, Long mark4, Long mark5, Long passed,
                  Long failed, long winners, long prizeWinners, boolean suppressed) {
        static Result of(SchoolQueries.ProcedureRow r, SmallCells cells) {
            if (cells.hides(r.participants())) {
                return new Result(r.kind(), r.year(), r.subject(), r.grade(), r.participants(), r.absent(), null, null,
                        null, null, null, null, null, null, r.winners(), r.prizeWinners(), true);
            }
            return new Result(r.kind(), r.year(), r.subject(), r.grade(), r.participants(), r.absent(), r.meanPrimary(),
                    r.meanTest(), r.marks()[0], r.marks()[1], r.marks()[2], r.marks()[3], r.passed(), r.failed(),
                    r.winners(), r.prizeWinners(), false);
        }
    }

    static final List<Column<Result>> RESULT_COLUMNS = List.of(
            Column.of("Процедура", Result::kind), Column.of("Год", Result::year), Column.of("Предмет", Result::subject),
            Column.of("Класс", Result::grade), Column.of("Участников", Result::participants),
            Column.of("Отсутствовали", Result::absent), Column.of("Средний первичный балл", Result::meanPrimary),
            Column.of("Средний тестовый балл", Result::meanTest), Column.of("«2»", Result::mark2),
            Column.of("«3»", Result::mark3), Column.of("«4»", Result::mark4), Column.of("«5»", Result::mark5),
            Column.of("Сдали", Result::passed), Column.of("Не сдали", Result::failed),
            Column.of("Победители", Result::winners), Column.of("Призёры", Result::prizeWinners),
            Column.of("Скрыто (малая группа)", r -> r.suppressed() ? "да" : "нет"));

    /** Like the school page: 404 for a code the region does not know, 403 for a school outside the territory. */
    @GetMapping("/api/v1/schools/{code}/results")
    ResponseEntity<?> results(@PathVariable String code, @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size, @RequestParam(required = false) String format,
                              Scope scope, HttpServletRequest request) {
        var school = lookup.require(scope, code);
        List<Result> rows = queries.procedures(school.id()).stream().map(r -> Result.of(r, cells)).toList();
        return ApiList.answer(request, format).list("результаты-" + code, page, size, rows.size(),
                p -> rows.subList(Math.min(p.offset(), rows.size()), Math.min(p.offset() + p.limit(), rows.size())),
                RESULT_COLUMNS, false);
    }
}
