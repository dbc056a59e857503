package ru.msoko.core.stats;

import java.util.Arrays;

/** Multiple-testing adjustments. */
public final class MultipleTesting {

    private MultipleTesting() {
    }

    /**
     * Benjamini &amp; Hochberg 1995 step-up q-values: q_(i) = min_{j >= i} p_(j)·m/j, capped at 1 (statsmodels
     * multipletests method='fdr_bh'); NaN entries stay NaN and are not counted in m. O(m log m).
     */
    public static double[] benjaminiHochberg(double[] pValues) {
        Require.nonNull(pValues, "pValues");
        Sorted sorted = Sorted.of(nonNaN(pValues));
        double[] p = sorted.keys();
        int m = p.length;
        double[] q = new double[pValues.length];
        Arrays.fill(q, Double.NaN);
        int[] original = originalPositions(pValues);
        double running = 1;
        for (int i = m - 1; i >= 0; i--) {
            running = Math.min(running, p[i] * m / (i + 1));
            q[original[sorted.positions()[i]]] = running;
        }
        return q;
    }

    private static double[] nonNaN(double[] pValues) {
        int count = 0;
        for (double p : pValues) {
            if (!Double.isNaN(p)) {
                Require.probability(p, "p-value");
                count++;
            }
        }
        double[] result = new double[count];
        int next = 0;
        for (double p : pValues) {
            if (!Double.isNaN(p)) {
                result[next++] = p;
            }
        }
        return result;
    }

    /** For the k-th non-NaN entry, its index in the input. */
    private static int[] originalPositions(double[] pValues) {
        int count = 0;
        for (double p : pValues) {
            if (!Double.isNaN(p)) {
                count++;
            }
        }
        int[] positions = new int[count];
        int next = 0;
        for (int i = 0; i < pValues.length; i++) {
            if (!Double.isNaN(pValues[i])) {
                positions[next++] = i;
            }
        }
        return positions;
    }
}
