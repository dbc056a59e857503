package ru.msoko.core.stats;

/** A closed interval [low, high]; NaN bounds mean "unknown" and contain nothing. */
public record Interval(double low, double high) {

    /** Rejects an interval whose low bound exceeds its high bound. */
    public Interval {
        if (low > high) {
            throw new IllegalArgumentException("low " + low + " exceeds high " + high);
        }
    }

    /** Whether {@code low <= x <= high}. */
    public boolean contains(double x) {
        return low <= x && x <= high;
    }

    /** {@code high - low}. */
    public double width() {
        return high - low;
    }
}
