package ru.msoko.core.context;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ru.msoko.core.domain.SchoolType;
import ru.msoko.core.domain.Settlement;
import ru.msoko.core.fisoko.Columns;

/** Everything one school answered, gathered over the sheets of a form, and the fields derived from it. */
final class SchoolAnswers {

    private static final Pattern ABBREVIATION = Pattern.compile("(^|[^а-я])(сош|оош|нош)([^а-я]|$)");

    private final String sheet;
    private final long row;
    private final String login;
    private final String loginColumn;
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final Map<ContextColumns.Meaning, String> texts = new EnumMap<>(ContextColumns.Meaning.class);
    private final Map<ContextColumns.Meaning, Boolean> flags = new EnumMap<>(ContextColumns.Meaning.class);
    private final Map<String, Integer> cohorts = new TreeMap<>();
    private final Map<String, Integer> adapted = new TreeMap<>();
    Integer pupils;
    Integer teachers;
    Settlement settlement;
    Double nonNative;

    SchoolAnswers(String sheet, long row, String login, String loginColumn) {
        this.sheet = sheet;
        this.row = row;
        this.login = login;
        this.loginColumn = loginColumn;
    }

    /** Keeps an answer; a question repeated on another sheet (the 2022 service columns) is kept once if equal. */
    void answer(String question, String value, String onSheet) {
        String earlier = answers.putIfAbsent(question, value);
        if (earlier != null && !earlier.equals(value)) {
            answers.put(question + " (лист «" + onSheet + "»)", value);
        }
    }

    void text(ContextColumns.Meaning meaning, String value) {
        texts.putIfAbsent(meaning, value);
    }

    void flag(ContextColumns.Meaning meaning, boolean value) {
        flags.put(meaning, value);
    }

    void cohort(String birthYear, Integer count) {
        cohorts.put(birthYear == null ? "" : birthYear, count);
    }

    void adapted(String birthYear, Integer count) {
        adapted.put(birthYear == null ? "" : birthYear, count);
    }

    ContextRow row(int year, List<String> notes) {
        String[] municipality = split(texts.get(ContextColumns.Meaning.MUNICIPALITY));
        return new ContextRow(sheet, row, login, loginColumn, year, name(), municipality[0], municipality[1], pupils, teachers,
                settlement, schoolType(), ovzShare(notes), nonNative, Collections.unmodifiableMap(new LinkedHashMap<>(answers)));
    }

    /** «Название ОО» (2021), else the short name, the «Школа» cell after its login, the full name (2022). */
    private String name() {
        for (ContextColumns.Meaning m : List.of(ContextColumns.Meaning.NAME, ContextColumns.Meaning.SHORT_NAME,
                ContextColumns.Meaning.SCHOOL, ContextColumns.Meaning.FULL_NAME)) {
            String t = texts.get(m);
            if (t != null) {
                return m == ContextColumns.Meaning.SCHOOL ? split(t)[1] : t;
            }
        }
        return null;
    }

    /** {@code reg22_m056 | Целинный муниципальный район} → code and name; a plain text is a name. */
    private static String[] split(String text) {
        if (text == null) {
            return new String[] {null, null};
        }
        int bar = text.indexOf('|');
        return bar < 0 ? new String[] {null, text.trim()}
                : new String[] {text.substring(0, bar).trim(), text.substring(bar + 1).trim()};
    }

    /**
     * The share of pupils on adapted programmes in the birth-year cohorts the form asks about (2021: one cohort,
     * 2022: 2006 and 2007); unknown when no cohort has both counts or a count of adapted pupils exceeds its
     * cohort (three schools of the real 2022 form) — that is told in a note, not rejected.
     */
    private Double ovzShare(List<String> notes) {
        int total = 0;
        int onAop = 0;
        for (Map.Entry<String, Integer> a : adapted.entrySet()) {
            Integer all = cohorts.get(a.getKey());
            if (all == null || a.getValue() == null) {
                continue;
            }
            if (a.getValue() > all) {
                notes.add(login + " (лист «" + sheet + "», строка " + row + "): обучающихся по АОП " + a.getValue()
                        + " больше, чем всего обучающихся " + a.getKey() + " г. р. (" + all + ") — доля ОВЗ не вычислена");
                return null;
            }
            total += all;
            onAop += a.getValue();
        }
        return total == 0 ? null : (double) onAop / total;
    }

    /**
     * The school type the form tells: the special kinds by their own questions, a gymnasium or lyceum by name,
     * otherwise the highest level taught (2021 asks НОО/ООО/СОО) or the level the name states (СОШ, ООШ, НОШ).
     */
    private SchoolType schoolType() {
        if (is(ContextColumns.Meaning.CORRECTIONAL)) {
            return SchoolType.CORRECTIONAL;
        }
        if (is(ContextColumns.Meaning.EVENING)) {
            return SchoolType.EVENING;
        }
        if (is(ContextColumns.Meaning.BOARDING)) {
            return SchoolType.BOARDING;
        }
        String names = Columns.norm(texts.entrySet().stream().filter(e -> e.getKey() != ContextColumns.Meaning.MUNICIPALITY)
                .map(Map.Entry::getValue).collect(Collectors.joining(" ")));
        if (names.contains("гимнази")) {
            return SchoolType.GYMNASIUM;
        }
        if (names.contains("лицей")) {
            return SchoolType.LYCEUM;
        }
        if (names.contains("углубленн")) {
            return SchoolType.SOSH_UIOP;
        }
        return byLevel(names);
    }

    private SchoolType byLevel(String names) {
        if (is(ContextColumns.Meaning.SECONDARY) || !flags.containsKey(ContextColumns.Meaning.SECONDARY)
                && (names.contains("средн") || abbreviation(names, "сош"))) {
            return SchoolType.SOSH;
        }
        if (is(ContextColumns.Meaning.BASIC) || !flags.containsKey(ContextColumns.Meaning.BASIC)
                && (names.contains("основн") || abbreviation(names, "оош"))) {
            return SchoolType.OOSH;
        }
        if (is(ContextColumns.Meaning.PRIMARY) || !flags.containsKey(ContextColumns.Meaning.PRIMARY)
                && (names.contains("начальн") || abbreviation(names, "нош"))) {
            return SchoolType.NOSH;
        }
        return null;
    }

    private static boolean abbreviation(String names, String which) {
        var m = ABBREVIATION.matcher(names);
        while (m.find()) {
            if (m.group(2).equals(which)) {
                return true;
            }
        }
        return false;
    }

    private boolean is(ContextColumns.Meaning m) {
        return Boolean.TRUE.equals(flags.get(m));
    }
}
