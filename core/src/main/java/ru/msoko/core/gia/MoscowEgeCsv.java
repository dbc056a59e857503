package ru.msoko.core.gia;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.msoko.core.canonical.CsvTable;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.canonical.SchoolYears;
import ru.msoko.core.scales.CsvRow;

/**
 * The Moscow open data set «Результаты ЕГЭ» by school (data-formats §5, §6 #11; the real file is
 * {@code data-9722-2016-10-31.csv}): one row per school and school year with its ОГРН, administrative okrug, the
 * number of graduates who sat the ЕГЭ and how many scored at least 220 and at least 160 points over three subjects.
 * Quirks (SOURCE.md of the data set): every field quoted, {@code ;} separated, a trailing {@code ;} on every line
 * (an empty 14th column), a nested {@code {global_id=…, value=…}} in LINK (ignored); the column
 * {@code PASSER_UNDER_160} counts those with <b>at least</b> 160 points despite its name (in all 626 rows
 * {@code PASSES_OVER_220 ≤ PASSER_UNDER_160 ≤ PASSED_NUMBER_FULL}), so a row breaking that order is rejected
 * rather than stored under the wrong meaning. Columns are found by meaning, so the Russian headers of the portal's
 * other export («ОГРН», «… не менее 220 баллов …») are read too.
 */
public final class MoscowEgeCsv {

    /** What a column means. */
    enum Meaning { OGRN, NAME, OKRUG, PARTICIPANTS, AT_LEAST_220, AT_LEAST_160, YEAR }

    private MoscowEgeCsv() {
    }

    /** Whether a CSV header (names as written) is this layout: an ОГРН, the number who sat the ЕГЭ and a 220/160 count. */
    public static boolean recognises(List<String> header) {
        Map<Meaning, String> c = columns(header);
        return c.containsKey(Meaning.OGRN) && c.containsKey(Meaning.PARTICIPANTS)
                && (c.containsKey(Meaning.AT_LEAST_220) || c.containsKey(Meaning.AT_LEAST_160));
    }

    static Map<Meaning, String> columns(List<String> header) {
        Map<Meaning, String> out = new EnumMap<>(Meaning.class);
        for (String h : header) {
            meaning(h.toLowerCase(Locale.ROOT).replace('ё', 'е').trim()).ifPresent(m -> out.putIfAbsent(m, h));
        }
        return out;
    }

    private static java.util.Optional<Meaning> meaning(String h) {
        Meaning m = null;
        if (h.equals("ogrn") || h.equals("огрн")) {
            m = Meaning.OGRN;
        } else if (h.contains("220")) {
            m = Meaning.AT_LEAST_220;
        } else if (h.contains("160")) {
            m = Meaning.AT_LEAST_160;
        } else if (h.equals("passed_number_full") || h.contains("сдава")) {
            m = Meaning.PARTICIPANTS;
        } else if (h.equals("edu_name") || h.contains("наименование")) {
            m = Meaning.NAME;
        } else if (h.equals("admarea") || h.contains("административный округ")) {
            m = Meaning.OKRUG;
        } else if (h.equals("year") || h.contains("учебный год")) {
            m = Meaning.YEAR;
        }
        return java.util.Optional.ofNullable(m);
    }

    /** @throws InputException when a needed column is missing */
    public static ExamSchoolSummary.Summary read(Path path, String fileName, int problemLimit) throws IOException {
        try (CsvTable table = CsvTable.open(path, fileName)) {
            Map<Meaning, String> c = columns(table.header());
            List<String> missing = new ArrayList<>();
            for (Meaning m : List.of(Meaning.OGRN, Meaning.PARTICIPANTS, Meaning.YEAR)) {
                if (!c.containsKey(m)) {
                    missing.add(switch (m) {
                        case OGRN -> "OGRN (ОГРН)";
                        case PARTICIPANTS -> "PASSED_NUMBER_FULL (число сдававших ЕГЭ)";
                        default -> "YEAR (учебный год)";
                    });
                }
            }
            if (!missing.isEmpty()) {
                throw new InputException(new Problem(fileName, null, 1, null, "нет столбцов " + String.join(", ", missing)));
            }
            Problems problems = new Problems(problemLimit);
            CsvRow row = new CsvRow(table, List.of(), problems);
            List<ExamSchoolSummary.SchoolRow> rows = new ArrayList<>();
            Map<String, Long> seen = new HashMap<>();
            while (row.next()) {
                ExamSchoolSummary.SchoolRow r = row(row, c);
                if (r == null) {
                    continue;
                }
                Long earlier = seen.putIfAbsent(r.identifier() + "|" + r.year(), r.row());
                if (earlier != null) {
                    row.fail(c.get(Meaning.OGRN), "ОО с ОГРН «" + r.identifier() + "» за " + r.year()
                            + " год уже есть в строке " + earlier);
                } else {
                    rows.add(r);
                }
            }
            List<Problem> all = new ArrayList<>(problems.list());
            return new ExamSchoolSummary.Summary(null, 0, rows, all, List.of());
        }
    }

    private static ExamSchoolSummary.SchoolRow row(CsvRow row, Map<Meaning, String> c) {
        String ogrn = row.text(c.get(Meaning.OGRN));
        if (ogrn.isEmpty()) {
            row.fail(c.get(Meaning.OGRN), "не заполнен ОГРН — ОО не определить");
        }
        Integer year = null;
        try {
            year = SchoolYears.endYear(row.text(c.get(Meaning.YEAR)));
        } catch (IllegalArgumentException e) {
            row.fail(c.get(Meaning.YEAR), e.getMessage());
        }
        Integer sat = row.integer(c.get(Meaning.PARTICIPANTS));
        Integer over220 = optional(row, c.get(Meaning.AT_LEAST_220));
        Integer over160 = optional(row, c.get(Meaning.AT_LEAST_160));
        if (row.failed()) {
            return null;
        }
        orderOf(row, c, sat, over160, over220);
        if (row.failed()) {
            return null;
        }
        String name = c.containsKey(Meaning.NAME) ? row.text(c.get(Meaning.NAME)) : "";
        String okrug = c.containsKey(Meaning.OKRUG) ? row.text(c.get(Meaning.OKRUG)) : "";
        return new ExamSchoolSummary.SchoolRow(row.line(), c.get(Meaning.OGRN), ogrn, name.isEmpty() ? ogrn : name,
                okrug, year, null, new ExamSchoolSummary.Measures(null, null, sat, null, null, null, null, over160,
                over220));
    }

    private static Integer optional(CsvRow row, String column) {
        return column == null ? null : row.integer(column);
    }

    /** ≥ 220 ≤ ≥ 160 ≤ all who sat: what the misnamed column means (SOURCE.md of the data set). */
    private static void orderOf(CsvRow row, Map<Meaning, String> c, int sat, Integer over160, Integer over220) {
        if (over160 != null && over160 > sat) {
            row.fail(c.get(Meaning.AT_LEAST_160), "набравших не менее 160 баллов (" + over160
                    + ") больше, чем сдававших ЕГЭ (" + sat + ")");
        }
        Integer upper = over160 != null ? over160 : Integer.valueOf(sat);
        if (over220 != null && over220 > upper) {
            row.fail(c.get(Meaning.AT_LEAST_220), "набравших не менее 220 баллов (" + over220 + ") больше, чем "
                    + (over160 != null ? "набравших не менее 160 (" : "сдававших ЕГЭ (") + upper + ")");
        }
    }
}
