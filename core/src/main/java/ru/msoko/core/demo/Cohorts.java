package ru.msoko.core.demo;

import java.util.SplittableRandom;

/**
 * The pupils of the demo: a cohort is the pupils of one school who entered grade 1 in the same year,
 * so the same pupil (same key, same ability) appears in every grade and year of that cohort.
 * Everything is derived from hashes of the seed, so nothing has to be kept in memory.
 */
final class Cohorts {

    private final long seed;

    Cohorts(long seed) {
        this.seed = seed;
    }

    int size(DemoSchool school, int entryYear) {
        SplittableRandom r = random(school.index, entryYear, 0);
        return Math.max(1, (int) Math.round(school.pupilsPerGrade * (0.8 + 0.4 * r.nextDouble())));
    }

    /** {@code P}, school index (4 digits), entry year, pupil number (3 digits): the same key every year. */
    String key(DemoSchool school, int entryYear, int i) {
        return "P" + zeroPadded(school.index, 4) + zeroPadded(entryYear, 4) + zeroPadded(i, 3);
    }

    private static String zeroPadded(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** Latent ability of a pupil on the logit scale (standard normal), the same in every year. */
    double ability(DemoSchool school, int entryYear, int i) {
        return random(school.index, entryYear, i + 1).nextGaussian();
    }

    boolean female(DemoSchool school, int entryYear, int i) {
        SplittableRandom r = random(school.index, entryYear, i + 1);
        r.nextGaussian();
        return r.nextBoolean();
    }

    static String classLabel(int grade, int i) {
        return grade + String.valueOf("АБВГДЕЖИКЛМН".charAt(Math.min(11, i / 25)));
    }

    /** A generator for one unit of work (school × year × procedure), independent of everything else. */
    SplittableRandom random(long... parts) {
        long h = seed;
        for (long p : parts) {
            h = mix(h ^ p);
        }
        return new SplittableRandom(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
