package ru.msoko.app.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import ru.msoko.app.support.XlsxFiles;

/**
 * One damage done to a file, as plain numbers so that jqwik can shrink it: {@code kind} says what, {@code a},
 * {@code b}, {@code c} where and with what (each taken modulo what it indexes). Byte damage works on any file;
 * {@link Kind#PART} damages one inflated part of an xlsx and zips it again, {@link Kind#CELL} re-writes a parsed
 * workbook with one cell replaced (fastexcel), {@link Kind#FIELD} and {@link Kind#ENCODING} work on the text of a CSV.
 */
record Mutation(Kind kind, int a, int b, int c) {

    enum Kind { FLIP, TRUNCATE, INSERT_BYTES, INSERT_PAYLOAD, DELETE, DUPLICATE, PART, CELL, FIELD, ENCODING }

    /** Hostile values a cell or a field is replaced with: formulas, markup, control characters, huge and odd numbers. */
    static final List<String> PAYLOADS = List.of("=1+2", "+79990000000", "-5", "@SUM(A1:A9)",
            "=HYPERLINK(\"http://evil.example\",\"клик\")", "=cmd|' /C calc'!A0",
            "<script>alert('xss')</script>", "\"><img src=x onerror=alert(1)>", "'; drop table result; --",
            "\u0000", "\u0001\u0007\u001b[31m", "\r\n", "\t", "\uFEFF", "\uD800", "", " ", "-1", "0", "1e308", "NaN",
            "Infinity", "99999999999999999999999", "-0", "4,5", "١٢", "²", "X", "отсутствовал", "../../../etc/passwd",
            "A".repeat(1 << 20), "Ж".repeat(1 << 20), "2025", "31.02.2025", "1900-01-01", "5А", "edu220001",
            "sch220002", "Математика", "ВПР", "\"", "\"\"\"", ";;;", ",,,");

    private static final List<Charset> CHARSETS = List.of(Charset.forName("windows-1251"), StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE, Charset.forName("KOI8-R"), StandardCharsets.ISO_8859_1, Charset.forName("IBM866"));

    String payload() {
        return PAYLOADS.get(Math.floorMod(c, PAYLOADS.size()));
    }

    @Override
    public String toString() {
        String p = payload();
        String shown = p.length() > 40 ? "«" + p.charAt(0) + "» × " + p.length() : "«" + p.replace("\u0000", "\\0") + "»";
        return kind + "(" + a + ", " + b + ", " + c + (kind == Kind.FIELD || kind == Kind.CELL
                || kind == Kind.INSERT_PAYLOAD ? " " + shown : "") + ")";
    }

    byte[] apply(byte[] in) {
        return switch (kind) {
            case PART -> part(in);
            case CELL -> cell(in);
            case FIELD -> field(in);
            case ENCODING -> encoding(in);
            default -> bytes(in, kind, a, b, c);
        };
    }

