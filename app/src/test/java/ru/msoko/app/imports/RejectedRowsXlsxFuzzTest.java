package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.text.SpreadsheetSafe;

/**
 * Formula injection through the rejected-rows workbook (issue #6) as a property: whatever the file name, sheet names,
 * column headers and messages of the problems — many beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab
 * or a carriage return — no text cell of the workbook begins like a formula, every text comes back as
 * {@link SpreadsheetSafe#text} made it, and the row numbers stay numeric cells.
 */
@AddLifecycleHook(value = FuzzTries.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class RejectedRowsXlsxFuzzTest {

    @Property(tries = 100)
    void noTextCellOfTheRejectedRowsWorkbookBeginsLikeAFormula(@ForAll("texts") String fileName,
                                                                 @ForAll("problems") List<Problem> problems)
            throws IOException {
        var rejection = new ImportLog.Rejection(1, fileName, null, null, "fuzz", OffsetDateTime.now(), problems.size(), 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        RejectedRowsXlsx.write(rejection, problems, out);

        List<String> texts = new ArrayList<>();
        List<Row> rows;
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            rows = wb.getFirstSheet().read();
        }
        for (Row row : rows) {
            for (Cell cell : row) {
                if (cell != null && cell.getType() == CellType.STRING) {
                    texts.add(cell.asString());
                }
            }
        }
        assertThat(texts).allSatisfy(t -> assertThat(t.isEmpty() || !risky(t.charAt(0))).as("«%s»", t).isTrue());
        java.util.Map<Integer, Row> byNumber = new java.util.HashMap<>();
        rows.forEach(r -> byNumber.put(r.getRowNum(), r));
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            Row row = byNumber.get(6 + i); // 1-based: three lines of title, a blank one, the header, then the problems
            assertThat(row.getCell(4).asString()).isEqualTo(SpreadsheetSafe.text(p.message()));
            if (p.row() > 0) {
                assertThat(row.getCell(2).getType()).isEqualTo(CellType.NUMBER);
                assertThat(row.getCell(2).asNumber().longValue()).isEqualTo(p.row());
            }
        }
    }

    private static boolean risky(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> start = Arbitraries.of("=", "+", "-", "@", "\t", "\r", "'", " ", "", "=-");
        Arbitrary<String> rest = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("1+2", "SUM(A1:A9)", "HYPERLINK(\"http://x\",\"y\")", "cmd|' /C calc'!A0",
                        "<script>alert(1)</script>", "балл 7 больше максимума", "Протокол", "1 (1б)")),
                Tuple.of(1, Arbitraries.strings().withCharRange(' ', 'я').ofMaxLength(30)));
        return Combinators.combine(start, rest).as((s, r) -> s + r).filter(s -> !s.isEmpty());
    }

    @Provide
    Arbitrary<List<Problem>> problems() {
        Arbitrary<String> text = texts();
        return Combinators.combine(text, text.injectNull(0.3), Arbitraries.longs().between(0, 100_000),
                text.injectNull(0.3), text)
                .as(Problem::new).list().ofMinSize(1).ofMaxSize(8);
    }
}
