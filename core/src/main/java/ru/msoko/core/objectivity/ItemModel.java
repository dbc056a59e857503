package ru.msoko.core.objectivity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How likely each response to each item is for a pupil of a given level (methods.md G.1 adaptation). An
 * item is a task with all its criteria ({@code 1К1}, {@code 1К2}, {@code 1К3} are one item): criteria of one
 * task are marked together and go together, so treating them as independent would make ordinary pupils look
 * like copiers — the real Altai Russian-language exports showed exactly that. The response to an item is
 * the tuple of its scores, «not attempted» included. Pupils are split into bands by primary score (deciles);
 * within a band the share of each response is its probability, floored at half a pupil so that a unique
 * response is rare, not impossible.
 */
final class ItemModel {

    private static final Pattern CRITERION = Pattern.compile("^(\\d+)\\s*(?:[КкKk]\\d+|[.(]\\d+\\)?)$");

    private final int[][] items;
    private final int itemCount;
    /** Dense response category per row and item ({@code n × items}). */
    private final int[] category;
    /** Category of the all-full-marks response of each item, −1 when nobody had it. */
    private final int[] full;
    private final int[] band;
    private final double[][][] probability;

    private ItemModel(int[][] items, int[] category, int[] full, int[] band, double[][][] probability) {
        this.items = items;
        this.itemCount = items.length;
        this.category = category;
        this.full = full;
        this.band = band;
        this.probability = probability;
    }

    static ItemModel fit(ProcedureData p, int[] band, int bands) {
        int[][] items = items(p);
        int n = p.n;
        int[] category = new int[n * items.length];
        int[] full = new int[items.length];
        List<Map<Long, Integer>> codes = new ArrayList<>();
        for (int it = 0; it < items.length; it++) {
            Map<Long, Integer> dense = new HashMap<>();
            codes.add(dense);
            for (int i = 0; i < n; i++) {
                category[i * items.length + it] = dense.computeIfAbsent(code(p, i, items[it]), k -> dense.size());
            }
            full[it] = dense.getOrDefault(fullCode(p, items[it]), -1);
        }
        int[] bandSize = new int[bands];
        for (int b : band) {
            bandSize[b]++;
        }
        double[][][] prob = new double[bands][items.length][];
        for (int b = 0; b < bands; b++) {
            for (int it = 0; it < items.length; it++) {
                prob[b][it] = new double[codes.get(it).size()];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int it = 0; it < items.length; it++) {
                prob[band[i]][it][category[i * items.length + it]]++;
            }
        }
        for (int b = 0; b < bands; b++) {
            for (int it = 0; it < items.length; it++) {
                for (int c = 0; c < prob[b][it].length; c++) {
                    prob[b][it][c] = Math.min(1, Math.max(0.5, prob[b][it][c]) / Math.max(1, bandSize[b]));
                }
            }
        }
        return new ItemModel(items, category, full, band, prob);
    }

    /** Task indices of each item, grouping the criteria of one task by their label. */
    static int[][] items(ProcedureData p) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int j = 0; j < p.taskCount(); j++) {
            String label = p.layout.tasks().get(j).label();
            Matcher m = CRITERION.matcher(label);
            groups.computeIfAbsent(m.matches() ? m.group(1) : label, k -> new ArrayList<>()).add(j);
        }
        return groups.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    private static long code(ProcedureData p, int row, int[] tasks) {
        long code = 0;
        for (int j : tasks) {
            code = code * (p.taskMax[j] + 2) + Math.min(p.task(row, j), p.taskMax[j]) + 1;
        }
        return code;
    }

    private static long fullCode(ProcedureData p, int[] tasks) {
        long code = 0;
        for (int j : tasks) {
            code = code * (p.taskMax[j] + 2) + p.taskMax[j] + 1;
        }
        return code;
    }

    int items() {
        return itemCount;
    }

    int band(int row) {
        return band[row];
    }

    int category(int row, int item) {
        return category[row * itemCount + item];
    }

    boolean full(int row, int item) {
        return category(row, item) == full[item];
    }

    double probability(int band, int item, int category) {
        return probability[band][item][category];
    }
}
