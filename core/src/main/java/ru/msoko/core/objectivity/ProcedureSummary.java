package ru.msoko.core.objectivity;

import java.util.Arrays;

/**
 * Per-school and regional aggregates of one procedure, computed once and shared by the rules. The
 * school metric is the percentage of the maximum primary score when the maximum is known (methods.md
 * A.1 step 2), else the test score, else the mark.
 */
final class ProcedureSummary {

    final ProcedureData data;
    /** Metric per row (NaN when the row has none). */
    final double[] metric;
    final String metricName;
    /** Per school slot (index into {@code data.schools}): participants with a metric, mean, SD. */
    final int[] n;
    final double[] mean;
    final double[] sd;
    /** Mark counts per school slot: {@code marks[slot][mark]}, mark 2..5. */
    final int[][] marks;
    /** Student-level mean and SD of the metric over the region. */
    final double studentMean;
    final double studentSd;
    /** Sum and count of school means over schools with n ≥ min n (for leave-one-out references). */
    final double sumMeans;
    final double sumSquaredMeans;
    final int reliableSchools;
    final int minN;

    ProcedureSummary(ProcedureData data, int minN) {
        this.data = data;
        this.minN = minN;
        double max = data.maxTotal();
        boolean percent = !Double.isNaN(max) && max > 0 && hasAny(data.primary);
        boolean test = !percent && hasAny(data.testScore);
        this.metricName = percent ? "% от максимума" : test ? "тестовый балл" : "отметка";
        this.metric = new double[data.n];
        for (int i = 0; i < data.n; i++) {
            metric[i] = percent ? 100.0 * data.primary[i] / max
                    : test ? data.testScore[i] : data.mark[i] == ProcedureData.NO_MARK ? Double.NaN : data.mark[i];
        }
        int slots = data.schoolCount();
        n = new int[slots];
        mean = new double[slots];
        sd = new double[slots];
        marks = new int[slots][6];
        double total = 0;
        double totalSq = 0;
        long count = 0;
        for (int s = 0; s < slots; s++) {
            double sum = 0;
            double sq = 0;
            int k = 0;
            for (int i = data.starts[s]; i < data.starts[s + 1]; i++) {
                double v = metric[i];
                if (!Double.isNaN(v)) {
                    sum += v;
                    sq += v * v;
                    k++;
                }
                marks[s][data.mark[i]]++;
            }
            n[s] = k;
            mean[s] = k == 0 ? Double.NaN : sum / k;
            sd[s] = k < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sq - sum * sum / k) / (k - 1)));
            total += sum;
            totalSq += sq;
            count += k;
        }
        studentMean = count == 0 ? Double.NaN : total / count;
        studentSd = count < 2 ? Double.NaN : Math.sqrt(Math.max(0, (totalSq - total * total / count) / (count - 1)));
        double sm = 0;
        double smq = 0;
        int r = 0;
        for (int s = 0; s < slots; s++) {
            if (n[s] >= minN) {
                sm += mean[s];
                smq += mean[s] * mean[s];
                r++;
            }
        }
        sumMeans = sm;
        sumSquaredMeans = smq;
        reliableSchools = r;
    }

    private static boolean hasAny(float[] v) {
        for (float x : v) {
            if (!Float.isNaN(x)) {
                return true;
            }
        }
        return false;
    }

    boolean reliable(int slot) {
        return n[slot] >= minN;
    }

    /** Mean of the other reliable schools' means (methods.md A.1 step 3, leave-one-out). */
    double regionMeanWithout(int slot) {
        if (!reliable(slot)) {
            return reliableSchools == 0 ? Double.NaN : sumMeans / reliableSchools;
        }
        int k = reliableSchools - 1;
        return k <= 0 ? Double.NaN : (sumMeans - mean[slot]) / k;
    }

    /** Between-school SD of the other reliable schools' means. */
    double regionSdWithout(int slot) {
        double s = sumMeans;
        double sq = sumSquaredMeans;
        int k = reliableSchools;
        if (reliable(slot)) {
            s -= mean[slot];
            sq -= mean[slot] * mean[slot];
            k--;
        }
        return k < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sq - s * s / k) / (k - 1)));
    }

    /** School-level standardised result Z = (m − μ_R)/σ_R (methods.md A.4 step 1). */
    double z(int slot) {
        return (mean[slot] - regionMeanWithout(slot)) / regionSdWithout(slot);
    }

    /** The school's mean in pupil-level standard units of its procedure (A.6, A.8 compare them over years). */
    double pupilZ(int slot) {
        return (mean[slot] - studentMean) / studentSd;
    }

    /** Sampling variance of {@link #pupilZ}. */
    double pupilZVariance(int slot) {
        double s = sd[slot] / studentSd;
        return s * s / n[slot];
    }

    /** Slot of a school index, or −1 when the school has no rows here. */
    int slotOf(int school) {
        int slot = Arrays.binarySearch(data.schools, school);
        return slot >= 0 ? slot : -1;
    }

    /** Means of the reliable schools (for percentile ranks). */
    double[] reliableMeans() {
        double[] v = new double[reliableSchools];
        for (int s = 0, j = 0; s < n.length; s++) {
            if (reliable(s)) {
                v[j++] = mean[s];
            }
        }
        return v;
    }

    int markTotal(int slot) {
        int t = 0;
        for (int m = 2; m <= 5; m++) {
            t += marks[slot][m];
        }
        return t;
    }
}
