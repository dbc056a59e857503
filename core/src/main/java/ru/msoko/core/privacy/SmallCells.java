package ru.msoko.core.privacy;

/**
 * The small-cell rule: statistics of a group with fewer than {@code minGroup} participants (a mean, a mark
 * distribution, pass/fail counts) are not shown, only the group's size. With three pupils the mark counts
 * «0 / 1 / 1 / 1» tell a teacher who got which mark; with ten they no longer do. DESIGN §8 sets the bound at
 * 10 pupils per cell, the usual bound of statistical disclosure control for school results.
 */
public record SmallCells(int minGroup) {

    public static final int DEFAULT_MIN_GROUP = 10;

    public SmallCells {
        if (minGroup < 1) {
            throw new IllegalArgumentException("minGroup must be at least 1, got " + minGroup);
        }
    }

    public static SmallCells defaults() {
        return new SmallCells(DEFAULT_MIN_GROUP);
    }

    /** True when the group's statistics must be hidden. */
    public boolean hides(long participants) {
        return participants < minGroup;
    }
}
