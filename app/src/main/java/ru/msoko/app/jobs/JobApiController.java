package ru.msoko.app.jobs;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.msoko.app.api.ApiList;
import ru.msoko.app.api.ApiList.Column;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.NotFoundException;

/** The background jobs for scripts: the list of the territory's jobs, and one job to poll until it has ended. */
@RestController
class JobApiController {

    private final Jobs jobs;

    JobApiController(Jobs jobs) {
        this.jobs = jobs;
    }

    static final List<Column<Job>> COLUMNS = List.of(
            Column.of("№", Job::id), Column.of("Вид", j -> j.kind().title()), Column.of("Что", Job::title),
            Column.of("Кто", Job::owner), Column.of("Состояние", j -> j.state().label()),
            Column.of("Создана", Job::createdAt), Column.of("Начата", Job::startedAt),
            Column.of("Завершена", Job::finishedAt), Column.of("Итог", Job::summary), Column.of("Ошибка", Job::error));

    @GetMapping("/api/v1/jobs")
    ResponseEntity<?> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                           @RequestParam(required = false) String format, Scope scope, Authentication auth,
                           HttpServletRequest request) {
        return ApiList.answer(request, format).list("фоновые-задачи", page, size, jobs.count(scope, auth),
                p -> jobs.page(scope, auth, p.offset(), p.limit()), COLUMNS, false);
    }

    /** One job: poll it until {@code state} is DONE or FAILED; another territory's job is a 404 like a missing one. */
    @GetMapping("/api/v1/jobs/{id}")
    Job job(@PathVariable long id, Scope scope, Authentication auth) {
        return jobs.find(scope, auth, id).orElseThrow(() -> new NotFoundException("Задачи № " + id + " нет."));
    }
}
