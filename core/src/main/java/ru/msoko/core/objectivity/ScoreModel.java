package ru.msoko.core.objectivity;

/**
 * How likely each score of each task is for a pupil of a given level (methods.md G.1 adaptation): the
 * region's pupils are split into bands by primary score (deciles), and within a band the share of each
 * task score — including «not attempted» — is the probability of that score. Zero shares are floored
 * at half a pupil, so that a unique answer is rare, not impossible.
 */
final class ScoreModel {

    private final int[] band;
    private final double[][][] probability;

    private ScoreModel(int[] band, double[][][] probability) {
        this.band = band;
        this.probability = probability;
    }

    static ScoreModel fit(ProcedureData p, int bands) {
        int[] band = ScoreBands.of(p, bands);
        int[] bandSize = new int[bands];
        for (int b : band) {
            bandSize[b]++;
        }
        int k = p.taskCount();
        double[][][] prob = new double[bands][k][];
        for (int b = 0; b < bands; b++) {
            for (int j = 0; j < k; j++) {
                prob[b][j] = new double[p.taskMax[j] + 2]; // index 0 = not attempted, 1.. = score 0..max
            }
        }
        for (int i = 0; i < p.n; i++) {
            for (int j = 0; j < k; j++) {
                prob[band[i]][j][Math.min(p.task(i, j), p.taskMax[j]) + 1]++;
            }
        }
        for (int b = 0; b < bands; b++) {
            for (int j = 0; j < k; j++) {
                for (int c = 0; c < prob[b][j].length; c++) {
                    prob[b][j][c] = Math.max(0.5, prob[b][j][c]) / Math.max(1, bandSize[b]);
                }
            }
        }
        return new ScoreModel(band, prob);
    }

    int band(int row) {
        return band[row];
    }

    double probability(int band, int task, int score) {
        double[] row = probability[band][task];
        return Math.min(1, row[Math.min(score + 1, row.length - 1)]);
    }
}
