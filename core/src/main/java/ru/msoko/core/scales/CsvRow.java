package ru.msoko.core.scales;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import ru.msoko.core.canonical.CsvLine;
import ru.msoko.core.canonical.CsvTable;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.canonical.Values;
import ru.msoko.core.domain.ProcedureKind;

/** Cells of one row of a CSV file (scales, journals, exam summaries), read by column name; what cannot be read becomes a problem at row and column. */
public final class CsvRow {

    private final CsvTable table;
    private final Problems problems;
    private CsvLine rec;
    private boolean failed;

    public CsvRow(CsvTable table, List<String> required, Problems problems) {
        this.table = table;
        this.problems = problems;
        List<Problem> missing = required.stream().filter(c -> table.column(c) < 0)
                .map(c -> new Problem(table.fileName(), null, 1, null, "нет обязательного столбца «" + c + "»")).toList();
        if (!missing.isEmpty()) {
            throw new InputException(missing);
        }
    }

    /** Moves to the next record; {@code false} at the end. */
    public boolean next() {
        rec = table.next();
        failed = false;
        return rec != null;
    }

    public long line() {
        return rec.getStartingLineNumber();
    }

    public boolean failed() {
        return failed;
    }

    public String text(String column) {
        int i = table.column(column);
        return i < 0 || i >= rec.getFieldCount() ? "" : rec.getField(i).trim();
    }

    public Integer integer(String column) {
        Integer v = optionalInteger(column);
        if (v == null && text(column).isEmpty()) {
            fail(column, "не заполнено");
        }
        return v;
    }

    /** A whole number, {@code null} when the cell is empty or not a number (then a problem). */
    public Integer optionalInteger(String column) {
        try {
            return Values.integer(text(column), "целое число");
        } catch (IllegalArgumentException e) {
            fail(column, e.getMessage());
            return null;
        }
    }

    /** The optional column «procedure»; ВПР when there is none. */
    ProcedureKind kind() {
        String v = text("procedure");
        if (v.isEmpty()) {
            return ProcedureKind.VPR;
        }
        return ProcedureKind.fromCode(v).orElseGet(() -> {
            fail("procedure", "неизвестная процедура «" + v + "»");
            return null;
        });
    }

    String subject(Function<String, Optional<String>> subjectCodes) {
        String v = text("subject");
        return subjectCodes.apply(v).orElseGet(() -> {
            fail("subject", "предмет «" + v + "» не найден в справочнике предметов");
            return null;
        });
    }

    public void fail(String column, String message) {
        failed = true;
        problems.add(new Problem(table.fileName(), null, line(), column, message));
    }
}
