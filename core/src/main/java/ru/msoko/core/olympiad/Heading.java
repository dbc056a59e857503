package ru.msoko.core.olympiad;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.domain.ProcedureKind;

/**
 * What the rows above a table (title, «Предмет:», «Дата:», «Максимальный балл:»), a sheet name or a file name say
 * about the procedure (data-formats §3: «sometimes header rows with subject / stage / date / year above the
 * table»). Every field is {@code null} when the text does not say it; {@link #over} fills the gaps from a weaker
 * source (sheet name, then file name).
 *
 * @param kind the ВсОШ stage, or ИС / ИС-9
 * @param schoolYear first year of «2025/2026 учебный год»
 */
record Heading(ProcedureKind kind, LocalDate date, Integer schoolYear, Integer year, Integer grade, Double max,
               List<String> texts) {

    static final Heading NONE = new Heading(null, null, null, null, null, null, List.of());

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern STAGE = Pattern.compile("(школьн|муниципальн|регионал|заключительн)\\p{L}*\\s+этап"
            + "|этап\\p{L}*\\s*[:—-]?\\s*(школьн|муниципальн|регионал|заключительн)", FLAGS);
    private static final Pattern STAGE_SHORT = Pattern.compile("(?<!\\p{L})(ШЭ|МЭ|РЭ|ЗЭ)(?!\\p{L})");
    private static final Pattern DATE_RU = Pattern.compile("(?<!\\d)(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?!\\d)");
    private static final Pattern DATE_ISO = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)");
    private static final Pattern DATE_WORDS = Pattern.compile("(?<!\\d)(\\d{1,2})\\s+(январ|феврал|марта|апрел|мая|июн"
            + "|июл|август|сентябр|октябр|ноябр|декабр)\\p{L}*\\s+(\\d{4})", FLAGS);
    private static final String[] MONTHS = {"январ", "феврал", "марта", "апрел", "мая", "июн", "июл", "август",
            "сентябр", "октябр", "ноябр", "декабр"};
    private static final Pattern SCHOOL_YEAR =
            Pattern.compile("(?<!\\d)(20\\d\\d)\\s*[/–—-]\\s*(?:20)?(\\d\\d)(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(20\\d\\d)(?!\\d)");
    private static final Pattern GRADE = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*-?\\s*(?:й|ый|ой)?\\s*"
            + "(?:класс\\p{L}*|кл\\.?)(?!\\p{L})|(?:класс|параллель)\\p{L}*\\s*:?\\s*(\\d{1,2})(?!\\d)", FLAGS);
    private static final Pattern MAX = Pattern.compile("(?:макс\\p{L}*\\.?|возможн\\p{L}*)\\s*(?:\\p{L}+\\s*)?"
            + "(?:балл\\p{L}*|б\\.)?\\s*[:=—-]?\\s*(\\d+(?:[.,]\\d+)?)"
            + "|(?<!\\p{L})из\\s+(\\d+(?:[.,]\\d+)?)\\s*б", FLAGS);

    static Heading parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String t = text.replace('\u00A0', ' ');
        LocalDate date = date(t);
        Matcher sy = SCHOOL_YEAR.matcher(t);
        Integer schoolYear = null;
        while (sy.find()) {
            int first = Integer.parseInt(sy.group(1));
            if (Integer.parseInt(sy.group(2)) == (first + 1) % 100) {
                schoolYear = first;
                break;
            }
        }
        Matcher y = YEAR.matcher(t);
        Integer year = y.find() ? Integer.valueOf(y.group(1)) : null;
        return new Heading(kind(t), date, schoolYear, year, grade(t), max(t), List.of(t));
    }

    /** This heading with the gaps filled from a weaker one. */
    Heading over(Heading weaker) {
        List<String> all = new ArrayList<>(texts);
        all.addAll(weaker.texts);
        return new Heading(kind != null ? kind : weaker.kind, date != null ? date : weaker.date,
                schoolYear != null ? schoolYear : weaker.schoolYear, year != null ? year : weaker.year,
                grade != null ? grade : weaker.grade, max != null ? max : weaker.max, all);
    }

    /** The subject named in the texts: after «по» or «предмет», else any run of up to three words, strongest first. */
    Optional<String> subject(Directory directory) {
        for (String text : texts) {
            Optional<String> found = subjectIn(text, directory);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    static Optional<String> subjectIn(String text, Directory directory) {
        String[] words = text.toLowerCase(Locale.ROOT).replace('ё', 'е').split("[^\\p{L}()]+");
        for (int size = 3; size >= 1; size--) {
            for (int i = 0; i + size <= words.length; i++) {
                String phrase = String.join(" ", java.util.Arrays.copyOfRange(words, i, i + size)).trim();
                if (phrase.length() < 4) {
                    continue;
                }
                Optional<String> code = directory.subjectCode(phrase);
                if (code.isPresent()) {
                    return code;
                }
            }
        }
        return Optional.empty();
    }

    private static ProcedureKind kind(String t) {
        String lower = t.toLowerCase(Locale.ROOT).replace('ё', 'е');
        if (lower.contains("собеседован")) {
            return ProcedureKind.INTERVIEW;
        }
        if (lower.contains("сочинен") || lower.contains("изложен")) {
            return ProcedureKind.ESSAY;
        }
        Matcher m = STAGE.matcher(lower);
        if (m.find()) {
            return stage(m.group(1) != null ? m.group(1) : m.group(2));
        }
        Matcher s = STAGE_SHORT.matcher(t);
        if (s.find()) {
            return stage(s.group(1));
        }
        return null;
    }

    /** A stage from its word («школьного», «Муниципальный», «РЭ»), or {@code null}. */
    static ProcedureKind stage(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('ё', 'е').trim();
        if (w.startsWith("школьн") || w.equals("шэ")) {
            return ProcedureKind.OLYMPIAD_SCHOOL;
        }
        if (w.startsWith("муницип") || w.equals("мэ")) {
            return ProcedureKind.OLYMPIAD_MUNICIPAL;
        }
        if (w.startsWith("регион") || w.equals("рэ")) {
            return ProcedureKind.OLYMPIAD_REGIONAL;
        }
        if (w.startsWith("заключ") || w.equals("зэ")) {
            return ProcedureKind.OLYMPIAD_FINAL;
        }
        return null;
    }

    static LocalDate date(String t) {
        Matcher m = DATE_RU.matcher(t);
        if (m.find()) {
            return date(m.group(3), m.group(2), m.group(1));
        }
        m = DATE_ISO.matcher(t);
        if (m.find()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = DATE_WORDS.matcher(t);
        if (m.find()) {
            String month = m.group(2).toLowerCase(Locale.ROOT);
            for (int i = 0; i < MONTHS.length; i++) {
                if (month.startsWith(MONTHS[i])) {
                    return date(m.group(3), String.valueOf(i + 1), m.group(1));
                }
            }
        }
        return null;
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Integer grade(String t) {
        Matcher m = GRADE.matcher(t);
        while (m.find()) {
            int g = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            if (g >= 1 && g <= 11) {
                return g;
            }
        }
        return null;
    }

    /** «Максимальный балл: 50», «макс. 50», «(из 100 баллов)». */
    static Double max(String t) {
        Matcher m = MAX.matcher(t);
        if (m.find()) {
            return Double.valueOf((m.group(1) != null ? m.group(1) : m.group(2)).replace(',', '.'));
        }
        return null;
    }
}
