package ru.msoko.core.stats;

/**
 * Least squares by Householder QR (Golub &amp; Van Loan, Matrix Computations, 5.2): factor the design once, then solve for
 * any number of right-hand sides in O(n·p) each.
 */
final class LeastSquares {

    /** A column whose part orthogonal to the earlier columns is below this share of its norm makes the design rank deficient. */
    private static final double RANK_TOLERANCE = 1e-10;

    private final int rows;
    /** Column-major Householder vectors below and on the diagonal, R above it. */
    private final double[][] qr;
    private final double[] diagonal;

    private LeastSquares(double[][] columns) {
        this.rows = columns[0].length;
        this.qr = columns;
        this.diagonal = new double[columns.length];
        for (int k = 0; k < columns.length; k++) {
            reflect(k);
        }
    }

    /** Factors the design given as columns ({@code columns[j][i]} = predictor j of row i); the arrays are taken over. */
    static LeastSquares factor(double[][] columns) {
        if (columns.length > columns[0].length) {
            throw new IllegalArgumentException("need at least as many rows (" + columns[0].length + ") as coefficients ("
                    + columns.length + ")");
        }
        return new LeastSquares(columns);
    }

    /** The coefficients minimizing ‖y − Xb‖². */
    double[] solve(double[] y) {
        double[] z = y.clone();
        int p = qr.length;
        for (int k = 0; k < p; k++) {
            double[] v = qr[k];
            double s = 0;
            for (int i = k; i < rows; i++) {
                s += v[i] * z[i];
            }
            s = -s / v[k];
            for (int i = k; i < rows; i++) {
                z[i] += s * v[i];
            }
        }
        double[] b = new double[p];
        for (int k = p - 1; k >= 0; k--) {
            double s = z[k];
            for (int j = k + 1; j < p; j++) {
                s -= qr[j][k] * b[j];
            }
            b[k] = s / diagonal[k];
        }
        return b;
    }

    private void reflect(int k) {
        double[] column = qr[k];
        double originalNorm = Math.sqrt(sumOfSquares(column, 0));
        double norm = Math.sqrt(sumOfSquares(column, k));
        if (!(norm > RANK_TOLERANCE * originalNorm)) {
            throw new IllegalArgumentException("the design matrix is rank deficient (column " + k + ")");
        }
        if (column[k] < 0) {
            norm = -norm;
        }
        for (int i = k; i < rows; i++) {
            column[i] /= norm;
        }
        column[k] += 1;
        for (int j = k + 1; j < qr.length; j++) {
            double[] other = qr[j];
            double s = 0;
            for (int i = k; i < rows; i++) {
                s += column[i] * other[i];
            }
            s = -s / column[k];
            for (int i = k; i < rows; i++) {
                other[i] += s * column[i];
            }
        }
        diagonal[k] = -norm;
    }

    private double sumOfSquares(double[] column, int from) {
        double sum = 0;
        for (int i = from; i < rows; i++) {
            sum += column[i] * column[i];
        }
        if (sum == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("the design matrix has values too large to square");
        }
        return sum;
    }
}
