package ru.msoko.core.canonical;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A school year as files write it: {@code 2015-2016} (Moscow open data, data-formats §6 #11), {@code 2024/2025},
 * {@code 2024/25} or a single year. Stored as the calendar year in which the school year ends, the year of its
 * exams (ЕГЭ 2016 = school year 2015-2016), like {@code exam_year} everywhere.
 */
public final class SchoolYears {

    private static final Pattern RANGE = Pattern.compile("(20\\d\\d)\\s*[-/–—]\\s*(20)?(\\d\\d)");
    private static final Pattern SINGLE = Pattern.compile("20\\d\\d");

    private SchoolYears() {
    }

    /** @throws IllegalArgumentException with a Russian message when the text is not a year */
    public static int endYear(String text) {
        String v = text.trim();
        Matcher range = RANGE.matcher(v);
        if (range.matches()) {
            int from = Integer.parseInt(range.group(1));
            int to = from / 100 * 100 + Integer.parseInt(range.group(3));
            if (to == from + 1) {
                return to;
            }
        }
        if (SINGLE.matcher(v).matches()) {
            return Integer.parseInt(v);
        }
        throw new IllegalArgumentException("«" + v + "» — не учебный год: ожидается 2025 или 2024-2025");
    }
}
