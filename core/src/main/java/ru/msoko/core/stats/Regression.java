package ru.msoko.core.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Linear regression: weighted least squares, Huber's robust fit and a permutation test of a slope. */
public final class Regression {

    private static final double HUBER_K = 1.345;
    private static final int HUBER_MAX_ITERATIONS = 50;
    private static final double HUBER_TOLERANCE = 1e-8;
    /** Φ⁻¹(3/4): the MAD of a standard normal. */
    private static final double MAD_NORMAL = NormalQuantile.of(0.75);
    /** Permuted slopes within this share of Σ|c_i y_i| below the observed one count as ties (rounding only). */
    private static final double PERMUTATION_TIE_TOLERANCE = 1e-12;

    private Regression() {
    }

    /** A fitted linear model: intercept first, then one coefficient per predictor; residuals y − Xb. */
    public record Fit(double[] coefficients, double[] residuals, double residualScale) {
    }

    /**
     * Weighted least squares (Aitken 1935) with an added intercept; residualScale = √(Σ w e² / (n − p)) as statsmodels WLS
     * {@code sqrt(scale)}, NaN when n = p.
     */
    public static Fit weightedLeastSquares(double[][] x, double[] y, double[] w) {
        Design design = Design.of(x, y);
        checkWeights(w, y.length);
        double[] coefficients = design.fit(w);
        double[] residuals = design.residuals(coefficients);
        return new Fit(coefficients, residuals, Math.sqrt(weightedSquares(residuals, w) / design.residualDf()));
    }

    /**
     * Huber 1964 M-estimator with T k = 1.345 by IRLS, the scale re-estimated each iteration as MAD about 0 / Φ⁻¹(3/4), stopping
     * when Σρ changes by at most 1e-8 or after 50 fits (statsmodels RLM(M=HuberT()).fit() defaults, its convergence rule
     * included); residualScale = the final scale.
     */
    public static Fit huber(double[][] x, double[] y) {
        Design design = Design.of(x, y);
        if (design.residualDf() < 1) {
            throw new IllegalArgumentException("the robust fit needs more rows than coefficients");
        }
        double[] weights = new double[y.length];
        Arrays.fill(weights, 1);
        double[] coefficients = design.fit(weights);
        double[] residuals = design.residuals(coefficients);
        double scale = madAboutZero(residuals);
        double criterion = huberCriterion(residuals, weights, design.residualDf());
        for (int iteration = 2; scale > 0; iteration++) {
            for (int i = 0; i < weights.length; i++) {
                double z = Math.abs(residuals[i] / scale);
                weights[i] = z <= HUBER_K ? 1 : HUBER_K / z;
            }
            coefficients = design.fit(weights);
            residuals = design.residuals(coefficients);
            scale = madAboutZero(residuals);
            double next = huberCriterion(residuals, weights, design.residualDf());
            if (!(Math.abs(next - criterion) > HUBER_TOLERANCE && iteration < HUBER_MAX_ITERATIONS)) {
                break;
            }
            criterion = next;
        }
        return new Fit(coefficients, residuals, scale);
    }

    /**
     * One-sided permutation test of the WLS slope b of y = a + bx (Fisher 1935; Manly 2007): y shuffled across the points, weights
     * and x kept; p = (1 + #{b_perm >= b_obs}) / (1 + permutations), deterministic for a seed (SplittableRandom).
     */
    public static double permutationSlopePValue(double[] y, double[] x, double[] w, int permutations, long seed) {
        Require.nonNull(y, "y");
        Require.nonNull(x, "x");
        Require.sameLength(y.length, x.length, "y and x");
        checkWeights(w, y.length);
        Require.atLeast(permutations, 1, "permutations");
        for (int i = 0; i < y.length; i++) {
            Require.finite(y[i], "y");
            Require.finite(x[i], "x");
        }
        double[] c = slopeContrasts(x, w);
        double observed = dot(c, y);
        double tolerance = PERMUTATION_TIE_TOLERANCE * absoluteDot(c, y);
        double[] shuffled = y.clone();
        SplittableRandom random = new SplittableRandom(seed);
        int atLeast = 0;
        for (int b = 0; b < permutations; b++) {
            shuffle(shuffled, random);
            if (dot(c, shuffled) >= observed - tolerance) {
                atLeast++;
            }
        }
        return (1.0 + atLeast) / (1.0 + permutations);
    }

