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
        double[] sorted = sortedNonNaN(pValues);
        int m = sorted.length;
        double[] sortedQ = new double[m];
        double running = 1;
        for (int i = m - 1; i >= 0; i--) {
            running = Math.min(running, sorted[i] * m / (i + 1));
            sortedQ[i] = running;
        }
        double[] q = new double[pValues.length];
        for (int i = 0; i < q.length; i++) {
            double p = pValues[i];
            // tied p-values all take the q of the last tied position, as the step-up minimum does

            q[i] = Double.isNaN(p) ? Double.NaN : sortedQ[SortedSearch.countNotAbove(sorted, p) - 1];
        }
        return q;
    }

    private static double[] sortedNonNaN(double[] pValues) {
        int count = 0;
        for (double p : pValues) {
            if (!Double.isNaN(p)) {
                Require.probability(p, "p-value");
                count++;
            }
        }
        double[] sorted = new double[count];
        int next = 0;
        for (double p : pValues) {
            if (!Double.isNaN(p)) {
                sorted[next++] = p;
            }
        }
        Arrays.sort(sorted);
        return sorted;
    }
}
