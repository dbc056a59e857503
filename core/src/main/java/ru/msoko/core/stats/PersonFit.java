package ru.msoko.core.stats;

import java.util.Arrays;

/**
 * Nonparametric person fit on item steps (Molenaar 1991): task j with maximum m_j has steps x_jk = 1[score_j ≥ k], k = 1..m_j,
 * numbered task by task. Gpoly and U3poly follow PerFit (Tendeiro, Meijer &amp; Niessen 2016) and Emons 2008, with maxima that
 * may differ by task; the step proportions come from a reference sample, so persons can be compared with a population.
 */
public final class PersonFit {

    private static final double MIN_P = 1e-6;
    private static final double MAX_P = 1 - 1e-6;

    private PersonFit() {
    }

    /** The share of persons passing each step (PerFit's P(X_j ≥ k)), in step order; scores must lie in [0, max_j]. */
    public static double[] stepProportions(int[][] scores, int[] max) {
        Require.nonNull(scores, "scores");
        Require.atLeast(scores.length, 1, "number of persons");
        int[] offsets = offsets(max);
        long[] passed = new long[offsets[max.length]];
        for (int[] person : scores) {
            checkScores(person, max);
            for (int j = 0; j < max.length; j++) {
                for (int k = 0; k < person[j]; k++) {
                    passed[offsets[j] + k]++;
                }
            }
        }
        double[] p = new double[passed.length];
        for (int s = 0; s < p.length; s++) {
            p[s] = (double) passed[s] / scores.length;
        }
        return p;
    }

    /** Guttman errors G (Guttman 1944; PerFit Gpoly): pairs of an easier step failed and a harder step passed, steps ordered by decreasing p (ties by step order). */
    public static int guttmanErrors(int[] personScores, int[] max, double[] stepP) {
        return model(max, stepP).guttmanErrors(personScores);
    }

    /** van der Flier 1982 U3 on steps with weights ln(p/(1−p)), p clamped into [1e-6, 1−1e-6], as PerFit U3poly; NaN when r = 0 or r = all steps. */
    public static double u3(int[] personScores, int[] max, double[] stepP) {
        return model(max, stepP).u3(personScores);
    }

    /**
     * Drasgow, Levine &amp; Williams 1985 standardized log-likelihood lz = W/σ with W = Σ(x − P)ln(P/Q) and σ² = ΣPQ[ln(P/Q)]²;
     * P in (0, 1); NaN when σ = 0.
     */
    public static double lz(int[] stepsPassed01, double[] probabilities) {
        Require.nonNull(stepsPassed01, "stepsPassed01");
        Require.nonNull(probabilities, "probabilities");
        Require.sameLength(stepsPassed01.length, probabilities.length, "steps and probabilities");
        double w = 0;
        double variance = 0;
        for (int i = 0; i < stepsPassed01.length; i++) {
            int x = stepsPassed01[i];
            if (x != 0 && x != 1) {
                throw new IllegalArgumentException("a step is passed (1) or not (0), got " + x);
            }
            double p = probabilities[i];
            Require.openUnit(p, "probability");
            double logit = Math.log(p / (1 - p));
            w += (x - p) * logit;
            variance += p * (1 - p) * logit * logit;
        }
        return variance == 0 ? Double.NaN : w / Math.sqrt(variance);
    }

    /** Precomputes the step order and the U3 bounds once, for scoring many persons against the same reference in O(steps) each. */
    public static Model model(int[] max, double[] stepP) {
        return new Model(max, stepP);
    }

    /** Step order and U3 weights for one reference; immutable and thread-safe. */
    public static final class Model {

        private final int[] max;
        private final int[] offsets;
        /** Rank of each step when steps are ordered by decreasing p. */
        private final int[] rankOf;
        private final double[] logit;
        /** The largest and the smallest Σ weights over feasible score vectors with r passed steps, r = 0..steps. */
        private final double[] maxWeight;
        private final double[] minWeight;

        private Model(int[] max, double[] stepP) {
            this.max = Require.nonNull(max, "max").clone();
            this.offsets = offsets(max);
            int steps = offsets[max.length];
            Require.nonNull(stepP, "stepP");
            Require.sameLength(stepP.length, steps, "stepP and the steps of max");
            this.logit = new double[steps];
            for (int s = 0; s < steps; s++) {
                Require.probability(stepP[s], "step proportion");
                double p = Math.min(MAX_P, Math.max(MIN_P, stepP[s]));
                logit[s] = Math.log(p / (1 - p));
            }
            int[] order = orderByDecreasing(stepP);
            this.rankOf = new int[steps];
            for (int r = 0; r < steps; r++) {
                rankOf[order[r]] = r;
            }
            this.maxWeight = largestSums(order);
            this.minWeight = smallestFeasibleSums();
        }