    /** c_i = w_i (x_i − x̄_w): the WLS slope is Σ c_i y_i / Σ c_i x_i, so comparing Σ c_i y_i compares slopes. */
    private static double[] slopeContrasts(double[] x, double[] w) {
        double sumW = 0;
        double sumWx = 0;
        for (int i = 0; i < x.length; i++) {
            sumW += w[i];
            sumWx += w[i] * x[i];
        }
        if (!(sumW > 0)) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        double mean = sumWx / sumW;
        double[] c = new double[x.length];
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            c[i] = w[i] * (x[i] - mean);
            sxx += c[i] * (x[i] - mean);
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("x must vary among the points with positive weight");
        }
        return c;
    }

    private static void shuffle(double[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double absoluteDot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] * b[i]);
        }
        return s;
    }

    private static double weightedSquares(double[] residuals, double[] w) {
        double s = 0;
        for (int i = 0; i < residuals.length; i++) {
            s += w[i] * residuals[i] * residuals[i];
        }
        return s;
    }

    private static double madAboutZero(double[] residuals) {
        double[] magnitudes = new double[residuals.length];
        for (int i = 0; i < residuals.length; i++) {
            magnitudes[i] = Math.abs(residuals[i]);
        }
        return Median.ofDestroying(magnitudes) / MAD_NORMAL;
    }

    /** statsmodels' convergence criterion: Σ ρ_H(e_i / s²) with s² = Σ w e² / (n − p) of the last weighted fit. */
    private static double huberCriterion(double[] residuals, double[] weights, int residualDf) {
        double wlsScale = weightedSquares(residuals, weights) / residualDf;
        double sum = 0;
        for (double e : residuals) {
            double z = Math.abs(e / wlsScale);
            sum += z <= HUBER_K ? 0.5 * z * z : HUBER_K * z - 0.5 * HUBER_K * HUBER_K;
        }
        return sum;
    }

    private static void checkWeights(double[] w, int n) {
        Require.nonNull(w, "w");
        Require.sameLength(w.length, n, "weights and y");
        for (double v : w) {
            if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("weights must be finite and not negative, got " + v);
            }
        }
    }

    /** The validated design [1, x] and response. */
    private record Design(double[][] x, double[] y, int coefficients) {

        static Design of(double[][] x, double[] y) {
            Require.nonNull(x, "x");
            Require.nonNull(y, "y");
            Require.sameLength(x.length, y.length, "x rows and y");
            Require.atLeast(y.length, 1, "number of rows");
            int predictors = Require.nonNull(x[0], "x row").length;
            for (int i = 0; i < y.length; i++) {
                Require.sameLength(Require.nonNull(x[i], "x row").length, predictors, "x rows");
                for (double v : x[i]) {
                    Require.finite(v, "x");
                }
                Require.finite(y[i], "y");
            }
            return new Design(x, y, predictors + 1);
        }

        int residualDf() {
            return y.length - coefficients;
        }

        /** Solves the weighted problem by scaling each row by √w. */
        double[] fit(double[] w) {
            int n = y.length;
            double[][] columns = new double[coefficients][n];
            double[] wy = new double[n];
            for (int i = 0; i < n; i++) {
                double root = Math.sqrt(w[i]);
                columns[0][i] = root;
                for (int j = 1; j < coefficients; j++) {
                    columns[j][i] = root * x[i][j - 1];
                }
                wy[i] = root * y[i];
            }
            return LeastSquares.factor(columns).solve(wy);
        }

        double[] residuals(double[] b) {
            double[] e = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                double fitted = b[0];
                for (int j = 1; j < coefficients; j++) {
                    fitted += b[j] * x[i][j - 1];
                }
                e[i] = y[i] - fitted;
            }
            return e;
        }
    }
}
