package ru.msoko.core.objectivity;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.demo.DemoRegionGenerator;
import ru.msoko.core.demo.DemoSettings;

/**
 * Formula injection through the analysis files: school names from the user's directory that begin like a
 * formula come out of {@code risk.csv} with a leading apostrophe, while negative numbers stay numbers.
 */
class AnalysisWriterInjectionTest {

    private static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
    private static final String SUM = "@SUM(1)";

    @TempDir
    static Path input;
    @TempDir
    static Path out;
    static List<String> codes = new ArrayList<>();
    static AnalysisResult result;

    @BeforeAll
    static void analyseARegionWithHostileNames() throws Exception {
        Path schools = new DemoRegionGenerator(DemoSettings.standard().withSchools(20)).writeTo(input).schoolsFile();
        List<String> lines = new ArrayList<>(Files.readAllLines(schools, StandardCharsets.UTF_8));
        rename(lines, 1, "\"" + HYPERLINK.replace("\"", "\"\"") + "\"");
        rename(lines, 2, SUM);
        Files.write(schools, lines, StandardCharsets.UTF_8);
        InputFolder.Contents contents = InputFolder.read(input);
        result = new ObjectivityEngine(ObjectivitySettings.defaults()).analyse(contents.data(), List.of());
        AnalysisWriter.write(result, out);
    }

    /** Replaces the name (second field, maybe quoted) of a line of schools.csv and remembers the school code. */
    private static void rename(List<String> lines, int i, String csvName) {
        Matcher m = java.util.regex.Pattern.compile("^([^;]*);(\"(?:[^\"]|\"\")*\"|[^;]*);").matcher(lines.get(i));
        assertThat(m.find()).isTrue();
        codes.add(m.group(1));
        lines.set(i, m.group(1) + ";" + csvName + ";" + lines.get(i).substring(m.end()));
    }

    private static List<CsvRecord> read(String file) throws Exception {
        return read(out.resolve(file));
    }

    private static List<CsvRecord> read(Path file) throws Exception {
        try (CsvReader<CsvRecord> r = CsvReader.builder().fieldSeparator(';').ofCsvRecord(file)) {
            return r.stream().toList();
        }
    }

    @Test
    void theHostileNamesComeOutNeutralisedInEveryRowOfTheirSchool() throws Exception {
        List<CsvRecord> risk = read("risk.csv");
        int name = risk.get(0).getFields().indexOf("school_name");
        List<String> first = risk.stream().filter(r -> r.getField(0).equals(codes.get(0))).map(r -> r.getField(name)).toList();
        List<String> second = risk.stream().filter(r -> r.getField(0).equals(codes.get(1))).map(r -> r.getField(name)).toList();
        // every demo school has results in every year, so each has at least one row of risk.csv
        assertThat(first).isNotEmpty().containsOnly("'" + HYPERLINK);
        assertThat(second).isNotEmpty().containsOnly("'" + SUM);
        // as text: the CSV quoting of the quotes inside, after the apostrophe
        assertThat(Files.readString(out.resolve("risk.csv"))).contains(";\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";")
                .doesNotContain(";" + SUM);
    }

    @Test
    void noFieldOfAnyFileBeginsLikeAFormulaUnlessItIsANumber() throws Exception {
        long negativeNumbers = 0;
        for (String file : List.of("signs.csv", "risk.csv", "bunching.csv")) {
            for (CsvRecord r : read(file)) {
                for (String f : r.getFields()) {
                    boolean risky = !f.isEmpty() && "=+-@\t\r".indexOf(f.charAt(0)) >= 0;
                    if (risky) {
                        assertThat(f).as(file + " line " + r.getStartingLineNumber()).matches("-\\d+(\\.\\d+)?(e-?\\d+)?");
                        negativeNumbers++;
                    }
                }
            }
        }
        // the demo region happens to give no negative number; the next test writes one on purpose
        assertThat(negativeNumbers).isZero();
    }

    @Test
    void aNegativeNumberStaysANumberWhileTextNextToItIsNeutralised(@TempDir Path again) throws Exception {
        Sign s = result.signs().get(0);
        Sign hostile = new Sign(s.schoolCode(), s.year(), "=1+1", s.subject(), s.grade(), s.code(), s.n(), -0.25,
                -3, s.pValue(), s.qValue(), s.counted(), "-2+3", "@SUM(1)");
        AnalysisWriter.write(new AnalysisResult(result.methodVersion(), result.settings(), result.years(), List.of(hostile),
                List.of(), List.of(), result.results()), again);

        CsvRecord row = read(again.resolve("signs.csv")).get(1);
        List<String> header = AnalysisWriter.SIGN_COLUMNS;
        assertThat(row.getField(header.indexOf("value"))).isEqualTo("-0.25");
        assertThat(row.getField(header.indexOf("threshold"))).isEqualTo("-3");
        assertThat(row.getField(header.indexOf("procedure"))).isEqualTo("'=1+1");
        assertThat(row.getField(header.indexOf("evidence"))).isEqualTo("'-2+3");
        assertThat(row.getField(header.indexOf("explanation"))).isEqualTo("'@SUM(1)");
    }
}
