package ru.msoko.app.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.text.SpreadsheetSafe;

/**
 * The problems of a rejected file as a workbook the user can sort and filter while fixing the file: one row
 * per problem with the sheet, row and column of the original file. The rejected cells themselves are not
 * kept (a file may hold pupils' names), so the workbook points into the user's own copy. Every text cell goes
 * through {@link SpreadsheetSafe#text} (sheet names, column headers and messages echo the user's file and may
 * begin like a formula); the row numbers are numeric cells and stay numbers.
 */
final class RejectedRowsXlsx {

    private static final String[] HEADER = {"№", "Лист", "Строка файла", "Столбец", "Что не так"};

    private RejectedRowsXlsx() {
    }

    static void write(ImportLog.Rejection rejection, List<Problem> problems, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "msoko", "1.0");
        Worksheet ws = wb.newWorksheet("Ошибки");
        text(ws, 0, 0, "Файл: " + rejection.fileName());
        text(ws, 1, 0, "Попытка загрузки: " + rejection.when() + ", " + rejection.attemptedBy());
        text(ws, 2, 0, "Ошибок: " + rejection.problemsTotal() + (rejection.problemsTotal() > problems.size()
                ? " (здесь первые " + problems.size() + ")" : "") + "; база данных не изменена");
        int top = 4;
        for (int c = 0; c < HEADER.length; c++) {
            text(ws, top, c, HEADER[c]);
            ws.style(top, c).bold().fillColor("DDDDDD").set();
        }
        int r = top + 1;
        for (Problem p : problems) {
            ws.value(r, 0, r - top);
            text(ws, r, 1, p.sheet());
            if (p.row() > 0) {
                ws.value(r, 2, p.row());
            }
            text(ws, r, 3, p.column());
            text(ws, r, 4, p.message());
            r++;
        }
        ws.width(0, 6);
        ws.width(1, 20);
        ws.width(2, 14);
        ws.width(3, 28);
        ws.width(4, 100);
        ws.freezePane(0, top + 1);
        wb.finish();
    }

    private static void text(Worksheet ws, int row, int column, String value) {
        ws.value(row, column, SpreadsheetSafe.text(value));
    }
}
