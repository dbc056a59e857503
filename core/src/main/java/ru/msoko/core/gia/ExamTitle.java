package ru.msoko.core.gia;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ru.msoko.core.domain.ProcedureKind;

/**
 * What a РЦОИ sheet's title (cell A1, «&lt;код экзамена&gt; … &lt;название предмета&gt; &lt;дата&gt;», data-formats
 * §2.1) or a file name says about the exam: the kind (ОГЭ, ЕГЭ, ГВЭ-9, ГВЭ-11 or just ГВЭ), the grade, the date
 * and the words left for the subject once exam codes, dates and kind words are taken out.
 *
 * @param kind the exam when the text names it fully, else {@code null}
 * @param gve the text says ГВЭ without the grade
 * @param subject the remaining words (maybe empty), with «профильного уровня» / «базового уровня» written as
 *                «профильная» / «базовая», the spellings of the subject directory
 */
record ExamTitle(ProcedureKind kind, boolean gve, Integer grade, LocalDate date, Integer year, String subject) {

    private static final Pattern DATE_RU = Pattern.compile("(?<!\\d)(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?!\\d)");
    private static final Pattern DATE_ISO = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(20\\d\\d)(?!\\d)");
    private static final Pattern KIND = Pattern.compile("(?<!\\p{L})(?:([ОЕЁ]ГЭ)|ГВЭ(?:\\s*[-–]?\\s*(9|11)(?!\\d))?)(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern GRADE = Pattern.compile("(?<!\\d)(9|11)\\s*-?\\s*(?:й|ый)?\\s*(?:класс\\p{L}*|кл\\.?)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LEVEL = Pattern.compile("\\(?\\s*(профильн|базов)\\p{L}*(?:\\s+уров\\p{L}*)?\\s*\\)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Exam codes («01», «0201»), dashes and other tokens without letters. */
    private static final Pattern NO_LETTERS = Pattern.compile("[^\\p{L}]*");
    /** Words around a date or a grade: «24.05.2024 г.», «2024 года», «ГВЭ 9 класс». */
    private static final Set<String> FILLER = Set.of("г", "г.", "год", "года", "класс", "кл.");

    static ExamTitle parse(String text) {
        String rest = text.replace('\u00A0', ' ').replace('_', ' ');
        LocalDate date = null;
        for (Pattern p : new Pattern[] {DATE_RU, DATE_ISO}) {
            Matcher m = p.matcher(rest);
            LocalDate found = date == null && m.find()
                    ? date(p == DATE_RU ? m.group(3) : m.group(1), m.group(2), p == DATE_RU ? m.group(1) : m.group(3))
                    : null;
            if (found != null) {
                date = found;
                rest = rest.substring(0, m.start()) + " " + rest.substring(m.end());
            }
        }
        ProcedureKind kind = null;
        boolean gve = false;
        Integer grade = null;
        Matcher k = KIND.matcher(rest);
        StringBuilder withoutKind = new StringBuilder();
        int last = 0;
        while (k.find()) {
            withoutKind.append(rest, last, k.start()).append(' ');
            last = k.end();
            boolean isGve = k.group(1) == null;
            Integer g = k.group(2) == null ? null : Integer.valueOf(k.group(2));
            if (isGve || kind == null && !gve) {
                kind = kind(isGve ? "ГВЭ" : k.group(1).toUpperCase(Locale.ROOT).replace('Ё', 'Е'), g);
                gve = isGve && kind == null;
                grade = g != null ? g : grade;
            }
        }
        rest = withoutKind.append(rest.substring(last)).toString();
        Matcher g = GRADE.matcher(rest);
        if (g.find()) {
            grade = grade == null ? Integer.valueOf(g.group(1)) : grade;
            rest = g.replaceAll(" ");
        }
        Matcher y = YEAR.matcher(rest);
        Integer year = date != null ? Integer.valueOf(date.getYear()) : y.find() ? Integer.valueOf(y.group(1)) : null;
        return new ExamTitle(kind, gve, grade, date, year, subject(y.replaceAll(" ")));
    }

    private static ProcedureKind kind(String word, Integer grade) {
        return switch (word) {
            case "ОГЭ" -> ProcedureKind.OGE;
            case "ЕГЭ" -> ProcedureKind.EGE;
            default -> grade == null ? null : grade == 9 ? ProcedureKind.GVE9 : ProcedureKind.GVE11;
        };
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String subject(String text) {
        Matcher m = LEVEL.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, m.group(1).toLowerCase(Locale.ROOT).startsWith("профил") ? " профильная " : " базовая ");
        }
        m.appendTail(sb);
        return Arrays.stream(sb.toString().trim().split("\\s+"))
                .filter(t -> !NO_LETTERS.matcher(t).matches() && !FILLER.contains(t.toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(" "));
    }
}
