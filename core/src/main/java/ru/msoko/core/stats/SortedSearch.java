package ru.msoko.core.stats;

/** Binary searches in an ascending array with duplicates. */
final class SortedSearch {

    private SortedSearch() {
    }

    /** The number of entries strictly below {@code value}. */
    static int countBelow(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The number of entries at most {@code value}. */
    static int countNotAbove(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
