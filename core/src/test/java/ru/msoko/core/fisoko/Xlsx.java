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
    private final Map<String, List<int[]>> merges = new LinkedHashMap<>();

    public static Xlsx book() {
        return new Xlsx();
    }

    public Xlsx sheet(String name, List<List<Object>> rows) {
        sheets.put(name, rows);
        return this;
    }

    /** Merges the cells of a sheet from (top, left) to (bottom, right), 0-based, as a real protocol header does. */
    public Xlsx merge(String sheet, int top, int left, int bottom, int right) {
        merges.computeIfAbsent(sheet, k -> new java.util.ArrayList<>()).add(new int[] {top, left, bottom, right});
        return this;
    }

    public Path write(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "msoko-test", "1.0");
            sheets.forEach((name, rows) -> {
                Worksheet ws = wb.newWorksheet(name);
                merges.getOrDefault(name, List.of()).forEach(m -> ws.range(m[0], m[1], m[2], m[3]).merge());
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
