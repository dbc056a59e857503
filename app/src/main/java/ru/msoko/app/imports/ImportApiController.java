package ru.msoko.app.imports;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.msoko.app.api.ApiList;
import ru.msoko.app.api.ApiList.Column;
import ru.msoko.app.jobs.JobAnswers;
import ru.msoko.app.security.ApiProblem;
import ru.msoko.app.security.Scope;

/** The import log, an upload and a rollback for scripts: what the import page does, with the same scoping. */
@RestController
class ImportApiController {

    private final ImportService service;
    private final ImportLog log;
    private final ImportRollback rollback;
    private final ImportJobs importJobs;

    ImportApiController(ImportService service, ImportLog log, ImportRollback rollback, ImportJobs importJobs) {
        this.importJobs = importJobs;
        this.service = service;
        this.log = log;
        this.rollback = rollback;
    }

    static final List<Column<ImportLog.Entry>> COLUMNS = List.of(
            Column.of("№", ImportLog.Entry::id), Column.of("Файл", ImportLog.Entry::fileName),
            Column.of("Формат", ImportLog.Entry::format), Column.of("Загрузил", ImportLog.Entry::importedBy),
            Column.of("Начало", ImportLog.Entry::startedAt), Column.of("Строк", ImportLog.Entry::rowsTotal),
            Column.of("Принято", ImportLog.Entry::rowsAccepted), Column.of("Состояние", ImportLog.Entry::state));

    @GetMapping("/api/v1/imports")
    ResponseEntity<?> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                           @RequestParam(required = false) String format, Scope scope, HttpServletRequest request) {
        return ApiList.answer(request, format).list("загрузки", page, size, log.count(scope),
                p -> log.page(scope, p.offset(), p.limit()), COLUMNS, false);
    }

    /** The answer of an upload: what the page shows after it. */
    record Uploaded(String result, String fileName, long batchId, String summary) {
    }

    /**
     * One file (multipart field {@code file}): 201 stored, 200 already stored, 422 problem when rejected. With
     * {@code async=true} the import becomes a background job: 202 with its address in Location (see
     * {@code /api/v1/jobs/{id}}), or 503 when the queue of jobs is full.
     */
    @PostMapping(value = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(@RequestParam("file") MultipartFile file,
                             @RequestParam(name = "skipInvalidRows", defaultValue = "false") boolean skipInvalidRows,
                             @RequestParam(name = "async", defaultValue = "false") boolean async,
                             Authentication auth, HttpServletRequest request) throws IOException {
        if (async) {
            ImportJobs.Submitted job = importJobs.submit(List.of(file), new ImportOptions(false, null, skipInvalidRows),
                    auth);
            return JobAnswers.accepted(job.id(), job.started(), request);
        }
        ImportOutcome outcome = ImportController.importOne(service, file, auth.getName(),
                new ImportOptions(false, null, skipInvalidRows));
        if (outcome instanceof ImportOutcome.Imported i) {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new Uploaded("imported", i.fileName(), i.batchId(), i.summary()));
        }
        if (outcome instanceof ImportOutcome.AlreadyImported a) {
            return ResponseEntity.ok(new Uploaded("already_imported", a.fileName(), a.batchId(), a.summary()));
        }
        ImportOutcome.Rejected r = (ImportOutcome.Rejected) outcome;
        return ResponseEntity.unprocessableEntity().contentType(MediaType.parseMediaType(ApiProblem.MEDIA_TYPE))
                .body(ApiProblem.json(422, "import_rejected", r.summary(), ApiProblem.path(request),
                        r.problems().stream().map(ru.msoko.core.canonical.Problem::describe).toList()));
    }

    record RolledBack(long id, String fileName, long rowsRemoved) {
    }

    /** Rolls back one import; another territory's import is a 404 like one that never was, other refusals 409. */
    @PostMapping("/api/v1/imports/{id}/rollback")
    ResponseEntity<?> rollback(@PathVariable long id, Authentication auth, Scope scope, HttpServletRequest request) {
        ImportRollback.Outcome outcome = rollback.rollback(scope, id, auth.getName());
        if (outcome instanceof ImportRollback.Outcome.RolledBack r) {
            return ResponseEntity.ok(new RolledBack(r.id(), r.fileName(), r.rowsRemoved()));
        }
        int status = outcome.message().endsWith("нет в журнале") ? 404 : 409;
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(ApiProblem.MEDIA_TYPE))
                .body(ApiProblem.json(status, status == 404 ? "not_found" : "rollback_refused",
                        "Отмена невозможна: " + outcome.message() + ".", ApiProblem.path(request), List.of()));
    }
}
