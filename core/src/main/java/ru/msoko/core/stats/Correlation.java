package ru.msoko.core.stats;

/** Rank-based association and position measures. */
public final class Correlation {

    private Correlation() {
    }

    /** Spearman 1904 rank correlation: Pearson's r of average ranks (scipy.stats.spearmanr); NaN when n < 2 or a sample is constant. */
    public static double spearman(double[] x, double[] y) {
        Require.nonNull(x, "x");
        Require.nonNull(y, "y");
        Require.sameLength(x.length, y.length, "x and y");
        if (x.length < 2) {
            return Double.NaN;
        }
        return pearson(ranks(x), ranks(y));
    }

    /** Average (mid) ranks, 1-based, ties sharing the mean of their positions (scipy.stats.rankdata method='average'). */
    public static double[] ranks(double[] x) {
        Require.nonNull(x, "x");
        for (double v : x) {
            Require.notNaN(v, "value");
        }
        Sorted sorted = Sorted.of(x);
        double[] keys = sorted.keys();
        int[] positions = sorted.positions();
        double[] ranks = new double[x.length];
        int start = 0;
        for (int i = 1; i <= keys.length; i++) {
            if (i == keys.length || keys[i] != keys[start]) {
                double rank = (start + 1 + i) / 2.0;
                for (int k = start; k < i; k++) {
                    ranks[positions[k]] = rank;
                }
                start = i;
            }
        }
        return ranks;
    }

    /** Mid-rank percentile: (#{s < value} + #{s = value}/2)/n, in [0, 1] (scipy percentileofscore kind='mean' / 100). */
    public static double percentileRank(double[] sample, double value) {
        Require.nonNull(sample, "sample");
        Require.atLeast(sample.length, 1, "sample size");
        Require.notNaN(value, "value");
        long below = 0;
        long equal = 0;
        for (double s : sample) {
            Require.notNaN(s, "sample value");
            if (s < value) {
                below++;
            } else if (s == value) {
                equal++;
            }
        }
        return (below + equal / 2.0) / sample.length;
    }

    private static double pearson(double[] x, double[] y) {
        int n = x.length;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }
}
