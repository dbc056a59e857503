package ru.msoko.core.canonical;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * Normalisation of the values found in real files (data-formats.md §1.7): every spelling of «X»,
 * «отсутствовал», «нет отметки», decimal commas, quoted class letters. Each parser throws
 * {@link IllegalArgumentException} with a Russian message that says what was expected.
 */
public final class Values {

    /** Spellings of "did not attempt the task": Latin and Cyrillic X, dashes, the ФИС ОКО abbreviation. */
    private static final Set<String> NOT_ATTEMPTED = Set.of("x", "х", "-", "—", "–", "не пройд.", "не пройд", "н");
    private static final Set<String> ABSENT = Set.of("отсутствовал", "отсутствовала", "отсутствует", "отс", "отс.",
            "н/я", "не явился", "не явилась", "неявка");
    private static final Set<String> NO_MARK = Set.of("", "нет отметки", "нет", "н/а", "-", "—");
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");

    private Values() {
    }

    static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    public static boolean isNotAttempted(String s) {
        return s.isBlank() || NOT_ATTEMPTED.contains(lower(s));
    }

    public static boolean isAbsent(String variant) {
        // a variant number, as on almost every row, is no absence label: no lower-casing copy for it
        return variant != null && !(variant.length() > 0 && isDigit(variant.charAt(0)))
                && ABSENT.contains(lower(variant));
    }

    /**
     * The value of a cell of 1–9 ASCII digits and nothing else, or -1: the common case of a score or a mark, read
     * without the copies that trimming and lower-casing make (every row has dozens of such cells).
     */
    static int digits(String s) {
        int n = s.length();
        if (n == 0 || n > 9) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A mark 2–5 (1 is accepted too: it exists in journals); {@code null} for «нет отметки» or empty. */
    public static Integer mark(String s) {
        int quick = digits(s);
        if (quick >= 1 && quick <= 5) {
            return quick;
        }
        String v = lower(s);
        if (NO_MARK.contains(v)) {
            return null;
        }
        Integer m = smallInt(v);
        if (m == null || m < 1 || m > 5) {
            throw new IllegalArgumentException("«" + s.trim() + "» — не отметка: ожидается 2, 3, 4, 5 или «нет отметки»");
        }
        return m;
    }

    /** зачёт → true, незачёт → false, empty → null. */
    public static Boolean passFail(String s) {
        String v = lower(s).replace(" ", "");
        return switch (v) {
            case "" -> null;
            case "зачет", "зачтено", "1" -> Boolean.TRUE;
            case "незачет", "незачтено", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("«" + s.trim() + "»: ожидается «зачёт» или «незачёт»");
        };
    }

    /** A decimal number with a point or a comma; {@code null} when empty. */
    public static Double decimal(String s) {
        int quick = digits(s);
        if (quick >= 0) {
            return (double) quick;
        }
        String v = s.trim().replace('\u00A0', ' ').replace(" ", "");
        if (v.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.replace(',', '.'));
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("«" + s.trim() + "» — не число");
        }
    }

    /** A whole number; {@code null} when empty. */
    public static Integer integer(String s, String what) {
        String v = s.trim();
        if (v.isEmpty()) {
            return null;
        }
        Integer i = smallInt(v);
        if (i == null) {
            throw new IllegalArgumentException("«" + v + "» — не " + what);
        }
        return i;
    }

    private static Integer smallInt(String v) {
        if (v.isEmpty() || v.length() > 9) {
            return null;
        }
        int n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** 1/0, да/нет, true/false; empty = false. */
    public static boolean flag(String s) {
        return switch (lower(s)) {
            case "", "0", "нет", "false", "н" -> false;
            case "1", "да", "true", "д", "+" -> true;
            default -> throw new IllegalArgumentException("«" + s.trim() + "»: ожидается 1 или 0 (да/нет)");
        };
    }

    /** ISO {@code 2025-04-15} or Russian {@code 15.04.2025}; {@code null} when empty. */
    public static LocalDate date(String s) {
        String v = s.trim();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return v.indexOf('.') > 0 ? LocalDate.parse(v, RUSSIAN_DATE) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("«" + v + "» — не дата: ожидается 2025-04-15 или 15.04.2025");
        }
    }

    /**
     * Class label as {@code 5А}: quotes and spaces removed, letter upper-cased, a bare letter prefixed with
     * the grade; «нет» and empty give {@code null}.
     */
    public static String classLabel(String s, int grade) {
        String v = s.replace("\"", "").replace("«", "").replace("»", "").replace(" ", "").trim().toUpperCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("НЕТ")) {
            return null;
        }
        if (!Character.isDigit(v.charAt(0))) {
            return grade + v;
        }
        return v;
    }
}
