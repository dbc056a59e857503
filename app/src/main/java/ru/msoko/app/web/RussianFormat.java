package ru.msoko.app.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import ru.msoko.core.text.RussianPlural;
import org.springframework.stereotype.Component;

/**
 * Numbers and words as Russian users expect them: decimal comma, thin-space thousands
 * («1 234 567»), plural forms («1 школа, 2 школы, 5 школ»). Used in templates as {@code @fmt}.
 */
@Component("fmt")
public class RussianFormat {

    private static final Locale RU = Locale.forLanguageTag("ru-RU");

    public String integer(long n) {
        return grouped("#,##0").format(n);
    }

    public String decimal(Double d) {
        return d == null ? "—" : grouped("#,##0.0").format(d);
    }

    /** A p-value: «< 0,0001» for tiny ones, otherwise four decimals. */
    public String pValue(Double p) {
        if (p == null) {
            return "—";
        }
        return p < 0.0001 ? "<\u00A00,0001" : grouped("0.0000").format(p);
    }

    public String percent(long part, long whole) {
        if (whole == 0) {
            return "—";
        }
        return grouped("#,##0.0").format(100.0 * part / whole) + "\u00A0%";
    }

    /** A whole percent as the progress of a background job shows it: «24 %» (no-break space, as {@link #percent}). */
    public String wholePercent(long p) {
        return integer(p) + "\u00A0%";
    }

    /** A change or a difference with its sign: «+1,5», «−0,3» (a true minus sign), «0,0». */
    public String signed(Double d) {
        if (d == null) {
            return "—";
        }
        String v = grouped("#,##0.0").format(Math.abs(d));
        return v.equals("0,0") ? v : (d > 0 ? "+" : "−") + v;
    }

    /** Share as a number 0–100 for bar widths. */
    public long share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(100.0 * part / whole);
    }

    /** «5 школ»: the number followed by the right form of the word. */
    public String count(long n, String one, String few, String many) {
        return integer(n) + "\u00A0" + plural(n, one, few, many);
    }

    public static String plural(long n, String one, String few, String many) {
        return RussianPlural.of(n, one, few, many);
    }

    /**
     * A format per pattern and thread, made once: a page formats hundreds of numbers, and making a DecimalFormat
     * for each was a noticeable part of rendering (docs/benchmarks.md, «Page speed under 50 users»). A DecimalFormat
     * is not safe to share between threads, hence one per thread.
     */
    private static final ThreadLocal<Map<String, DecimalFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);

    private static DecimalFormat grouped(String pattern) {
        return FORMATS.get().computeIfAbsent(pattern, RussianFormat::format);
    }

    private static DecimalFormat format(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(RU);
        symbols.setGroupingSeparator('\u00A0');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat(pattern, symbols);
    }
}
