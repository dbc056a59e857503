package ru.msoko.app.charts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import ru.msoko.app.api.ApiList;
import ru.msoko.app.api.ApiList.Column;

/**
 * The answer of a chart endpoint: the {@link ChartModel} as JSON, or its data table as a download
 * ({@code ?format=xlsx} or {@code csv}) through {@link ApiList}, so that every text cell passes the same
 * formula-injection guard (core.text.SpreadsheetSafe) as the other downloads and numbers stay numeric cells.
 */
public final class ChartDownload {

    private ChartDownload() {
    }

    public static ResponseEntity<?> answer(HttpServletRequest request, String format, ChartModel chart) {
        ApiList answer = ApiList.answer(request, format);
        if (answer.json()) {
            return ResponseEntity.ok(chart);
        }
        List<List<Object>> rows = chart.table().rows();
        return answer.list(chart.file(), null, null, rows.size(), p -> rows, columns(chart.table()), true);
    }

    /** The download's columns: shares become per cent (0.9 → 90, the header says «%»), the rest as they are. */
    static List<Column<List<Object>>> columns(ChartModel.Table table) {
        List<Column<List<Object>>> columns = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            int c = i;
            ChartModel.Column col = table.columns().get(c);
            columns.add(col.format() == ChartModel.Format.PERCENT
                    ? Column.of(col.title() + ", %", row -> percent(row.get(c)))
                    : Column.of(col.title(), row -> row.get(c)));
        }
        return columns;
    }

    /** A share as per cent with two decimals (0.9 → 90.0, not 90.00000000000001). */
    private static Object percent(Object v) {
        return v instanceof Number n && !Double.isNaN(n.doubleValue()) ? Math.round(n.doubleValue() * 10_000) / 100.0 : v;
    }
}
