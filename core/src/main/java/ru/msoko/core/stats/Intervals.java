package ru.msoko.core.stats;

import org.hipparchus.distribution.continuous.BetaDistribution;

/** Two-sided confidence intervals for a proportion and for a mean. */
public final class Intervals {

    private static final double BETA_QUANTILE_ACCURACY = 1e-15;

    private Intervals() {
    }

    /** Wilson 1927 score interval for a binomial proportion (as statsmodels proportion_confint method='wilson'); [0, 1] when n = 0. */
    public static Interval wilson(int successes, int n, double confidence) {
        checkProportion(successes, n, confidence);
        if (n == 0) {
            return new Interval(0, 1);
        }
        double z = Distributions.normalQuantile(upperLevel(confidence));
        double z2 = z * z;
        double share = (double) successes / n;
        double denominator = 1 + z2 / n;
        double center = (share + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(share * (1 - share) / n + z2 / (4.0 * n * n));
        double low = successes == 0 ? 0 : Math.max(0, center - half);
        double high = successes == n ? 1 : Math.min(1, center + half);
        return new Interval(low, high);
    }

    /** Clopper & Pearson 1934 exact interval from beta quantiles (as statsmodels method='beta'); [0, 1] when n = 0. */
    public static Interval clopperPearson(int successes, int n, double confidence) {
        checkProportion(successes, n, confidence);
        double alpha = 1 - confidence;
        double low = successes == 0 ? 0 : betaQuantile(alpha / 2, successes, n - successes + 1.0);
        double high = successes == n ? 1 : betaQuantile(1 - alpha / 2, successes + 1.0, n - successes);
        return new Interval(low, high);
    }

    /** Student 1908 interval for a mean: mean ± t_{(1+c)/2, n-1}·sd/√n; needs n >= 2. */
    public static Interval studentT(double mean, double sd, int n, double confidence) {
        Require.finite(mean, "mean");
        Require.finite(sd, "sd");
        if (sd < 0) {
            throw new IllegalArgumentException("sd must not be negative, got " + sd);
        }
        Require.atLeast(n, 2, "n");
        Require.openUnit(confidence, "confidence");
        double half = Distributions.studentTQuantile(upperLevel(confidence), n - 1.0) * sd / Math.sqrt(n);
        return new Interval(mean - half, mean + half);
    }

    private static double upperLevel(double confidence) {
        return (1 + confidence) / 2;
    }

    private static double betaQuantile(double p, double a, double b) {
        return new BetaDistribution(a, b, BETA_QUANTILE_ACCURACY).inverseCumulativeProbability(p);
    }

    private static void checkProportion(int successes, int n, double confidence) {
        Require.atLeast(n, 0, "n");
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException("successes must be in [0, n], got " + successes + " of " + n);
        }
        Require.openUnit(confidence, "confidence");
    }
}
