package ru.msoko.core.objectivity;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.msoko.core.text.SpreadsheetSafe;

/**
 * Writes a run as DESIGN §5 says: {@code signs.csv} and {@code risk.csv}, plus {@code bunching.csv}
 * (region/municipality estimates) and {@code run.properties} (method version and every setting, so the
 * numbers can be reproduced). UTF-8 with a byte-order mark so that Excel shows Cyrillic; {@code ;} as
 * separator; numbers with a decimal point (a machine contract); every field goes through
 * {@link SpreadsheetSafe#csvField}, so a text that begins like a formula (a school name from the user's
 * directory, say) gets a leading apostrophe while numbers stay numbers.
 */
public final class AnalysisWriter {

    public static final List<String> SIGN_COLUMNS = List.of("school_code", "year", "procedure", "subject", "grade", "sign",
            "class", "value", "threshold", "p_value", "q_value", "n", "counted", "evidence", "explanation");
    public static final List<String> RISK_COLUMNS = List.of("school_code", "year", "zone", "score", "signs", "explanation",
            "school_name", "municipality_code", "procedures", "internal_assessment", "history", "official", "reconciliation");
    public static final List<String> BUNCHING_COLUMNS = List.of("procedure", "year", "subject", "grade", "area", "mark",
            "threshold", "works", "counts", "expected", "missing_mass", "excess_mass", "share_manipulated", "share_low",
            "share_high");

    private AnalysisWriter() {
    }

    public static void write(AnalysisResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        writeCsv(dir.resolve("signs.csv"), SIGN_COLUMNS, rows(result.signs(), AnalysisWriter::signRow));
        writeCsv(dir.resolve("risk.csv"), RISK_COLUMNS, rows(result.risk(), AnalysisWriter::riskRow));
        writeCsv(dir.resolve("bunching.csv"), BUNCHING_COLUMNS, rows(result.bunching(), AnalysisWriter::bunchingRow));
        writeRun(result, dir.resolve("run.properties"));
    }

    private static List<String> signRow(Sign s) {
        return List.of(text(s.schoolCode()), String.valueOf(s.year()), text(s.procedure()), text(s.subject()),
                s.grade() == 0 ? "" : String.valueOf(s.grade()), s.code().name(), s.markerClass().name().toLowerCase(Locale.ROOT),
                number(s.value()), number(s.threshold()), number(s.pValue()), number(s.qValue()), String.valueOf(s.n()),
                s.counted() ? "1" : "0", text(s.evidence()), text(s.explanation()));
    }

    private static List<String> riskRow(RiskAssessment r) {
        return List.of(text(r.schoolCode()), String.valueOf(r.year()), r.zone().code(), number(r.score()),
                String.join("|", r.signs().stream().map(Enum::name).toList()), text(r.explanation()), text(r.schoolName()),
                text(r.municipalityCode()), text(String.join("|", r.procedures())), text(r.internalAssessment()),
                r.history(), r.official() == null ? "" : r.official() ? "1" : "0", r.reconciliation());
    }

    private static List<String> bunchingRow(BunchingRow b) {
        return List.of(text(b.procedure()), String.valueOf(b.year()), text(b.subject()), String.valueOf(b.grade()),
                text(b.area()), String.valueOf(b.mark()), String.valueOf(b.threshold()), String.valueOf(b.works()),
                Evidence.format(toInt(b.counts())), Evidence.format(b.counterfactual()), number(b.missingMass()),
                number(b.excessMass()), number(b.shareManipulated()), number(b.shareLow()), number(b.shareHigh()));
    }

    private static int[] toInt(long[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    private static <T> List<List<String>> rows(List<T> items, java.util.function.Function<T, List<String>> row) {
        List<List<String>> out = new ArrayList<>(items.size());
        items.forEach(i -> out.add(row.apply(i)));
        return out;
    }

    private static void writeCsv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        // an OutputStreamWriter writes an unpaired surrogate in a text as «?»; Files.newBufferedWriter refuses it and
        // the whole run's output failed (found by ExportInjectionFuzzTest)
        try (Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8));
             CsvWriter csv = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.LF).build(w)) {
            w.write('\uFEFF');
            csv.writeRecord(header);
            for (List<String> r : rows) {
                csv.writeRecord(r.stream().map(SpreadsheetSafe::csvField).toList());
            }
        }
    }

    private static void writeRun(AnalysisResult result, Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# msoko objectivity analysis run\n");
        sb.append("method.version=").append(result.methodVersion()).append('\n');
        sb.append("years=").append(String.join(",", result.years().stream().sorted().map(String::valueOf).toList())).append('\n');
        sb.append("results=").append(result.results()).append('\n');
        for (Map.Entry<String, Double> e : result.settings().asMap().entrySet()) {
            sb.append("setting.").append(e.getKey()).append('=').append(number(e.getValue())).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    /** A text field, {@code null} as empty; neutralised with every other field in {@link #writeCsv}. */
    static String text(String v) {
        return v == null ? "" : v;
    }
}
