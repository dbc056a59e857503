package ru.msoko.app.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.msoko.app.audit.Action;
import ru.msoko.app.audit.Audited;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.NotFoundException;

/** Upload page and import log. Schools cannot import (the municipality loads its schools' data). */
@Controller
class ImportController {

    private static final int SHOWN = 50;

    private final ImportLog log;
    private final ImportRollback rollback;
    private final ImportRejections rejections;
    private final ImportJobs importJobs;

    ImportController(ImportLog log, ImportRollback rollback, ImportRejections rejections, ImportJobs importJobs) {
        this.importJobs = importJobs;
        this.log = log;
        this.rollback = rollback;
        this.rejections = rejections;
    }

    @GetMapping("/imports")
    String page(Scope scope, Model model) {
        addLog(scope, model);
        return "imports";
    }

    /** The log shows the imports made within the user's territory (see {@link Scope#madeByCondition}). */
    private void addLog(Scope scope, Model model) {
        model.addAttribute("log", log.recent(scope, SHOWN));
        model.addAttribute("rejections", log.recentRejections(scope, SHOWN));
    }

    /** Rolls back one import as a whole; a municipality user only their own imports (see {@link ImportRollback}). */
    @PostMapping("/imports/{id}/rollback")
    String rollback(@PathVariable long id, Authentication auth, Scope scope, RedirectAttributes redirect) {
        ImportRollback.Outcome outcome = rollback.rollback(scope, id, auth.getName());
        redirect.addFlashAttribute(outcome instanceof ImportRollback.Outcome.RolledBack ? "done" : "refused",
                outcome.message());
        return "redirect:/imports";
    }

    /** The problems of a rejected file as xlsx. */
    @GetMapping("/imports/rejections/{id}.xlsx")
    @Audited(value = Action.PUPIL_DATA_DOWNLOAD, object = "import_rejection")
    ResponseEntity<byte[]> rejectedRows(@PathVariable long id, Scope scope) throws IOException {
        // at most a thousand problems are kept: the workbook is small enough to build in memory
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        if (!rejections.writeXlsx(scope, id, body)) {
            // another territory's attempt looks like one that never was: its existence is not told
            throw new NotFoundException("попытки загрузки № " + id + " нет в журнале");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("ошибки-загрузки-" + id + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(body.toByteArray());
    }

    /**
     * Receives the files and leaves their import to a background job: the answer is the job's page, which shows the
     * progress and then the same outcome this page showed (see {@link ImportJobs}).
     */
    @PostMapping("/imports")
    String upload(@RequestParam("files") List<MultipartFile> files,
                  @RequestParam(name = "skipInvalidRows", defaultValue = "false") boolean skipInvalidRows,
                  Authentication auth) {
        return "redirect:/jobs/" + importJobs.submit(files, new ImportOptions(false, null, skipInvalidRows), auth).id();
    }

    /** Stores an uploaded file through a temp file whose name the server chooses (the page and the API). */
    static ImportOutcome importOne(ImportService service, MultipartFile f, String user, ImportOptions options)
            throws IOException {
        String name = safeName(f.getOriginalFilename());
        Path tmp = Files.createTempFile("msoko-upload-", ".tmp");
        try {
            try (InputStream in = f.getInputStream()) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return service.importFile(tmp, name, user, options);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Longest name shown and stored; a longer one keeps its beginning and its ending (with the extension). */
    static final int NAME_LIMIT = 200;
    private static final String NO_NAME = "без имени";

    /**
     * What the browser sent as the file name, made fit to show and to log: control and invisible formatting
     * characters (NUL, line breaks, bidi overrides) removed, only the last path element kept (both the slash and
     * the backslash), the length capped at {@link #NAME_LIMIT}. The name is never used as a path: the upload is
     * stored in a temp file whose name the server chooses.
     */
    static String safeName(String original) {
        if (original == null) {
            return NO_NAME;
        }
        StringBuilder visible = new StringBuilder(Math.min(original.length(), 4 * NAME_LIMIT));
        original.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(visible::appendCodePoint);
        String n = visible.toString().replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            return NO_NAME;
        }
        return capped(n);
    }

    private static String capped(String n) {
        int length = n.codePointCount(0, n.length());
        if (length <= NAME_LIMIT) {
            return n;
        }
        int tail = 40;
        int head = NAME_LIMIT - tail - 1;
        return n.substring(0, n.offsetByCodePoints(0, head)) + "…" + n.substring(n.offsetByCodePoints(0, length - tail));
    }
}
