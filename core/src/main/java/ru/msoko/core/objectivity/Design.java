package ru.msoko.core.objectivity;

/** Regression design helpers. */
final class Design {

    private Design() {
    }

    /** Drops the predictors that do not vary (no profile schools in the region, no context index): they would make the fit singular. */
    static double[][] withoutConstantColumns(double[][] x) {
        int p = x.length == 0 ? 0 : x[0].length;
        boolean[] keep = new boolean[p];
        int kept = 0;
        for (int j = 0; j < p; j++) {
            for (double[] row : x) {
                if (row[j] != x[0][j] && !Double.isNaN(row[j])) {
                    keep[j] = true;
                }
            }
            for (double[] row : x) {
                if (Double.isNaN(row[j])) {
                    keep[j] = false;
                }
            }
            kept += keep[j] ? 1 : 0;
        }
        double[][] out = new double[x.length][kept];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0, c = 0; j < p; j++) {
                if (keep[j]) {
                    out[i][c++] = x[i][j];
                }
            }
        }
        return out;
    }
}
