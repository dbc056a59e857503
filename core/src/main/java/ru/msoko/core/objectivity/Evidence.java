package ru.msoko.core.objectivity;

import java.util.Locale;

/**
 * The numbers behind a sign as {@code key=value} pairs separated by {@code |}: compact in a CSV cell,
 * readable by a person and parsable by the web page that draws the evidence chart.
 */
final class Evidence {

    private Evidence() {
    }

    static String of(Object... keyValues) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(keyValues[i]).append('=').append(format(keyValues[i + 1]));
        }
        return sb.toString();
    }

    static String format(Object v) {
        if (v instanceof Double d) {
            return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        if (v instanceof double[] a) {
            StringBuilder sb = new StringBuilder();
            for (double x : a) {
                sb.append(sb.length() == 0 ? "" : " ").append(format(x));
            }
            return sb.toString();
        }
        if (v instanceof int[] a) {
            StringBuilder sb = new StringBuilder();
            for (int x : a) {
                sb.append(sb.length() == 0 ? "" : " ").append(x);
            }
            return sb.toString();
        }
        return String.valueOf(v);
    }
}
