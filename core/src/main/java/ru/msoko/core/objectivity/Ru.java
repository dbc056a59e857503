package ru.msoko.core.objectivity;

import java.util.Locale;

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

    /** Russian plural: {@code plural(5, "работа", "работы", "работ") → "работ"}. */
    static String plural(long n, String one, String few, String many) {
        long m100 = Math.abs(n) % 100;
        long m10 = m100 % 10;
        if (m100 >= 11 && m100 <= 14) {
            return many;
        }
        return m10 == 1 ? one : m10 >= 2 && m10 <= 4 ? few : many;
    }
}
