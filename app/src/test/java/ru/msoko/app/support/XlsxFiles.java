package ru.msoko.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Small xlsx files for tests (sheet name → rows; a cell is a String, a Number or {@code null}) and surgery on
 * their parts.
 */
public final class XlsxFiles {

    private XlsxFiles() {
    }

    public static Path write(Path file, Map<String, List<List<Object>>> sheets) {
        return write(file, sheets, Map.of());
    }

    /** As {@link #write(Path, Map)}, with merged cells: «sheet → {top, left, bottom, right}» ranges, 0-based. */
    public static Path write(Path file, Map<String, List<List<Object>>> sheets, Map<String, List<int[]>> merges) {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook book = new Workbook(out, "msoko-test", "1.0");
            sheets.forEach((name, rows) -> {
                Worksheet ws = book.newWorksheet(name);
                merges.getOrDefault(name, List.of()).forEach(m -> ws.range(m[0], m[1], m[2], m[3]).merge());
                for (int r = 0; r < rows.size(); r++) {
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        Object v = rows.get(r).get(c);
                        if (v instanceof Number n) {
                            ws.value(r, c, n);
                        } else if (v != null) {
                            ws.value(r, c, v.toString());
                        }
                    }
                }
            });
            book.finish();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parts of a zip by name, in archive order, inflated. */
    public static Map<String, byte[]> parts(Path zip) {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                out.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of {@code zip} at {@code target} with the text of one part (UTF-8 XML) changed. */
    public static Path editPart(Path zip, String part, UnaryOperator<String> edit, Path target) {
        Map<String, byte[]> parts = parts(zip);
        if (!parts.containsKey(part)) {
            throw new IllegalArgumentException("no part " + part + " in " + parts.keySet());
        }
        parts.computeIfPresent(part, (k, v) -> edit.apply(new String(v, java.nio.charset.StandardCharsets.UTF_8))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var p : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(p.getKey()));
                out.write(p.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return Files.write(target, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
