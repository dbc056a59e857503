package ru.msoko.core.stats;

import java.util.Arrays;
import org.hipparchus.distribution.discrete.HypergeometricDistribution;

/** One-sided significance tests returning p-values. */
public final class Tests {

    private static final int WILCOXON_EXACT_MAX_N = 50;

    private Tests() {
    }

    /** Fisher 1925 combined probability test: X = -2 Σ ln p_i ~ χ²(2k) (scipy combine_pvalues method='fisher'). */
    public static double fisherCombined(double... pValues) {
        Require.nonNull(pValues, "pValues");
        Require.atLeast(pValues.length, 1, "number of p-values");
        double statistic = 0;
        for (double p : pValues) {
            Require.probability(p, "p-value");
            statistic -= 2 * Math.log(p);
        }
        if (statistic == Double.POSITIVE_INFINITY) {
            return 0;
        }
        return Distributions.chiSquaredUpperTail(statistic, 2.0 * pValues.length);
    }

    /** Fisher 1935 exact test for [[a,b],[c,d]], one-sided: P(A <= a) under the hypergeometric law given the margins (scipy alternative='less'). */
    public static double fisherExactLess(int a, int b, int c, int d) {
        HypergeometricDistribution law = tableLaw(a, b, c, d);
        return law == null ? 1 : Math.min(1, law.cumulativeProbability(a));
    }

    /** Fisher 1935 exact test for [[a,b],[c,d]], one-sided: P(A >= a) given the margins (scipy alternative='greater'). */
    public static double fisherExactGreater(int a, int b, int c, int d) {
        HypergeometricDistribution law = tableLaw(a, b, c, d);
        return law == null ? 1 : Math.min(1, law.upperCumulativeProbability(a));
    }

    /**
     * Wilcoxon 1945 signed-rank test, H1: median > 0, on the sum of ranks of positive differences; zeros dropped (Wilcoxon's
     * method). Exact null distribution when at most 50 non-zero differences and no tied |d|, else the normal approximation with
     * the tie correction and no continuity correction (scipy wilcoxon, correction=False). NaN when every difference is zero.
     */
    public static double wilcoxonSignedRankGreater(double[] differences) {
        Require.nonNull(differences, "differences");
        double[] nonZero = nonZeroFinite(differences);
        int n = nonZero.length;
        if (n == 0) {
            return Double.NaN;
        }
        double[] magnitudes = new double[n];
        for (int i = 0; i < n; i++) {
            magnitudes[i] = Math.abs(nonZero[i]);
        }
        double[] ranks = Correlation.ranks(magnitudes);
        double positiveRankSum = 0;
        for (int i = 0; i < n; i++) {
            if (nonZero[i] > 0) {
                positiveRankSum += ranks[i];
            }
        }
        double tieTerm = tieTerm(magnitudes);
        if (n <= WILCOXON_EXACT_MAX_N && tieTerm == 0) {
            return WilcoxonExact.upperTail(n, (int) Math.round(positiveRankSum));
        }
        double mean = n * (n + 1.0) / 4;
        double variance = (n * (n + 1.0) * (2.0 * n + 1) - tieTerm / 2) / 24;
        return Distributions.normalUpperTail((positiveRankSum - mean) / Math.sqrt(variance));
    }

    /** P(H >= k) for a Poisson-binomial H = Σ Bernoulli(p_i) by the recursion f_i(j) = f_{i-1}(j)(1-p_i) + f_{i-1}(j-1)p_i (Chen &amp; Liu 1997), O(n·k), the tail accumulated without subtraction. */
    public static double poissonBinomialUpperTail(double[] probabilities, int k) {
        Require.nonNull(probabilities, "probabilities");
        for (double p : probabilities) {
            Require.probability(p, "probability");
        }
        int n = probabilities.length;
        if (k <= 0) {
            return 1;
        }
        if (k > n) {
            return 0;
        }
        double[] below = new double[k];
        below[0] = 1;
        double tail = 0;
        for (int i = 0; i < n; i++) {
            double p = probabilities[i];
            double q = 1 - p;
            tail += below[k - 1] * p;
            for (int j = Math.min(i + 1, k - 1); j >= 1; j--) {
                below[j] = below[j] * q + below[j - 1] * p;
            }
            below[0] *= q;
        }
        return Math.min(1, tail);
    }

    /** One-sample z test of a share against p0, one-sided: z = (s/n - p0)/√(p0(1-p0)/n), P(Z >= z) (statsmodels proportions_ztest, prop_var=p0). */
    public static double zShareUpperTail(int successes, int n, double p0) {
        Require.atLeast(n, 1, "n");
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException("successes must be in [0, n], got " + successes + " of " + n);
        }
        Require.openUnit(p0, "p0");
        double z = ((double) successes / n - p0) / Math.sqrt(p0 * (1 - p0) / n);
        return Distributions.normalUpperTail(z);
    }

    private static HypergeometricDistribution tableLaw(int a, int b, int c, int d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("table cells must not be negative: " + a + ", " + b + ", " + c + ", " + d);
        }
        long total = (long) a + b + c + d;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("table total exceeds " + Integer.MAX_VALUE);
        }
        return total == 0 ? null : new HypergeometricDistribution((int) total, a + c, a + b);
    }

    private static double[] nonZeroFinite(double[] values) {
        int count = 0;
        for (double v : values) {
            Require.finite(v, "difference");
            if (v != 0) {
                count++;
            }
        }
        double[] result = new double[count];
        int next = 0;
        for (double v : values) {
            if (v != 0) {
                result[next++] = v;
            }
        }
        return result;
    }

    /** Σ (t³ - t) over groups of t tied values; 0 when there are no ties. */
    private static double tieTerm(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double term = 0;
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || sorted[i] != sorted[start]) {
                double t = i - start;
                term += t * t * t - t;
                start = i;
            }
        }
        return term;
    }
}
