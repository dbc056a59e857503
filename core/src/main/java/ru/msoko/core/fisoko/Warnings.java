package ru.msoko.core.fisoko;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Things in a file that do not stop the import (a journal mark «ж», a total that differs from the sum of
 * the tasks): counted per sheet, column and kind, with the first rows and values as examples.
 */
public final class Warnings {

    private static final int EXAMPLES = 5;

    private record Kind(String sheet, String column, String what) {
    }

    private static final class Tally {
        long count;
        final List<Long> rows = new ArrayList<>();
        final Set<String> values = new LinkedHashSet<>();
    }

    private final Map<Kind, Tally> tallies = new LinkedHashMap<>();

    public void add(String sheet, String column, String what, long row, String value) {
        Tally t = tallies.computeIfAbsent(new Kind(sheet, column, what), k -> new Tally());
        t.count++;
        if (t.rows.size() < EXAMPLES) {
            t.rows.add(row);
        }
        if (value != null && t.values.size() < EXAMPLES) {
            t.values.add("«" + value + "»");
        }
    }

    /** «лист «Sheet», столбец «пол»: не пол, значение не учтено — 6 (значения «д»; строки 12, 40, …)». */
    public List<String> messages() {
        List<String> out = new ArrayList<>();
        tallies.forEach((k, t) -> {
            StringBuilder sb = new StringBuilder("лист «").append(k.sheet()).append('»');
            if (k.column() != null) {
                sb.append(", столбец «").append(k.column()).append('»');
            }
            sb.append(": ").append(k.what()).append(" — ").append(t.count).append(" (");
            if (!t.values.isEmpty()) {
                sb.append("значения ").append(String.join(", ", t.values)).append("; ");
            }
            sb.append(t.rows.size() == 1 ? "строка " : "строки ");
            t.rows.forEach(r -> sb.append(r).append(", "));
            sb.setLength(sb.length() - 2);
            out.add(sb.append(t.count > t.rows.size() ? ", …)" : ")").toString());
        });
        return out;
    }
}
