package ru.msoko.core.canonical;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ru.msoko.core.domain.Municipality;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.SchoolContext;
import ru.msoko.core.domain.SchoolIdentifier;
import ru.msoko.core.domain.SchoolType;
import ru.msoko.core.domain.Settlement;

/**
 * Reads the canonical {@code schools.csv} (DESIGN §4): the school directory with municipalities,
 * identifiers over time ({@code aliases}, {@code |}-separated, each optionally {@code code@from-to})
 * and context. The file is small (a region has a few thousand schools), so it is read whole.
 */
public final class CanonicalSchoolsReader {

    private static final List<String> REQUIRED = List.of("school_code", "name", "municipality_code");

    /** What was read: municipalities in order of appearance, schools, problems and warnings. */
    public record Directory(List<Municipality> municipalities, List<School> schools, Problems problems,
                            List<String> warnings) {
    }

    public Directory read(Path path, String fileName) throws IOException {
        try (CsvTable table = CsvTable.open(path, fileName)) {
            List<Problem> headerProblems = new ArrayList<>();
            for (String r : REQUIRED) {
                if (table.column(r) < 0) {
                    headerProblems.add(new Problem(fileName, null, 1, null, "нет обязательного столбца «" + r + "»"));
                }
            }
            if (!headerProblems.isEmpty()) {
                throw new InputException(headerProblems);
            }
            return new Rows(table).read();
        }
    }

    /** Parsing state of one file. */
    private static final class Rows {
        private final CsvTable table;
        private final Problems problems = new Problems(1000);
        private final Map<String, Municipality> municipalities = new LinkedHashMap<>();
        private final Map<String, Long> identifierRows = new HashMap<>();
        private final List<School> schools = new ArrayList<>();
        private CsvLine rec;
        private boolean failed;

        Rows(CsvTable table) {
            this.table = table;
        }

        Directory read() {
            while ((rec = table.next()) != null) {
                failed = false;
                if (rec.getFieldCount() != table.header().size()) {
                    fail(null, "в строке " + rec.getFieldCount() + " полей, а в заголовке " + table.header().size());
                    continue;
                }
                School s = school();
                if (s != null && !failed) {
                    schools.add(s);
                }
            }
            if (schools.isEmpty() && problems.isEmpty()) {
                problems.add(Problem.ofFile(table.fileName(), "в файле нет ни одной школы"));
            }
            List<String> warnings = new ArrayList<>();
            for (String h : table.header()) {
                if (!KNOWN.contains(h.toLowerCase(java.util.Locale.ROOT))) {
                    warnings.add("столбец «" + h + "» не относится к формату и пропущен");
                }
            }
            return new Directory(new ArrayList<>(municipalities.values()), schools, problems, warnings);
        }

        private School school() {
            String code = text("school_code");
            String name = text("name");
            String mun = text("municipality_code");
            if (code.isEmpty()) {
                fail("school_code", "не указан код школы");
            }
            if (name.isEmpty()) {
                fail("name", "не указано название школы");
            }
            if (mun.isEmpty()) {
                fail("municipality_code", "не указан код муниципалитета");
            }
            municipality(mun);
            List<SchoolIdentifier> ids = identifiers(code);
            SchoolType type = optional("type", SchoolType::fromLabel, "тип школы (СОШ, ООШ, НОШ, гимназия, лицей, "
                    + "СОШ с УИОП, вечерняя, коррекционная, интернат)");
            Settlement settlement = optional("settlement", Settlement::fromLabel, "«город» или «село»");
            SchoolContext context = new SchoolContext(number("pupils", Values::decimal, 0, 100_000, Double::intValue),
                    number("teachers", Values::decimal, 0, 10_000, Double::intValue),
                    number("ses_index", Values::decimal, 0, 1, d -> d),
                    flag("shnor"),
                    number("lang", Values::decimal, 0, 1, d -> d));
            if (failed) {
                return null;
            }
            return new School(code, name, mun, type, settlement, context, ids);
        }

        private void municipality(String code) {
            if (code.isEmpty()) {
                return;
            }
            String name = text("municipality_name");
            Municipality known = municipalities.get(code);
            if (known == null) {
                municipalities.put(code, new Municipality(code, name.isEmpty() ? code : name));
            } else if (!name.isEmpty() && !known.name().equals(name) && !known.name().equals(code)) {
                fail("municipality_name", "у муниципалитета «" + code + "» уже указано другое название: «"
                        + known.name() + "»");
            } else if (!name.isEmpty() && known.name().equals(code)) {
                municipalities.put(code, new Municipality(code, name));
            }
        }

        private List<SchoolIdentifier> identifiers(String code) {
            List<SchoolIdentifier> ids = new ArrayList<>();
            if (!code.isEmpty()) {
                try {
                    ids.add(SchoolIdentifier.parse(code));
                } catch (IllegalArgumentException e) {
                    // a code with «@» reads as «код@годы» (found by ReadersFuzzTest: «@SUM(A1)» escaped as an exception)
                    fail("school_code", e.getMessage());
                }
            }
            for (String part : text("aliases").split("\\|")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    ids.add(SchoolIdentifier.parse(part));
                } catch (IllegalArgumentException e) {
                    fail("aliases", e.getMessage());
                }
            }
            for (SchoolIdentifier id : ids) {
                Long earlier = identifierRows.putIfAbsent(id.value().toLowerCase(java.util.Locale.ROOT),
                        rec.getStartingLineNumber());
                if (earlier != null && earlier != rec.getStartingLineNumber()) {
                    fail(id.value().equals(code) ? "school_code" : "aliases",
                            "код «" + id.value() + "» уже принадлежит школе из строки " + earlier);
                }
            }
            return ids;
        }

        private <T> T optional(String column, Function<String, java.util.Optional<T>> parser, String expected) {
            String v = text(column);
            if (v.isEmpty()) {
                return null;
            }
            return parser.apply(v).orElseGet(() -> {
                fail(column, "«" + v + "»: ожидается " + expected);
                return null;
            });
        }

        private <T> T number(String column, Function<String, Double> parser, double min, double max,
                             Function<Double, T> convert) {
            String v = text(column);
            if (v.isEmpty()) {
                return null;
            }
            try {
                Double d = parser.apply(v);
                if (d < min || d > max) {
                    fail(column, "«" + v + "» вне диапазона " + fmt(min) + "–" + fmt(max));
                    return null;
                }
                return convert.apply(d);
            } catch (IllegalArgumentException e) {
                fail(column, e.getMessage());
                return null;
            }
        }

        private Boolean flag(String column) {
            String v = text(column);
            if (v.isEmpty()) {
                return null;
            }
            try {
                return Values.flag(v);
            } catch (IllegalArgumentException e) {
                fail(column, e.getMessage());
                return null;
            }
        }

        private String text(String column) {
            int i = table.column(column);
            return i < 0 ? "" : rec.getField(i).trim();
        }

        private void fail(String column, String message) {
            failed = true;
            int i = column == null ? -1 : table.column(column);
            problems.add(new Problem(table.fileName(), null, rec.getStartingLineNumber(),
                    i < 0 ? null : table.header().get(i), message));
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
    }

    private static final List<String> KNOWN = List.of("school_code", "name", "municipality_code", "municipality_name",
            "aliases", "type", "settlement", "pupils", "teachers", "ses_index", "shnor", "lang");
}
