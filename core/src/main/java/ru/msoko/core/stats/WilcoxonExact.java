package ru.msoko.core.stats;

/** Exact null distribution of the Wilcoxon signed-rank sum T+ for n <= 50, tabulated once by the counting recursion. */
final class WilcoxonExact {

    private static final int MAX_N = 50;
    private static final double[][] UPPER_TAIL = tabulate();

    private WilcoxonExact() {
    }

    /** P(T+ >= t) for n untied non-zero differences. */
    static double upperTail(int n, int t) {
        double[] tail = UPPER_TAIL[n];
        if (t <= 0) {
            return 1;
        }
        return t >= tail.length ? 0 : tail[t];
    }

    /** c_n(s) = c_{n-1}(s) + c_{n-1}(s - n): the number of rank subsets with sum s; tails divided by 2^n. */
    private static double[][] tabulate() {
        double[][] tails = new double[MAX_N + 1][];
        long[] counts = new long[MAX_N * (MAX_N + 1) / 2 + 1];
        counts[0] = 1;
        int maxSum = 0;
        for (int n = 1; n <= MAX_N; n++) {
            maxSum += n;
            for (int s = maxSum; s >= n; s--) {
                counts[s] += counts[s - n];
            }
            double total = Math.scalb(1.0, n);
            double[] tail = new double[maxSum + 1];
            long above = 0;
            for (int s = maxSum; s >= 0; s--) {
                above += counts[s];
                tail[s] = above / total;
            }
            tails[n] = tail;
        }
        return tails;
    }
}
