package ru.msoko.core.demo;

/**
 * Settings of the synthetic demo region.
 *
 * @param seed every random choice derives from it: the same settings give byte-identical files
 * @param firstYear calendar year of the first spring of data
 * @param manipulating share of the schools that manipulate (at least one school of every kind)
 */
public record DemoSettings(long seed, int municipalities, int schools, int firstYear, int years,
                           double manipulating) {

    public DemoSettings {
        if (municipalities < 1 || municipalities > 99 || schools < municipalities || years < 1 || years > 10
                || manipulating < 0 || manipulating > 0.5) {
            throw new IllegalArgumentException("demo settings out of range");
        }
    }

    /** The believable demo: 8 municipalities, 150 schools, springs 2024–2026, one school in 14 manipulates. */
    public static DemoSettings standard() {
        return new DemoSettings(20260901L, 8, 150, 2024, 3, 1 / 14.0);
    }

    /**
     * A denser region for measuring detection: one school in five manipulates, springs 2024–2026. From
     * about 420 schools up every kind × strength appears at least three times (at schools with 15 or more
     * pupils per grade), and every trap at least five times.
     */
    public static DemoSettings benchmark(long seed, int schools) {
        return new DemoSettings(seed, 8, schools, 2024, 3, 0.2);
    }

    /** Result rows grow linearly with the number of schools (about 2 400 per school). */
    public DemoSettings withSchools(int n) {
        return new DemoSettings(seed, municipalities, n, firstYear, years, manipulating);
    }
}
