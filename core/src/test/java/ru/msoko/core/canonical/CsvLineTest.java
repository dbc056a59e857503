package ru.msoko.core.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvLine} (our record, built by {@link LineHandler}) against FastCSV's own {@link CsvRecord} on the same
 * text with the reader settings of {@link CsvTable}: the same records, fields and starting lines, or a refusal by
 * both. The text is generated from the characters that make CSV hard (separators, quotes, line breaks of every
 * kind, spaces, Cyrillic letters, digits).
 */
class CsvLineTest {

    private static CsvReader.CsvReaderBuilder settings() {
        return CsvReader.builder().fieldSeparator(';').skipEmptyLines(true).allowExtraFields(true)
                .allowMissingFields(true).detectBomHeader(true);
    }

    /** Each record as «line: field|field|…», or the refusal. */
    private static List<String> ours(String text) {
        List<String> out = new ArrayList<>();
        try (CsvReader<CsvLine> r = settings().build(new LineHandler(), text)) {
            for (CsvLine l : r) {
                out.add(l.getStartingLineNumber() + ": " + String.join("|", l.getFields()));
            }
        } catch (CsvParseException | java.io.IOException e) {
            out.add("refused");
        }
        return out;
    }

    private static List<String> fastCsv(String text) {
        List<String> out = new ArrayList<>();
        try (CsvReader<CsvRecord> r = settings().ofCsvRecord(text)) {
            for (CsvRecord rec : r) {
                out.add(rec.getStartingLineNumber() + ": " + String.join("|", rec.getFields()));
            }
        } catch (CsvParseException | java.io.IOException e) {
            out.add("refused");
        }
        return out;
    }

    @Provide
    Arbitrary<String> csvText() {
        return Arbitraries.of(";", ";", "\"", "\"\"", "\n", "\r\n", "\r", " ", "1", "12", "007", "X", "ВПР", "5А",
                        "ё", "\uFEFF", "a")
                .list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Property(tries = 2000)
    void everyTextGivesTheRecordsFastCsvGives(@ForAll("csvText") String text) {
        assertThat(ours(text)).isEqualTo(fastCsv(text));
    }

    @Property(tries = 500)
    void digitsAreTheNumberOfACellOfOneToNineDigitsAndMinusOneOtherwise(
            @ForAll("csvText") String text) {
        try (CsvReader<CsvLine> r = settings().build(new LineHandler(), text)) {
            for (CsvLine l : r) {
                for (int i = 0; i < l.getFieldCount(); i++) {
                    String f = l.getField(i);
                    int expected = f.matches("[0-9]{1,9}") ? Integer.parseInt(f) : -1;
                    assertThat(l.digits(i)).as("«%s»", f).isEqualTo(expected);
                }
            }
        } catch (CsvParseException | java.io.IOException refused) {
            // a refused text has no records to check; everyTextGivesTheRecordsFastCsvGives compares the refusal
        }
    }

    @Test
    void aRepeatedValueIsTheSameStringAndAChangedOneIsNot() throws Exception {
        // read as the readers read: each line's fields before the next line
        List<String> procedure = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        try (CsvReader<CsvLine> r = settings().build(new LineHandler(), "ВПР;5А;1\nВПР;5Б;2\nВПР;5Б;3\n")) {
            for (CsvLine l : r) {
                procedure.add(l.getField(0));
                classes.add(l.getField(1));
                assertThat(l.digits(2)).isEqualTo(procedure.size());
            }
        }
        assertThat(procedure.get(1)).isSameAs(procedure.get(0));
        assertThat(procedure.get(2)).isSameAs(procedure.get(0));
        assertThat(classes).containsExactly("5А", "5Б", "5Б");
        assertThat(classes.get(1)).isNotSameAs(classes.get(0));
        assertThat(classes.get(2)).isSameAs(classes.get(1));
    }

    @Test
    void aRecordOfTooManyFieldsIsRefusedAsFastCsvRefusesIt() {
        String tooMany = ";".repeat(LineHandler.MAX_FIELDS) + "\n";
        assertThat(ours(tooMany)).containsExactly("refused").isEqualTo(fastCsv(tooMany));
        assertThat(ours(";".repeat(LineHandler.MAX_FIELDS - 1) + "\n")).hasSize(1);
    }

    @Test
    void aFieldPastTheLastIsAnError() throws Exception {
        try (CsvReader<CsvLine> r = settings().build(new LineHandler(), "a;b\n")) {
            CsvLine l = r.iterator().next();
            assertThatThrownBy(() -> l.getField(2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> l.digits(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }
}