    private static byte[] bytes(byte[] in, Kind kind, int a, int b, int c) {
        int n = in.length;
        int at = n == 0 ? 0 : Math.floorMod(a, n + 1);
        int len = Math.floorMod(b, 4096) + 1;
        return switch (kind) {
            case FLIP -> {
                if (n == 0) {
                    yield in;
                }
                byte[] out = in.clone();
                out[Math.min(at, n - 1)] ^= (byte) (1 << Math.floorMod(b, 8));
                yield out;
            }
            case TRUNCATE -> Arrays.copyOf(in, at);
            case INSERT_BYTES -> {
                byte[] chunk = new byte[len];
                new Random(c).nextBytes(chunk);
                yield insert(in, at, chunk);
            }
            case INSERT_PAYLOAD -> insert(in, at, PAYLOADS.get(Math.floorMod(c, PAYLOADS.size())).getBytes(StandardCharsets.UTF_8));
            case DELETE -> {
                int end = Math.min(n, at + len);
                byte[] out = new byte[n - (end - at)];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, end, out, at, n - end);
                yield out;
            }
            case DUPLICATE -> {
                int end = Math.min(n, at + len);
                yield insert(in, end, Arrays.copyOfRange(in, at, end));
            }
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    private static byte[] insert(byte[] in, int at, byte[] chunk) {
        byte[] out = new byte[in.length + chunk.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(chunk, 0, out, at, chunk.length);
        System.arraycopy(in, at, out, at + chunk.length, in.length - at);
        return out;
    }

    /** Zip level: one inflated part (chosen by {@code a}) gets a byte damage chosen by {@code b}; zipped again. */
    private byte[] part(byte[] in) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new java.io.ByteArrayInputStream(in))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                parts.put(e.getName(), z.readAllBytes());
            }
        } catch (IOException | IllegalArgumentException e) {
            return in;
        }
        if (parts.isEmpty()) {
            return in;
        }
        String name = new ArrayList<>(parts.keySet()).get(Math.floorMod(a, parts.size()));
        Kind[] damages = {Kind.FLIP, Kind.TRUNCATE, Kind.INSERT_PAYLOAD, Kind.DELETE, Kind.DUPLICATE, Kind.INSERT_BYTES};
        Kind damage = damages[Math.floorMod(b, damages.length)];
        byte[] content = parts.get(name);
        // the position inside the part comes from c, the size and payload from b and c again
        parts.put(name, bytes(content, damage, Math.floorMod(c * 7919, Math.max(1, content.length)), b / damages.length, c));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Cell level: the workbook read with fastexcel, the cell (sheet a, row b, column c / payloads) replaced, written again. */
    private byte[] cell(byte[] in) {
        Map<String, List<List<Object>>> sheets = read(in);
        if (sheets == null || sheets.isEmpty()) {
            return in;
        }
        String name = new ArrayList<>(sheets.keySet()).get(Math.floorMod(a, sheets.size()));
        List<List<Object>> rows = sheets.get(name);
        int r = rows.isEmpty() ? 0 : Math.floorMod(b, rows.size() + 1);
        while (rows.size() <= r) {
            rows.add(new ArrayList<>());
        }
        List<Object> row = rows.get(r);
        int col = Math.floorMod(c / PAYLOADS.size(), Math.max(1, row.size() + 1));
        while (row.size() <= col) {
            row.add(null);
        }
        row.set(col, payload());
        try {
            Path f = Files.createTempFile("msoko-fuzz-cell-", ".xlsx");
            try {
                XlsxFiles.write(f, sheets);
                return Files.readAllBytes(f);
            } finally {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every sheet as rows of cells (a number as BigDecimal, anything else as its text); {@code null} if unreadable. */
    static Map<String, List<List<Object>>> read(byte[] xlsx) {
        Map<String, List<List<Object>>> out = new LinkedHashMap<>();
        try (InputStream is = new java.io.ByteArrayInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(is)) {
            for (Sheet s : wb.getSheets().toList()) {
                List<List<Object>> rows = new ArrayList<>();
                for (Row row : s.read()) {
                    while (rows.size() < row.getRowNum() - 1) {
                        rows.add(new ArrayList<>());
                    }
                    List<Object> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        Cell cell = row.getCell(i);
                        Object v = cell == null ? null : cell.getValue();
                        cells.add(v instanceof BigDecimal || v == null ? v : cell.getText());
                    }
                    rows.add(cells);
                }
                out.putIfAbsent(s.getName(), rows);
            }
            return out;
        } catch (Exception e) {
            return null;
        }
    }

    /** Text level: field (line a, field b) of a CSV replaced by the payload; separators {@code ;}, {@code ,} or tab. */
    private byte[] field(byte[] in) {
        String text = new String(in, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int l = Math.floorMod(a, lines.size());
        String line = lines.get(l);
        char sep = line.indexOf(';') >= 0 ? ';' : line.indexOf('\t') >= 0 ? '\t' : ',';
        List<String> fields = new ArrayList<>(Arrays.asList(line.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1)));
        fields.set(Math.floorMod(b, fields.size()), payload());
        lines.set(l, String.join(String.valueOf(sep), fields));
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** The whole text re-encoded into another charset (the bytes read as UTF-8 first). */
    private byte[] encoding(byte[] in) {
        return new String(in, StandardCharsets.UTF_8).getBytes(CHARSETS.get(Math.floorMod(a, CHARSETS.size())));
    }
}
