package ru.msoko.core.fisoko;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Builds small xlsx files for tests: sheet name → rows; a cell is a String, a Number or {@code null}. */
public final class Xlsx {

    private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();

    public static Xlsx book() {
        return new Xlsx();
    }

    public Xlsx sheet(String name, List<List<Object>> rows) {
        sheets.put(name, rows);
        return this;
    }

    public Path write(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "msoko-test", "1.0");
            sheets.forEach((name, rows) -> {
                Worksheet ws = wb.newWorksheet(name);
                for (int r = 0; r < rows.size(); r++) {
                    List<Object> row = rows.get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object v = row.get(c);
                        if (v instanceof Number n) {
                            ws.value(r, c, n);
                        } else if (v != null) {
                            ws.value(r, c, v.toString());
                        }
                    }
                }
            });
            wb.finish();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
