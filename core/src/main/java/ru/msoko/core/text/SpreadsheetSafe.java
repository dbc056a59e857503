package ru.msoko.core.text;

import java.util.regex.Pattern;

/**
 * The one rule against formula injection (OWASP «CSV Injection») for every CSV and XLSX the product writes:
 * a text cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is
 * prefixed with a single quote, so that a spreadsheet shows it as text instead of running it. Genuine numbers
 * are left alone: in an xlsx they are written as numeric cells and never pass through here; in a CSV every
 * field is text, so {@link #csvField} keeps a field that reads as a plain decimal number ({@code -0.25},
 * {@code -3}, {@code 1e-5}, {@code -2,5}) — a spreadsheet turns it into a number, not into a formula.
 */
public final class SpreadsheetSafe {

    /**
     * A plain decimal number as the product writes it: optional minus, digits, a decimal point or (in the
     * exports for Russian Excel) a decimal comma, exponent.
     */
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][-+]?\\d+)?");

    private SpreadsheetSafe() {
    }

    /** A text cell: neutralised when a spreadsheet would take it for a formula; {@code null} becomes "". */
    public static String text(String v) {
        if (v == null || v.isEmpty()) {
            return "";
        }
        return risky(v.charAt(0)) ? "'" + v : v;
    }

    /** A CSV field: a number stays as it is, anything else as {@link #text}. */
    public static String csvField(String v) {
        if (v == null || v.isEmpty()) {
            return "";
        }
        return NUMBER.matcher(v).matches() ? v : text(v);
    }

    private static boolean risky(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
