package ru.msoko.core.demo;

import java.util.SplittableRandom;

/**
 * The municipal re-check (перепроверка, methods.md A.8): every year it takes one ВПР work (subject ×
 * grade) of each school with lenient marking in the year that school started it, and of a random 10% of
 * the other schools as a control, and re-marks {@link #WORKS} written works of it: first the works at a
 * mark boundary or one point above it («3», «4»), where lenient marking shows, then others in list order.
 */
final class Rechecks {

    static final int WORKS = 20;
    private static final double CONTROL = 0.1;
    /** Seeds the re-check's own random numbers, apart from the pupils' ones. */
    private static final int SALT = 0x5EC;

    private final Cohorts cohorts;

    Rechecks(Cohorts cohorts) {
        this.cohorts = cohorts;
    }

    /** Whether this ВПР work of the school is re-checked in the year. */
    boolean sampled(DemoSchool s, int year, Work work) {
        SplittableRandom r = cohorts.random(s.index, year, SALT);
        boolean control = r.nextDouble() < CONTROL;
        int grade = s.teaches(5) ? 4 + r.nextInt(5) : 4;
        boolean maths = r.nextBoolean();
        boolean risk = s.manipulates(Manipulation.LENIENT_MARKING, year) && s.plant.from() == year;
        return (risk || control) && s.teaches(4) && work.grade() == grade
                && work.subject().startsWith("М") == maths;
    }

    /** Which of the works (primary scores, -1 = absent) are re-checked. */
    static boolean[] select(Work work, int[] primaries) {
        boolean[] chosen = new boolean[primaries.length];
        int left = WORKS;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < primaries.length && left > 0; i++) {
                if (!chosen[i] && primaries[i] >= 0 && (pass == 1 || atBoundary(work, primaries[i]))) {
                    chosen[i] = true;
                    left--;
                }
            }
        }
        return chosen;
    }

    private static boolean atBoundary(Work work, int primary) {
        int[] t = work.thresholds();
        return primary >= t[0] && primary <= t[0] + 1 || primary >= t[1] && primary <= t[1] + 1;
    }

    /** The expert's random numbers for the school's work. */
    SplittableRandom expert(DemoSchool s, int year, Work work) {
        return cohorts.random(s.index, year, work.grade(), work.subject().hashCode(), SALT);
    }

    /** The expert's score: the score before any lenient lift, now and then one point off. */
    static int score(int beforeLift, int max, SplittableRandom r) {
        double u = r.nextDouble();
        return Math.max(0, Math.min(max, beforeLift + (u < 0.04 ? -1 : u < 0.08 ? 1 : 0)));
    }
}
