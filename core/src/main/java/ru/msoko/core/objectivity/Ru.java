package ru.msoko.core.objectivity;

import java.util.Locale;
import ru.msoko.core.text.RussianPlural;

/** Numbers as Russian readers write them in explanations: decimal comma, percentages without a space before %. */
final class Ru {

    private Ru() {
    }

    static String num(double v, int digits) {
        if (Double.isNaN(v)) {
            return "—";
        }
        String s = String.format(Locale.ROOT, "%." + digits + "f", v).replace('.', ',');
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    /** A share as a percentage: {@code 0.354 → "35,4%"}. */
    static String pct(double share) {
        return num(share * 100, 1) + "%";
    }

    /** A p-value as a phrase: «p = 0,012», «p = 0,0034» or «p < 0,0001». */
    static String p(double p) {
        if (p < 0.0001) {
            return "p < 0,0001";
        }
        return "p = " + num(p, p < 0.01 ? 4 : 3);
    }

    static String plural(long n, String one, String few, String many) {
        return RussianPlural.of(n, one, few, many);
    }
}
