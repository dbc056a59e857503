package ru.msoko.core.objectivity;

import java.util.Arrays;

/** Pupils of a procedure split into bands by primary score (quantiles), for comparisons at equal level. */
final class ScoreBands {

    static final int DECILES = 10;

    private ScoreBands() {
    }

    /** Band 0..bands−1 of each row; ties stay in one band. */
    static int[] of(ProcedureData p, int bands) {
        double[] totals = new double[p.n];
        for (int i = 0; i < p.n; i++) {
            totals[i] = Float.isNaN(p.primary[i]) ? 0 : p.primary[i];
        }
        double[] sorted = totals.clone();
        Arrays.sort(sorted);
        double[] cuts = new double[bands - 1];
        for (int b = 1; b < bands; b++) {
            cuts[b - 1] = sorted[(int) ((long) b * p.n / bands)];
        }
        int[] band = new int[p.n];
        for (int i = 0; i < p.n; i++) {
            int b = 0;
            while (b < cuts.length && totals[i] > cuts[b]) {
                b++;
            }
            band[i] = b;
        }
        return band;
    }
}
