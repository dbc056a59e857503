package ru.msoko.core.stats;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/** Tail probabilities and quantiles of the distributions used by the tests, accurate far into the tails. */
public final class Distributions {

    private static final double QUANTILE_ACCURACY = 1e-14;

    private Distributions() {
    }

    /** P(Z >= z) for a standard normal Z by Marsaglia 2004 (Taylor series of Mills' ratio), accurate far into the upper tail. */
    public static double normalUpperTail(double z) {
        Require.notNaN(z, "z");
        return NormalTail.upper(z);
    }

    /** Standard normal quantile by Wichura 1988, Algorithm AS 241 (PPND16), relative accuracy about 1e-16. */
    public static double normalQuantile(double p) {
        Require.probability(p, "p");
        return NormalQuantile.of(p);
    }

    /** Quantile of Student's t with {@code df} degrees of freedom (Hipparchus, root found to 1e-14). */
    public static double studentTQuantile(double p, double df) {
        Require.probability(p, "p");
        Require.positive(df, "df");
        return new TDistribution(df, QUANTILE_ACCURACY).inverseCumulativeProbability(p);
    }

    /** P(T >= t) for Student's t: I_{df/(df+t²)}(df/2, 1/2)/2 for t >= 0 (Abramowitz &amp; Stegun 26.7.1), its complement below 0. */
    public static double studentTUpperTail(double t, double df) {
        Require.notNaN(t, "t");
        Require.positive(df, "df");
        if (Double.isInfinite(t)) {
            return t > 0 ? 0 : 1;
        }
        double tail = 0.5 * Beta.regularizedBeta(df / (df + t * t), 0.5 * df, 0.5);
        return t >= 0 ? tail : 1 - tail;
    }

    /** P(X >= k) for X ~ Binomial(n, p), exactly as I_p(k, n-k+1) (regularized incomplete beta); 1 when k <= 0. */
    public static double binomialUpperTail(int k, int n, double p) {
        checkBinomial(n, p);
        if (k <= 0) {
            return 1;
        }
        if (k > n) {
            return 0;
        }
        if (p == 0 || p == 1) {
            return p;
        }
        return Beta.regularizedBeta(p, k, n - k + 1.0);
    }

    /** P(X <= k) for X ~ Binomial(n, p), exactly as I_{1-p}(n-k, k+1) (regularized incomplete beta). */
    public static double binomialLowerTail(int k, int n, double p) {
        checkBinomial(n, p);
        if (k < 0) {
            return 0;
        }
        if (k >= n) {
            return 1;
        }
        if (p == 0 || p == 1) {
            return 1 - p;
        }
        return Beta.regularizedBeta(1 - p, n - (double) k, k + 1.0);
    }

    /** P(X >= x) for X ~ χ²(df), as the regularized upper incomplete gamma Q(df/2, x/2). */
    public static double chiSquaredUpperTail(double x, double df) {
        Require.notNaN(x, "x");
        Require.positive(df, "df");
        if (x <= 0) {
            return 1;
        }
        return Gamma.regularizedGammaQ(df / 2, x / 2);
    }

    private static void checkBinomial(int n, double p) {
        Require.atLeast(n, 0, "n");
        Require.probability(p, "p");
    }
}
