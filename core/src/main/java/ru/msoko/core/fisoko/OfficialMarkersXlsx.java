package ru.msoko.core.fisoko;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.objectivity.OfficialMarker;

/**
 * The ФИС ОКО lists of schools with signs of non-objective ВПР results («ОО с признаками необъективности»,
 * data-formats §1; the real layout is the Dagestan {@code bias.xlsx}: one row per school and year, login,
 * municipality, name, marker columns {@code 4 РУ}, {@code 4 МА}, {@code 5 РУ}, {@code 5 МА} with 1 = marker,
 * and «Количество маркеров»). Recognised by its header on any sheet (the real sheet name has a trailing
 * space); the year comes from a «Год» column or, failing that, from the file name.
 */
public final class OfficialMarkersXlsx {

    private static final Pattern MARKER = Pattern.compile("^(\\d{1,2})\\s*(РУ|МА|[А-ЯЁ]{2,4})$");
    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)");

    /** A listed school that the directory does not know, with what the file says about it. */
    public record UnknownSchool(long row, String login, String name, String municipality, int year) {
    }

    /**
     * What was read.
     *
     * @param markers one per school and year; a school listed again in the same year is merged into it
     * @param repeated rows that repeated a school and year already read (the real 2024 list holds every
     *                 school twice, from two copies of the same source file)
     */
    public record Summary(String sheet, List<OfficialMarker> markers, List<UnknownSchool> unknown, List<Problem> problems,
                          int repeated) {
    }

    private OfficialMarkersXlsx() {
    }

    /** Whether the workbook has a sheet with a login column and marker columns such as «4 РУ». */
    public static boolean recognises(Path path) {
        return Workbook.hasHeadedSheet(path, OfficialMarkersXlsx::header);
    }

    public static Summary read(Path path, String fileName, Directory directory) throws java.io.IOException {
        try (Workbook book = Workbook.open(path, fileName)) {
            return book.withHeadedSheet(OfficialMarkersXlsx::header, (rows, h) -> rows(rows, h, fileName, directory))
                    .orElseThrow(() -> new InputException(Problem.ofFile(fileName,
                            "нет листа со столбцами «Логин» и маркерами вида «4 РУ»")));
        }
    }

    /** Positions of the columns. */
    private record Header(int year, int login, int municipality, int name, Map<Integer, String> markers) {
    }

    private static Header header(String[] cells) {
        int year = -1;
        int login = -1;
        int municipality = -1;
        int name = -1;
        Map<Integer, String> markers = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].trim();
            String lower = c.toLowerCase(Locale.ROOT);
            Matcher m = MARKER.matcher(c.toUpperCase(Locale.ROOT));
            if (lower.equals("год")) {
                year = i;
            } else if (lower.startsWith("логин")) {
                login = i;
            } else if (lower.startsWith("муниципалитет")) {
                municipality = i;
            } else if (lower.equals("оо") || lower.startsWith("наименование")) {
                name = i;
            } else if (m.matches()) {
                markers.put(i, m.group(1) + " " + m.group(2));
            }
        }
        return login >= 0 && !markers.isEmpty() ? new Header(year, login, municipality, name, markers) : null;
    }

    private static Summary rows(Workbook.Rows rows, Header h, String fileName, Directory directory) {
        Map<String, OfficialMarker> markers = new LinkedHashMap<>();
        int repeated = 0;
        List<UnknownSchool> unknown = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Optional<Integer> fileYear = yearOf(fileName);
        for (Workbook.Line line = rows.next(); line != null; line = rows.next()) {
            String yearText = h.year >= 0 ? line.cell(h.year).trim() : "";
            Optional<Integer> year = yearText.matches("20\\d\\d") ? Optional.of(Integer.parseInt(yearText)) : fileYear;
            if (year.isEmpty()) {
                problems.add(new Problem(fileName, rows.name(), line.number(), h.year >= 0 ? "Год" : null,
                        "год «" + yearText + "» не распознан, и в имени файла года нет"));
                continue;
            }
            List<String> set = new ArrayList<>();
            for (Map.Entry<Integer, String> e : h.markers.entrySet()) {
                String v = line.cell(e.getKey()).trim();
                if (v.equals("1")) {
                    set.add(e.getValue());
                } else if (!v.isEmpty() && !v.equals("0")) {
                    problems.add(new Problem(fileName, rows.name(), line.number(), e.getValue(),
                            "маркер «" + v + "»: ожидается 1, 0 или пусто"));
                }
            }
            if (set.isEmpty()) {
                continue;
            }
            String login = line.cell(h.login).trim();
            Optional<String> school = directory.schoolCode(login, year.get());
            if (school.isEmpty()) {
                unknown.add(new UnknownSchool(line.number(), login, h.name >= 0 ? line.cell(h.name) : login,
                        h.municipality >= 0 ? line.cell(h.municipality) : "", year.get()));
                continue;
            }
            OfficialMarker marker = new OfficialMarker(school.get(), year.get(), String.join("; ", set));
            OfficialMarker earlier = markers.putIfAbsent(school.get() + "|" + year.get(), marker);
            if (earlier != null) {
                repeated++;
                markers.put(school.get() + "|" + year.get(), merge(earlier, set));
            }
        }
        return new Summary(rows.name(), List.copyOf(markers.values()), unknown, problems, repeated);
    }

    /** The union of the marker columns, in the order they were first seen. */
    private static OfficialMarker merge(OfficialMarker earlier, List<String> more) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(List.of(earlier.procedures().split("; ")));
        all.addAll(more);
        return new OfficialMarker(earlier.schoolCode(), earlier.year(), String.join("; ", all));
    }

    private static Optional<Integer> yearOf(String fileName) {
        Matcher m = YEAR.matcher(fileName);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
