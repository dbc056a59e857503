package ru.msoko.core.stats;

/** Argument checks shared by the statistics classes; each throws {@link IllegalArgumentException}. */
final class Require {

    private Require() {
    }

    static void finite(double x, String name) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(name + " must be finite, got " + x);
        }
    }

    static void notNaN(double x, String name) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException(name + " must not be NaN");
        }
    }

    static void probability(double p, String name) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + p);
        }
    }

    static void openUnit(double p, String name) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), got " + p);
        }
    }

    static void positive(double x, String name) {
        if (!(x > 0) || x == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + x);
        }
    }

    static void atLeast(long x, long min, String name) {
        if (x < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + x);
        }
    }

    static void sameLength(int a, int b, String what) {
        if (a != b) {
            throw new IllegalArgumentException(what + " must have the same length, got " + a + " and " + b);
        }
    }

    static <T> T nonNull(T x, String name) {
        if (x == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return x;
    }
}