        /** Guttman errors of one person (see {@link PersonFit#guttmanErrors}). */
        public int guttmanErrors(int[] personScores) {
            checkScores(personScores, max);
            boolean[] passedByRank = new boolean[rankOf.length];
            for (int j = 0; j < max.length; j++) {
                for (int k = 0; k < personScores[j]; k++) {
                    passedByRank[rankOf[offsets[j] + k]] = true;
                }
            }
            int errors = 0;
            int failedEasier = 0;
            for (boolean passed : passedByRank) {
                if (passed) {
                    errors += failedEasier;
                } else {
                    failedEasier++;
                }
            }
            return errors;
        }

        /** U3 of one person (see {@link PersonFit#u3}): (max W_r − W)/(max W_r − min W_r), the minimum over feasible patterns as PerFit. */
        public double u3(int[] personScores) {
            checkScores(personScores, max);
            int r = 0;
            double weight = 0;
            for (int j = 0; j < max.length; j++) {
                for (int k = 0; k < personScores[j]; k++) {
                    weight += logit[offsets[j] + k];
                }
                r += personScores[j];
            }
            if (r == 0 || r == logit.length) {
                return Double.NaN;
            }
            double range = maxWeight[r] - minWeight[r];
            return range == 0 ? Double.NaN : (maxWeight[r] - weight) / range;
        }

        private double[] largestSums(int[] order) {
            double[] sums = new double[order.length + 1];
            for (int r = 1; r <= order.length; r++) {
                sums[r] = sums[r - 1] + logit[order[r - 1]];
            }
            return sums;
        }

        /** min over score vectors with Σ score = r of Σ_j Σ_{k ≤ score_j} w_jk, by a min-plus recursion over tasks (PerFit U3poly). */
        private double[] smallestFeasibleSums() {
            double[] best = {0};
            for (int j = 0; j < max.length; j++) {
                double[] next = new double[best.length + max[j]];
                Arrays.fill(next, Double.POSITIVE_INFINITY);
                double cumulative = 0;
                for (int k = 0; k <= max[j]; k++) {
                    if (k > 0) {
                        cumulative += logit[offsets[j] + k - 1];
                    }
                    for (int r = 0; r < best.length; r++) {
                        next[r + k] = Math.min(next[r + k], best[r] + cumulative);
                    }
                }
                best = next;
            }
            return best;
        }
    }

    private static int[] orderByDecreasing(double[] p) {
        int n = p.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int left = 0; left < n - width; left += 2 * width) {
                merge(p, order, buffer, left, left + width, Math.min(left + 2 * width, n));
            }
        }
        return order;
    }

    /** Stable merge of order[left..middle) and order[middle..right) by decreasing p. */
    private static void merge(double[] p, int[] order, int[] buffer, int left, int middle, int right) {
        int i = left;
        int j = middle;
        int out = left;
        while (i < middle && j < right) {
            buffer[out++] = p[order[j]] > p[order[i]] ? order[j++] : order[i++];
        }
        while (i < middle) {
            buffer[out++] = order[i++];
        }
        while (j < right) {
            buffer[out++] = order[j++];
        }
        System.arraycopy(buffer, left, order, left, right - left);
    }

    private static int[] offsets(int[] max) {
        Require.nonNull(max, "max");
        Require.atLeast(max.length, 1, "number of tasks");
        int[] offsets = new int[max.length + 1];
        for (int j = 0; j < max.length; j++) {
            Require.atLeast(max[j], 1, "task maximum");
            offsets[j + 1] = offsets[j] + max[j];
        }
        return offsets;
    }

    private static void checkScores(int[] scores, int[] max) {
        Require.nonNull(scores, "scores");
        Require.sameLength(scores.length, max.length, "scores and max");
        for (int j = 0; j < max.length; j++) {
            if (scores[j] < 0 || scores[j] > max[j]) {
                throw new IllegalArgumentException("score " + scores[j] + " of task " + j + " is outside 0.." + max[j]);
            }
        }
    }
}
