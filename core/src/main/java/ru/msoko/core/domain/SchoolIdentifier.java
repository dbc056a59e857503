package ru.msoko.core.domain;

import java.util.Objects;

/**
 * One identifier of a school with the years in which it was valid ({@code null} = open end).
 * A school keeps every identifier it ever had, so that old files still match it.
 */
public record SchoolIdentifier(IdentifierKind kind, String value, Integer validFrom, Integer validTo) {

    public SchoolIdentifier {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (validFrom != null && validTo != null && validFrom > validTo) {
            throw new IllegalArgumentException("validFrom " + validFrom + " > validTo " + validTo);
        }
    }

    public boolean validIn(int year) {
        return (validFrom == null || validFrom <= year) && (validTo == null || year <= validTo);
    }

    /**
     * Parses {@code value} or {@code value@from-to} (either year may be empty), e.g. {@code sch220001@2015-2021}.
     *
     * @throws IllegalArgumentException with a Russian message when the years are not understood
     */
    public static SchoolIdentifier parse(String text) {
        String t = text.trim();
        int at = t.indexOf('@');
        if (at < 0) {
            return new SchoolIdentifier(IdentifierKind.guess(t), t, null, null);
        }
        String value = t.substring(0, at).trim();
        String range = t.substring(at + 1).trim();
        int dash = range.indexOf('-');
        if (value.isEmpty() || dash < 0) {
            throw new IllegalArgumentException("код «" + t + "»: ожидается вид код@год-год, например sch220001@2015-2021");
        }
        Integer from = year(range.substring(0, dash), t);
        Integer to = year(range.substring(dash + 1), t);
        if (from != null && to != null && from > to) {
            throw new IllegalArgumentException("код «" + t + "»: год начала больше года окончания");
        }
        return new SchoolIdentifier(IdentifierKind.guess(value), value, from, to);
    }

    private static Integer year(String s, String whole) {
        String v = s.trim();
        if (v.isEmpty()) {
            return null;
        }
        try {
            int y = Integer.parseInt(v);
            if (y >= 1990 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("код «" + whole + "»: «" + v + "» не похоже на год");
    }

    public String format() {
        if (validFrom == null && validTo == null) {
            return value;
        }
        return value + "@" + (validFrom == null ? "" : validFrom) + "-" + (validTo == null ? "" : validTo);
    }
}
