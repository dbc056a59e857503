package ru.msoko.core.stats;

/**
 * Values in ascending order with the positions they came from, by a stable bottom-up merge sort that moves keys and
 * positions together (sequential memory access, no boxing); NaN is not allowed.
 */
record Sorted(double[] keys, int[] positions) {

    private static final int RUN = 32;

    static Sorted of(double[] values) {
        int n = values.length;
        double[] keys = values.clone();
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        for (int start = 0; start < n; start += RUN) {
            insertionSort(keys, positions, start, Math.min(start + RUN, n));
        }
        double[] keyBuffer = new double[n];
        int[] positionBuffer = new int[n];
        for (int width = RUN; width < n; width *= 2) {
            for (int left = 0; left < n; left += 2 * width) {
                int middle = Math.min(left + width, n);
                merge(keys, positions, keyBuffer, positionBuffer, left, middle, Math.min(left + 2 * width, n));
            }
            double[] swapKeys = keys;
            keys = keyBuffer;
            keyBuffer = swapKeys;
            int[] swapPositions = positions;
            positions = positionBuffer;
            positionBuffer = swapPositions;
        }
        return new Sorted(keys, positions);
    }

    private static void insertionSort(double[] keys, int[] positions, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            double key = keys[i];
            int position = positions[i];
            int j = i - 1;
            while (j >= from && keys[j] > key) {
                keys[j + 1] = keys[j];
                positions[j + 1] = positions[j];
                j--;
            }
            keys[j + 1] = key;
            positions[j + 1] = position;
        }
    }

    private static void merge(double[] keys, int[] positions, double[] keyOut, int[] positionOut, int left, int middle,
            int right) {
        int i = left;
        int j = middle;
        for (int out = left; out < right; out++) {
            if (j >= right || (i < middle && keys[i] <= keys[j])) {
                keyOut[out] = keys[i];
                positionOut[out] = positions[i++];
            } else {
                keyOut[out] = keys[j];
                positionOut[out] = positions[j++];
            }
        }
    }
}
