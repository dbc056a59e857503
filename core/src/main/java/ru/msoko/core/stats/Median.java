package ru.msoko.core.stats;

/** The median in expected O(n) by Hoare's 1961 selection (FIND); the mean of the two middle values for even n, as numpy. */
final class Median {

    private Median() {
    }

    /** The median of {@code values}, which are reordered. */
    static double ofDestroying(double[] values) {
        int n = values.length;
        int upper = n / 2;
        double high = select(values, upper);
        if (n % 2 == 1) {
            return high;
        }
        double low = values[0];
        for (int i = 1; i < upper; i++) {
            low = Math.max(low, values[i]);
        }
        return (low + high) / 2;
    }

    /** Puts the k-th smallest value at index k, smaller ones before it, and returns it. */
    private static double select(double[] a, int k) {
        int left = 0;
        int right = a.length - 1;
        while (left < right) {
            double pivot = medianOfThree(a[left], a[(left + right) >>> 1], a[right]);
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = a[i];
                    a[i] = a[j];
                    a[j] = swap;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
