package ru.msoko.app.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.msoko.app.security.Scope;

/**
 * The audit log page: filters, pages of {@value #PAGE} events, the hash chain check, CSV and xlsx export of what the
 * filters select. Guarded by the AUDIT permission; scoped like every page (a municipality administrator sees the
 * events of its territory).
 */
@Controller
class AuditController {

    static final int PAGE = 50;
    /** The most one export holds (a year of a busy region is far less). */
    static final int EXPORT_LIMIT = 100_000;

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/audit")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String action,
                @RequestParam(defaultValue = "") String school, @RequestParam(defaultValue = "1") int page,
                Scope scope, Model model) {
        AuditLog.Filter filter = filter(from, to, user, action, school);
        long total = log.count(scope, filter);
        int pages = (int) Math.max(1, (total + PAGE - 1) / PAGE);
        int current = Math.min(Math.max(1, page), pages);
        List<AuditLog.Row> rows = log.find(scope, filter, (current - 1) * PAGE, PAGE);
        model.addAttribute("rows", rows.stream().map(r -> new Shown(r, AuditExport.cells(r))).toList());
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("user", user);
        model.addAttribute("action", action);
        model.addAttribute("school", school);
        model.addAttribute("actions", Action.values());
        model.addAttribute("users", log.usernames(scope));
        model.addAttribute("verification", scope.isRegion() ? log.verify() : null);
        return "audit";
    }

    /** An event with its cells as the exports write them. */
    record Shown(AuditLog.Row row, List<String> cells) {
    }

    @GetMapping("/audit.csv")
    @Audited(value = Action.AUDIT_EXPORT, object = "audit_event")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String action,
                               @RequestParam(defaultValue = "") String school, Scope scope) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        AuditExport.csv(log.find(scope, filter(from, to, user, action, school), 0, EXPORT_LIMIT), body);
        return download(body, "журнал-аудита.csv", "text/csv;charset=UTF-8");
    }

    @GetMapping("/audit.xlsx")
    @Audited(value = Action.AUDIT_EXPORT, object = "audit_event")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String action,
                                @RequestParam(defaultValue = "") String school, Scope scope) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        AuditExport.xlsx(log.find(scope, filter(from, to, user, action, school), 0, EXPORT_LIMIT), body);
        return download(body, "журнал-аудита.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private static ResponseEntity<byte[]> download(ByteArrayOutputStream body, String name, String type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(type))
                .body(body.toByteArray());
    }

    private static AuditLog.Filter filter(LocalDate from, LocalDate to, String user, String action, String school) {
        Action a = Arrays.stream(Action.values()).filter(x -> x.name().equals(action)).findFirst().orElse(null);
        return new AuditLog.Filter(from, to, user, a, school);
    }
}
