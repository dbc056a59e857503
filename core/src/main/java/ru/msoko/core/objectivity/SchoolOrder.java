package ru.msoko.core.objectivity;

/** Stable counting sort of rows by school index, and permutation of columns by its order. */
final class SchoolOrder {

    private SchoolOrder() {
    }

    /** Row order such that schools ascend and rows of one school keep their input order. */
    static int[] stable(int[] school, int n, int schoolCount) {
        int[] counts = new int[schoolCount + 1];
        for (int i = 0; i < n; i++) {
            counts[school[i] + 1]++;
        }
        for (int s = 0; s < schoolCount; s++) {
            counts[s + 1] += counts[s];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[counts[school[i]]++] = i;
        }
        return order;
    }

    static int[] permute(int[] v, int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = v[order[i]];
        }
        return out;
    }

    static float[] permute(float[] v, int[] order) {
        float[] out = new float[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = v[order[i]];
        }
        return out;
    }

    static byte[] permute(byte[] v, int[] order) {
        byte[] out = new byte[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = v[order[i]];
        }
        return out;
    }
}
