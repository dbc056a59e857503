package ru.msoko.core.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Bunching at a score threshold (Chetty, Friedman, Olsen &amp; Pistaferri 2011; Kleven &amp; Waseem 2013): a polynomial
 * counterfactual of the score histogram, fitted with one dummy per point of the window around the threshold.
 */
public final class Bunching {

    private static final double LOWER_PERCENTILE = 0.025;
    private static final double UPPER_PERCENTILE = 0.975;

    private Bunching() {
    }

    /**
     * The estimate: missing mass below t, excess mass from t on, the share of the counterfactual mass below t that moved
     * (missing / Σ n̂ below), its percentile bootstrap interval, and the counterfactual n̂_j for every score.
     */
    public record Estimate(int threshold, double missingMass, double excessMass, double shareManipulated,
            Interval shareInterval, double[] counterfactual) {
    }

    /**
     * Fits counts[j] = Σ_{p≤degree} π_p (j/max)^p + Σ_{i∈W} γ_i 1[j=i], W = [t−below, t+above−1], by OLS (Chetty et al. 2011);
     * with a dummy per window point this is the polynomial fitted to the points outside W (Frisch–Waugh). The interval is the
     * 2.5%–97.5% percentile (linear interpolation, as numpy) of the share over {@code replications} refits on fitted values
     * plus residuals of the full fit resampled with replacement (SplittableRandom(seed)).
     */
    public static Estimate estimate(long[] counts, int threshold, int below, int above, int degree, int replications,
            long seed) {
        Window window = Window.of(counts, threshold, below, above, degree);
        Require.atLeast(replications, 1, "replications");
        double[] observed = new double[counts.length];
        for (int j = 0; j < counts.length; j++) {
            observed[j] = counts[j];
        }
        LeastSquares outside = window.factorOutside();
        double[] counterfactual = window.polynomial(outside.solve(window.outside(observed)));
        double missing = window.missingMass(observed, counterfactual);
        double excess = window.excessMass(observed, counterfactual);
        double share = window.share(observed, counterfactual);
        double[] shares = bootstrap(window, outside, observed, counterfactual, replications, seed);
        Interval interval = shares.length == 0 ? new Interval(Double.NaN, Double.NaN)
                : new Interval(percentile(shares, LOWER_PERCENTILE), percentile(shares, UPPER_PERCENTILE));
        return new Estimate(threshold, missing, excess, share, interval, counterfactual);
    }

    /** Shares of the refits, undefined ones (no counterfactual mass below t) left out, sorted. */
    private static double[] bootstrap(Window window, LeastSquares outside, double[] observed, double[] counterfactual,
            int replications, long seed) {
        int n = observed.length;
        double[] fitted = new double[n];
        double[] residuals = new double[n];
        for (int j = 0; j < n; j++) {
            fitted[j] = window.contains(j) ? observed[j] : counterfactual[j];
            residuals[j] = observed[j] - fitted[j];
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] resampled = new double[n];
        double[] shares = new double[replications];
        int defined = 0;
        for (int b = 0; b < replications; b++) {
            for (int j = 0; j < n; j++) {
                resampled[j] = fitted[j] + residuals[random.nextInt(n)];
            }
            double share = window.share(resampled, window.polynomial(outside.solve(window.outside(resampled))));
            if (!Double.isNaN(share)) {
                shares[defined++] = share;
            }
        }
        double[] result = Arrays.copyOf(shares, defined);
        Arrays.sort(result);
        return result;
    }

    /** numpy's default percentile of a sorted sample: linear interpolation at position q·(n−1). */
    private static double percentile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    /** The histogram's geometry: scores 0..max, the window [first, last] and the polynomial degree. */
    private record Window(int max, int threshold, int first, int last, int degree) {

        static Window of(long[] counts, int threshold, int below, int above, int degree) {
            Require.nonNull(counts, "counts");
            for (long c : counts) {
                if (c < 0) {
                    throw new IllegalArgumentException("counts must not be negative, got " + c);
                }
            }
            Require.atLeast(below, 1, "below");
            Require.atLeast(above, 1, "above");
            Require.atLeast(degree, 0, "degree");
            int max = counts.length - 1;
            int first = threshold - below;
            int last = threshold + above - 1;
            if (first < 0 || last > max) {
                throw new IllegalArgumentException("the window " + first + ".." + last + " must lie within the scores 0.."
                        + max);
            }
            int outside = counts.length - (last - first + 1);
            if (outside < degree + 1) {
                throw new IllegalArgumentException("a polynomial of degree " + degree + " needs at least " + (degree + 1)
                        + " scores outside the window, got " + outside);
            }
            return new Window(max, threshold, first, last, degree);
        }

        boolean contains(int j) {
            return j >= first && j <= last;
        }

        /** The polynomial design (j/max)^p on the scores outside the window, factored once for every refit. */
        LeastSquares factorOutside() {
            int rows = max + 1 - (last - first + 1);
            double[][] columns = new double[degree + 1][rows];
            int row = 0;
            for (int j = 0; j <= max; j++) {
                if (!contains(j)) {
                    double x = (double) j / max;
                    double power = 1;
                    for (int p = 0; p <= degree; p++) {
                        columns[p][row] = power;
                        power *= x;
                    }
                    row++;
                }
            }
            return LeastSquares.factor(columns);
        }

        double[] outside(double[] values) {
            double[] result = new double[max + 1 - (last - first + 1)];
            int row = 0;
            for (int j = 0; j <= max; j++) {
                if (!contains(j)) {
                    result[row++] = values[j];
                }
            }
            return result;
        }

        double[] polynomial(double[] coefficients) {
            double[] values = new double[max + 1];
            for (int j = 0; j <= max; j++) {
                double x = (double) j / max;
                double sum = 0;
                for (int p = degree; p >= 0; p--) {
                    sum = sum * x + coefficients[p];
                }
                values[j] = sum;
            }
            return values;
        }

        double missingMass(double[] observed, double[] counterfactual) {
            double sum = 0;
            for (int j = first; j < threshold; j++) {
                sum += counterfactual[j] - observed[j];
            }
            return sum;
        }

        double excessMass(double[] observed, double[] counterfactual) {
            double sum = 0;
            for (int j = threshold; j <= last; j++) {
                sum += observed[j] - counterfactual[j];
            }
            return sum;
        }

        /** missing / Σ n̂ below t; NaN when the counterfactual mass below t is not positive. */
        double share(double[] observed, double[] counterfactual) {
            double mass = 0;
            for (int j = first; j < threshold; j++) {
                mass += counterfactual[j];
            }
            return mass > 0 ? missingMass(observed, counterfactual) / mass : Double.NaN;
        }
    }
}
