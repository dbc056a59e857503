package ru.msoko.app.dashboard;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import ru.msoko.app.web.RussianFormat;

/**
 * A number of this year with its change against the year before, as the dashboard shows it: the value, an arrow
 * with the signed difference in words («▲ +3 школы в красной зоне»), a colour class that says whether the change
 * is for the better, and a tooltip with last year's value. Colour is never the only carrier: the arrow and the
 * sign say the same in text.
 *
 * @param value  this year's value, formatted («3,84», «1 234»), or «—» when there is none
 * @param delta  the change in text, empty when there is nothing to compare with
 * @param css    {@code better}, {@code worse}, {@code same} or {@code neutral} (a change neither good nor bad)
 * @param before last year's value in words, for the tooltip
 */
record Change(String value, String delta, String css, String before) {

    /** Which way is good. */
    enum Good { UP, DOWN, NEITHER }

    private static final RussianFormat FMT = new RussianFormat();
    static final String MINUS = "\u2212";

    static Change none() {
        return new Change("—", "", "neutral", "");
    }

    /**
     * A count, e.g. schools in the red zone; {@code forms} are the three plural forms of what is counted after
     * the difference («школа в красной зоне», «школы …», «школ …»), or none for a bare number.
     */
    static Change count(long now, Long before, int previousYear, Good good, String... forms) {
        String value = FMT.integer(now);
        if (before == null) {
            return new Change(value, "", "neutral", "за " + previousYear + " год данных нет");
        }
        long diff = now - before;
        String was = "в " + previousYear + " году: " + FMT.integer(before);
        if (diff == 0) { // nothing both years: no «без изменений» under every zero of a table
            return new Change(value, now == 0 ? "" : "= без изменений", "same", was);
        }
        String words = forms.length == 3 ? "\u00A0" + RussianFormat.plural(Math.abs(diff), forms[0], forms[1], forms[2]) : "";
        return new Change(value, arrow(diff) + " " + signed(diff, FMT.integer(Math.abs(diff))) + words,
                css(diff, good), was);
    }

    /** A mean with {@code digits} decimals; a difference that rounds to zero counts as no change. */
    static Change mean(Double now, Double before, int previousYear, int digits, Good good) {
        if (now == null) {
            return none();
        }
        String value = decimal(now, digits);
        if (before == null) {
            return new Change(value, "", "neutral", "за " + previousYear + " год данных нет или участников меньше 10");
        }
        double scale = Math.pow(10, digits);
        long diff = Math.round(now * scale) - Math.round(before * scale);
        String was = "в " + previousYear + " году: " + decimal(before, digits);
        if (diff == 0) {
            return new Change(value, "= без изменений", "same", was);
        }
        return new Change(value, arrow(diff) + " " + signed(diff, decimal(Math.abs(diff) / scale, digits)),
                css(diff, good), was);
    }

    static String decimal(double d, int digits) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("ru-RU"));
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator('\u00A0');
        return new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), symbols).format(d);
    }

    private static String arrow(long diff) {
        return diff > 0 ? "▲" : "▼";
    }

    private static String signed(long diff, String magnitude) {
        return (diff > 0 ? "+" : MINUS) + magnitude;
    }

    private static String css(long diff, Good good) {
        return switch (good) {
            case NEITHER -> "neutral";
            case UP -> diff > 0 ? "better" : "worse";
            case DOWN -> diff > 0 ? "worse" : "better";
        };
    }
}
