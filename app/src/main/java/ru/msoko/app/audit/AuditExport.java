package ru.msoko.app.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import ru.msoko.core.text.SpreadsheetSafe;

/**
 * The audit log as CSV (UTF-8 with BOM, «;», as Russian Excel opens it) and as xlsx. Every text goes through
 * {@link SpreadsheetSafe}: user names, file names and details echo what users typed and may begin like a formula.
 */
final class AuditExport {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(ZoneId.systemDefault());

    private static final String[] HEADER = {"№", "Когда", "Пользователь", "Роль", "Адрес", "Действие", "Объект",
            "Муниципалитет", "Школа", "Подробности", "Итог", "Хеш записи"};

    private AuditExport() {
    }

    static List<String> cells(AuditLog.Row r) {
        AuditEvent e = r.event();
        String object = e.objectType() == null ? nz(e.objectId()) : e.objectType() + (e.objectId() == null ? "" : " " + e.objectId());
        String school = r.schoolCode() == null ? "" : r.schoolCode() + " " + nz(r.schoolName());
        return List.of(Long.toString(e.id()), WHEN.format(e.at()), e.username(), nz(e.role()), nz(e.clientAddress()),
                e.action().title(), object, nz(r.municipalityName()), school.strip(), nz(e.details()),
                e.outcome().title(), e.hash());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static void csv(List<AuditLog.Row> rows, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        line(w, List.of(HEADER));
        for (AuditLog.Row r : rows) {
            line(w, cells(r));
        }
        w.flush();
    }

    private static void line(Writer w, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                w.write(';');
            }
            w.write(quoted(SpreadsheetSafe.csvField(values.get(i))));
        }
        w.write("\r\n");
    }

    private static String quoted(String v) {
        return v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    static void xlsx(List<AuditLog.Row> rows, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "msoko", "1.0");
        Worksheet ws = wb.newWorksheet("Журнал аудита");
        for (int c = 0; c < HEADER.length; c++) {
            ws.value(0, c, HEADER[c]);
            ws.style(0, c).bold().fillColor("DDDDDD").set();
        }
        int r = 1;
        for (AuditLog.Row row : rows) {
            List<String> cells = cells(row);
            ws.value(r, 0, row.event().id());
            for (int c = 1; c < cells.size(); c++) {
                ws.value(r, c, SpreadsheetSafe.text(cells.get(c)));
            }
            r++;
        }
        int[] widths = {8, 20, 20, 16, 16, 30, 24, 24, 36, 80, 12, 20};
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, widths[c]);
        }
        ws.freezePane(0, 1);
        wb.finish();
    }
}
