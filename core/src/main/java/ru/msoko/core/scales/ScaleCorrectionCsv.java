package ru.msoko.core.scales;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import ru.msoko.core.canonical.CsvTable;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.domain.ProcedureKind;

/**
 * Reads confirmed scale corrections: {@code year, grade, subject, mark, from, to, confirmed_by, reason},
 * optionally {@code procedure} and {@code variant}. Example: the ВПР 2021 geography-8 «5» printed as 35–40
 * becomes 36–40, confirmed by a named person with the reason.
 */
public final class ScaleCorrectionCsv {

    private static final List<String> REQUIRED = List.of("year", "grade", "subject", "mark", "from", "to",
            "confirmed_by", "reason");

    /** What was read; the corrections are valid only when there are no problems. */
    public record Summary(List<ScaleCorrection> corrections, Problems problems) {
    }

    private final Function<String, Optional<String>> subjectCodes;

    public ScaleCorrectionCsv(Function<String, Optional<String>> subjectCodes) {
        this.subjectCodes = subjectCodes;
    }

    /** Whether a header (lower case) is this layout. */
    public static boolean recognises(List<String> header) {
        return header.containsAll(REQUIRED);
    }

    public Summary read(Path path, String fileName, int problemLimit) throws IOException {
        Problems problems = new Problems(problemLimit);
        List<ScaleCorrection> corrections = new ArrayList<>();
        try (CsvTable table = CsvTable.open(path, fileName)) {
            CsvRow row = new CsvRow(table, REQUIRED, problems);
            while (row.next()) {
                ProcedureKind kind = row.kind();
                Integer year = row.integer("year");
                Integer grade = row.integer("grade");
                String subject = row.subject(subjectCodes);
                Integer mark = row.integer("mark");
                Integer from = row.integer("from");
                Integer to = row.integer("to");
                if (row.failed()) {
                    continue;
                }
                try {
                    corrections.add(new ScaleCorrection(kind, year, subject, grade, row.text("variant"), mark, from, to,
                            row.text("confirmed_by"), row.text("reason")));
                } catch (IllegalArgumentException e) {
                    row.fail(row.text("confirmed_by").isEmpty() ? "confirmed_by" : "reason", e.getMessage());
                }
            }
        }
        return new Summary(corrections, problems);
    }
}
