package ru.msoko.core.objectivity;

import java.util.SplittableRandom;

/**
 * Permutation p-value of a WLS slope with sequential stopping (Besag & Clifford 1991, "Sequential Monte
 * Carlo p-values", Biometrika 78(2)): sampling stops once {@code h} permuted slopes reach the observed one,
 * giving p = h/L; otherwise all B permutations run and p = (g+1)/(B+1). Clearly unremarkable units stop
 * after a few dozen permutations, so the full 10,000 are spent only where the p-value is small.
 */
final class SequentialPermutation {

    private static final int H = 20;

    private SequentialPermutation() {
    }

    static double slopePValue(double[] y, double[] x, double[] w, int permutations, long seed) {
        double observed = TaskProfile.slope(y, x, w);
        double[] shuffled = y.clone();
        SplittableRandom random = new SplittableRandom(seed);
        int exceed = 0;
        for (int b = 1; b <= permutations; b++) {
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            if (TaskProfile.slope(shuffled, x, w) >= observed) {
                exceed++;
                if (exceed == H) {
                    return (double) H / b;
                }
            }
        }
        return (exceed + 1.0) / (permutations + 1.0);
    }
}
