package ru.msoko.core.stats;

/**
 * Empirical Bayes shrinkage of group means in the one-way random-intercept model y_is = μ + u_s + e_is, u_s ~ (0, τ²),
 * e_is ~ (0, σ_s²), with τ² by the method of moments of DerSimonian &amp; Laird 1986 and the shrinkage of Morris 1983.
 * A group's sampling variance is v_s = σ_s²/n_s with σ_s² its own within variance, or the pooled within variance
 * Σ(n_s−1)σ_s²/Σ(n_s−1) when n_s &lt; 2 or its own variance is 0.
 */
public final class EmpiricalBayes {

    private EmpiricalBayes() {
    }

    /** A shrunk group mean μ + B(ȳ − μ), its posterior sd √(B·v) given μ and τ², and the weight B = τ²/(τ² + σ²/n). */
    public record Shrunk(double mean, double sd, double weight) {
    }

    /** Each group mean shrunk toward the precision-weighted grand mean by B_s = τ²/(τ² + v_s) (Morris 1983). */
    public static Shrunk[] shrink(double[] means, double[] variances, int[] sizes) {
        double[] v = samplingVariances(means, variances, sizes);
        double tau2 = tauSquared(means, v);
        double mu = randomEffectsMean(means, v, tau2);
        Shrunk[] shrunk = new Shrunk[means.length];
        for (int s = 0; s < means.length; s++) {
            double weight = tau2 / (tau2 + v[s]);
            shrunk[s] = new Shrunk(mu + weight * (means[s] - mu), Math.sqrt(weight * v[s]), weight);
        }
        return shrunk;
    }

    /** DerSimonian &amp; Laird 1986 between-group variance: max(0, (Q − (k−1)) / (Σw − Σw²/Σw)), w_s = 1/v_s; 0 for one group. */
    public static double tauSquared(double[] means, double[] variances, int[] sizes) {
        return tauSquared(means, samplingVariances(means, variances, sizes));
    }

    /** The random-effects grand mean Σ ȳ_s/(v_s + τ²) / Σ 1/(v_s + τ²) (DerSimonian &amp; Laird 1986). */
    public static double grandMean(double[] means, double[] variances, int[] sizes) {
        double[] v = samplingVariances(means, variances, sizes);
        return randomEffectsMean(means, v, tauSquared(means, v));
    }

    private static double tauSquared(double[] means, double[] v) {
        int k = means.length;
        if (k < 2) {
            return 0;
        }
        double sumW = 0;
        double sumW2 = 0;
        double sumWy = 0;
        for (int s = 0; s < k; s++) {
            double w = 1 / v[s];
            sumW += w;
            sumW2 += w * w;
            sumWy += w * means[s];
        }
        double fixedMean = sumWy / sumW;
        double q = 0;
        for (int s = 0; s < k; s++) {
            double d = means[s] - fixedMean;
            q += d * d / v[s];
        }
        return Math.max(0, (q - (k - 1)) / (sumW - sumW2 / sumW));
    }

    private static double randomEffectsMean(double[] means, double[] v, double tau2) {
        double sumW = 0;
        double sumWy = 0;
        for (int s = 0; s < means.length; s++) {
            double w = 1 / (v[s] + tau2);
            sumW += w;
            sumWy += w * means[s];
        }
        return sumWy / sumW;
    }

    private static double[] samplingVariances(double[] means, double[] variances, int[] sizes) {
        Require.nonNull(means, "means");
        Require.nonNull(variances, "variances");
        Require.nonNull(sizes, "sizes");
        Require.sameLength(means.length, variances.length, "means and variances");
        Require.sameLength(means.length, sizes.length, "means and sizes");
        Require.atLeast(means.length, 1, "number of groups");
        double pooled = pooledWithinVariance(means, variances, sizes);
        double[] v = new double[means.length];
        for (int s = 0; s < means.length; s++) {
            double own = variances[s];
            v[s] = (sizes[s] >= 2 && own > 0 ? own : pooled) / sizes[s];
        }
        return v;
    }

    private static double pooledWithinVariance(double[] means, double[] variances, int[] sizes) {
        double sum = 0;
        long df = 0;
        for (int s = 0; s < means.length; s++) {
            Require.finite(means[s], "group mean");
            Require.atLeast(sizes[s], 1, "group size");
            if (sizes[s] >= 2) {
                Require.finite(variances[s], "within-group variance");
                if (variances[s] < 0) {
                    throw new IllegalArgumentException("within-group variance must not be negative, got " + variances[s]);
                }
                sum += (sizes[s] - 1) * variances[s];
                df += sizes[s] - 1;
            }
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("the pooled within-group variance is zero or undefined: "
                    + "no group of two or more with varying values");
        }
        return sum / df;
    }
}
