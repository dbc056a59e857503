package ru.msoko.core.stats;

/** Inter-rater agreement. */
public final class Agreement {

    private Agreement() {
    }

    /**
     * Cohen 1968 weighted kappa with quadratic weights (i − j)² on the categories minCategory..maxCategory, computed in O(n)
     * from 1 − Σ(a−b)² / [Σ(a−ā)² + Σ(b−b̄)² + n(ā−b̄)²]; equals sklearn cohen_kappa_score(a, b, weights='quadratic',
     * labels=range(min, max+1)), and without labels whenever the observed categories are contiguous. NaN when undefined.
     */
    public static double quadraticWeightedKappa(int[] a, int[] b, int minCategory, int maxCategory) {
        Require.nonNull(a, "a");
        Require.nonNull(b, "b");
        Require.sameLength(a.length, b.length, "ratings a and b");
        if (minCategory > maxCategory) {
            throw new IllegalArgumentException("minCategory " + minCategory + " exceeds maxCategory " + maxCategory);
        }
        int n = a.length;
        if (n == 0) {
            return Double.NaN;
        }
        double sumA = 0;
        double sumB = 0;
        double disagreement = 0;
        for (int i = 0; i < n; i++) {
            checkCategory(a[i], minCategory, maxCategory);
            checkCategory(b[i], minCategory, maxCategory);
            sumA += a[i];
            sumB += b[i];
            double d = (double) a[i] - b[i];
            disagreement += d * d;
        }
        double meanA = sumA / n;
        double meanB = sumB / n;
        double spreadA = 0;
        double spreadB = 0;
        for (int i = 0; i < n; i++) {
            spreadA += (a[i] - meanA) * (a[i] - meanA);
            spreadB += (b[i] - meanB) * (b[i] - meanB);
        }
        double expected = spreadA + spreadB + n * (meanA - meanB) * (meanA - meanB);
        return expected == 0 ? Double.NaN : 1 - disagreement / expected;
    }

    private static void checkCategory(int rating, int min, int max) {
        if (rating < min || rating > max) {
            throw new IllegalArgumentException("rating " + rating + " is outside the categories " + min + ".." + max);
        }
    }
}
