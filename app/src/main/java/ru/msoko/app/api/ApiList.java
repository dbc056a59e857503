package ru.msoko.app.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import ru.msoko.core.text.SpreadsheetSafe;

/**
 * The lists of the API: one page as JSON ({@code items, page, size, total}; pages count from 1, {@code size} at
 * most {@link #MAX_SIZE}), or the whole list as CSV ({@code ?format=csv} or {@code Accept: text/csv}) or xlsx
 * ({@code ?format=xlsx}, where the endpoint offers it). Every text cell of a download goes through
 * {@link SpreadsheetSafe}: school names, file names and logins echo what users typed.
 */
public final class ApiList {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    /** Rows of one download at most. */
    public static final int MAX_DOWNLOAD = 100_000;

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** One page of a list, as the JSON answer. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    /** A column of a download: its Russian header and the value of a row. */
    public record Column<T>(String title, Function<T, Object> value) {
        public static <T> Column<T> of(String title, Function<T, Object> value) {
            return new Column<>(title, value);
        }
    }

    /** Which rows a request asks for. */
    public record Paging(int page, int size) {
        public int offset() {
            return (page - 1) * size;
        }

        public int limit() {
            return size;
        }

        /** Checks the request's {@code page} and {@code size}: a 400 problem for a wrong one. */
        public static Paging of(Integer page, Integer size) {
            int p = page == null ? 1 : page;
            int s = size == null ? DEFAULT_SIZE : size;
            if (p < 1) {
                throw new ApiErrors.BadRequest("Номер страницы (page) начинается с 1.");
            }
            if (s < 1 || s > MAX_SIZE) {
                throw new ApiErrors.BadRequest("Размер страницы (size) — от 1 до " + MAX_SIZE + ".");
            }
            return new Paging(p, s);
        }

        static Paging download() {
            return new Paging(1, MAX_DOWNLOAD);
        }
    }

    /** Reads a list: the page asked for, or everything for a download. */
    public interface Source<T> {
        List<T> rows(Paging paging);
    }

    /** The format a request asks for: {@code csv}, {@code xlsx} or {@code json}. */
    static String format(HttpServletRequest request, String format) {
        if (format != null && !format.isBlank()) {
            String f = format.strip().toLowerCase(java.util.Locale.ROOT);
            if (!List.of("csv", "xlsx", "json").contains(f)) {
                throw new ApiErrors.BadRequest("Формат (format) — json, csv или xlsx.");
            }
            return f;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/csv") ? "csv" : "json";
    }

    private final HttpServletRequest request;
    private final String format;

    private ApiList(HttpServletRequest request, String format) {
        this.request = request;
        this.format = format;
    }

    public static ApiList answer(HttpServletRequest request, String format) {
        return new ApiList(request, format);
    }

    /** Whether the request asks for JSON (not a download). */
    public boolean json() {
        return format(request, format).equals("json");
    }

    /**
     * The answer for a list: JSON page, CSV, or xlsx when {@code xlsx} is true.
     *
     * @param total how many rows the whole list has (within the caller's territory)
     */
    public <T> ResponseEntity<?> list(String name, Integer page, Integer size, long total, Source<T> source,
                                      List<Column<T>> columns, boolean xlsx) {
        String f = format(request, format);
        if (f.equals("json")) {
            Paging paging = Paging.of(page, size);
            return ResponseEntity.ok(new Page<>(source.rows(paging), paging.page(), paging.size(), total));
        }
        if (f.equals("xlsx") && !xlsx) {
            throw new ApiErrors.BadRequest("Этот список выгружается в CSV (format=csv); xlsx — только таблица зон риска.");
        }
        List<T> rows = source.rows(Paging.download());
        byte[] body = f.equals("csv") ? csv(rows, columns) : xlsx(name, rows, columns);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "." + f, StandardCharsets.UTF_8).build().toString())
                .contentType(f.equals("csv") ? CSV : XLSX).body(body);
    }

    /** UTF-8 with BOM, «;»: as Russian Excel opens it (like the audit export). */
    static <T> byte[] csv(List<T> rows, List<Column<T>> columns) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, columns.stream().map(Column::title).toList());
        for (T row : rows) {
            line(out, columns.stream().map(c -> text(c.value().apply(row))).toList());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        List<String> safe = new ArrayList<>();
        for (String c : cells) {
            String v = SpreadsheetSafe.csvField(c);
            safe.add(v.matches("(?s).*[;\"\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        out.append(String.join(";", safe)).append("\r\n");
    }

    /**
     * A cell as Russian Excel reads it: a fractional number with a decimal comma (with a point and «;» as the
     * separator Excel takes «2.5» for text or a date), every digit kept; NaN and infinities as empty cells.
     */
    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString().replace('.', ',') : "";
        }
        if (v instanceof java.math.BigDecimal b) {
            return b.stripTrailingZeros().toPlainString().replace('.', ',');
        }
        return v.toString();
    }

    static <T> byte[] xlsx(String name, List<T> rows, List<Column<T>> columns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "msoko", "1.0")) {
            Worksheet ws = wb.newWorksheet(name.length() > 31 ? name.substring(0, 31) : name);
            for (int c = 0; c < columns.size(); c++) {
                ws.value(0, c, columns.get(c).title());
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < columns.size(); c++) {
                    Object v = columns.get(c).value().apply(rows.get(r));
                    if (v instanceof Number n) {
                        ws.value(r + 1, c, n);
                    } else if (v != null) {
                        ws.value(r + 1, c, SpreadsheetSafe.text(v.toString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
