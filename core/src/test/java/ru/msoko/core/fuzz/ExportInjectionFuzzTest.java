package ru.msoko.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import ru.msoko.core.objectivity.AnalysisResult;
import ru.msoko.core.objectivity.AnalysisWriter;
import ru.msoko.core.objectivity.BunchingRow;
import ru.msoko.core.objectivity.ObjectivitySettings;
import ru.msoko.core.objectivity.RiskAssessment;
import ru.msoko.core.objectivity.Sign;
import ru.msoko.core.objectivity.SignCode;
import ru.msoko.core.objectivity.Zone;
import ru.msoko.core.text.SpreadsheetSafe;

/**
 * Formula injection through the analysis files (issue #6) as a property: whatever texts a run carries — school names,
 * codes, explanations, subjects, areas, many beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return — no field of signs.csv, risk.csv or bunching.csv begins like a formula unless it is a plain
 * number, and every text comes back whole, with at most the apostrophe of {@link SpreadsheetSafe} in front.
 */
@AddLifecycleHook(value = FuzzTries.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class ExportInjectionFuzzTest {

    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    @Property(tries = 200)
    void noFieldOfTheAnalysisFilesBeginsLikeAFormula(@ForAll("texts") List<String> texts) throws IOException {
        Path dir = Files.createTempDirectory("msoko-fuzz-export-");
        String t0 = texts.get(0);
        String t1 = texts.get(1);
        String t2 = texts.get(2);
        String t3 = texts.get(3);
        AnalysisResult result = new AnalysisResult("fuzz", ObjectivitySettings.defaults(), List.of(2025),
                List.of(new Sign(t0, 2025, t1, t2, 5, SignCode.values()[0], 12, -0.25, 1.5, 0.01, 0.02, true, t3, t0)),
                List.of(new RiskAssessment(t1, t2, t3, 2025, Zone.RED, -1.5, List.of(SignCode.values()[0]), List.of(t0, t1),
                        t2, t3, t0, Boolean.TRUE, t1)),
                List.of(new BunchingRow(t2, 2025, t3, 5, t0, 3, 10, 40, new long[] {1, 2}, new double[] {1.5, -2},
                        -0.5, 0.5, 0.1, 0.2, 0.3)), 1);

        AnalysisWriter.write(result, dir);

        for (String file : List.of("signs.csv", "risk.csv", "bunching.csv")) {
            List<String> fields = fields(dir.resolve(file));
            assertThat(fields).as(file).allSatisfy(f -> assertThat(f.isEmpty() || NUMBER.matcher(f).matches()
                    || !risky(f.charAt(0))).as("«%s» in %s", f, file).isTrue());
        }
        List<String> risk = fields(dir.resolve("risk.csv"));
        // an unpaired surrogate is written as «?», as String.getBytes does
        String name = new String(SpreadsheetSafe.csvField(t2).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(risk).as("the school name comes back whole").contains(name);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    private static boolean risky(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    private static List<String> fields(Path file) throws IOException {
        try (CsvReader<CsvRecord> r = CsvReader.builder().fieldSeparator(';').ofCsvRecord(file)) {
            return r.stream().skip(1).flatMap(rec -> rec.getFields().stream()).toList();
        }
    }

    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<String> start = Arbitraries.of("=", "+", "-", "@", "\t", "\r", "'", " ", "", "1", "-1", "=-", "\uD800");
        Arbitrary<String> rest = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("1+2", "SUM(A1:A9)", "HYPERLINK(\"http://x\",\"y\")", "cmd|' /C calc'!A0",
                        "<script>alert(1)</script>", "МБОУ \"СОШ № 1\"", "0.25", "5", "", ";", "\"")),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30)));
        return Combinators.combine(start, rest).as((s, r) -> s + r).list().ofSize(4);
    }
}
