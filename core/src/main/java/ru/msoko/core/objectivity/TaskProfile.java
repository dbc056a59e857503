package ru.msoko.core.objectivity;

/** Solve rates of the tasks of one procedure: region-wide and for a range of rows (methods.md A.2 step 1). */
final class TaskProfile {

    private TaskProfile() {
    }

    /** Σ score / (N · max_j) per task over rows [from, to); not attempted counts as 0. */
    static double[] solveRates(ProcedureData p, int from, int to) {
        int k = p.taskCount();
        double[] sum = new double[k];
        for (int i = from; i < to; i++) {
            for (int j = 0; j < k; j++) {
                int v = p.task(i, j);
                if (v > 0) {
                    sum[j] += v;
                }
            }
        }
        int n = to - from;
        for (int j = 0; j < k; j++) {
            sum[j] = n == 0 || p.taskMax[j] == 0 ? Double.NaN : sum[j] / ((double) n * p.taskMax[j]);
        }
        return sum;
    }

    /** Weighted least-squares slope of y on x with weights w (closed form, no allocation). */
    static double slope(double[] y, double[] x, double[] w) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (int j = 0; j < y.length; j++) {
            sw += w[j];
            sx += w[j] * x[j];
            sy += w[j] * y[j];
        }
        double mx = sx / sw;
        double my = sy / sw;
        double sxy = 0;
        double sxx = 0;
        for (int j = 0; j < y.length; j++) {
            sxy += w[j] * (x[j] - mx) * (y[j] - my);
            sxx += w[j] * (x[j] - mx) * (x[j] - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }
}
