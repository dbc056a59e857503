package ru.msoko.core.scales;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import ru.msoko.core.canonical.CsvTable;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.domain.ProcedureKind;

/**
 * Reads mark scales from the layout of {@code vpr-2021-mark-scales.csv}: {@code year, grade, subject,
 * max_primary, mark2_from, mark2_to, …, mark5_to, source, note}, optionally {@code procedure} (ВПР by default)
 * and {@code variant}. Confirmed corrections are applied to their band before the scale is checked.
 */
public final class MarkScaleCsv {

    private static final int[] MARKS = {2, 3, 4, 5};
    private static final List<String> REQUIRED = List.of("year", "grade", "subject", "mark2_from", "mark2_to",
            "mark3_from", "mark3_to", "mark4_from", "mark4_to", "mark5_from", "mark5_to");

    /** What was read; the scales are valid only when there are no problems. */
    public record Summary(List<MarkScale> scales, Problems problems) {
    }

    private final Function<String, Optional<String>> subjectCodes;
    private final List<ScaleCorrection> corrections;

    /**
     * @param subjectCodes subject name or code → the directory's subject code
     * @param corrections confirmed corrections to apply
     */
    public MarkScaleCsv(Function<String, Optional<String>> subjectCodes, List<ScaleCorrection> corrections) {
        this.subjectCodes = subjectCodes;
        this.corrections = List.copyOf(corrections);
    }

    /** Whether a header (lower case) is this layout. */
    public static boolean recognises(List<String> header) {
        return header.containsAll(REQUIRED);
    }

    public Summary read(Path path, String fileName, int problemLimit) throws IOException {
        Problems problems = new Problems(problemLimit);
        List<MarkScale> scales = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        try (CsvTable table = CsvTable.open(path, fileName)) {
            CsvRow row = new CsvRow(table, REQUIRED, problems);
            while (row.next()) {
                MarkScale scale = scale(row);
                if (scale == null) {
                    continue;
                }
                String key = scale.key() + "|" + scale.variant();
                Long earlier = seen.putIfAbsent(key, row.line());
                if (earlier != null) {
                    row.fail("subject", "шкала этой работы уже есть в файле (строка " + earlier + ")");
                } else {
                    scales.add(scale);
                }
            }
        }
        return new Summary(scales, problems);
    }

    private MarkScale scale(CsvRow row) {
        ProcedureKind kind = row.kind();
        Integer year = row.integer("year");
        Integer grade = row.integer("grade");
        String subject = row.subject(subjectCodes);
        String variant = row.text("variant");
        List<MarkScale.Band> bands = new ArrayList<>();
        for (int mark : MARKS) {
            Integer from = row.integer("mark" + mark + "_from");
            Integer to = row.integer("mark" + mark + "_to");
            if (from != null && to != null) {
                bands.add(new MarkScale.Band(mark, from, to));
            }
        }
        if (row.failed()) {
            return null;
        }
        List<String> notes = new ArrayList<>();
        if (!row.text("note").isEmpty()) {
            notes.add(row.text("note"));
        }
        for (ScaleCorrection c : corrections) {
            if (c.appliesTo(kind, year, subject, grade, variant)) {
                bands.stream().filter(b -> b.mark() == c.mark()).findFirst().ifPresent(b -> {
                    notes.add(c.describe(b));
                    bands.set(bands.indexOf(b), new MarkScale.Band(c.mark(), c.from(), c.to()));
                });
            }
        }
        String title = "шкала " + kind.code() + " " + year + ", " + row.text("subject") + ", " + grade + " класс"
                + (variant.isEmpty() ? "" : ", вариант " + variant) + ": ";
        for (MarkScale.BandProblem p : MarkScale.check(bands)) {
            row.fail("mark" + p.mark() + "_from", title + p.message());
        }
        if (row.failed()) {
            return null;
        }
        MarkScale scale = new MarkScale(kind, year, subject, grade, variant, bands, row.text("source"),
                String.join("; ", notes));
        String max = row.text("max_primary");
        if (!max.isEmpty() && !max.equals(String.valueOf(scale.maxPrimary()))) {
            row.fail("max_primary", title + "максимальный балл " + max + " не совпадает с концом отметки «5» ("
                    + scale.maxPrimary() + ")");
            return null;
        }
        return scale;
    }
}
