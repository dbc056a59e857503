package ru.msoko.core.demo;

/**
 * Settings of the synthetic demo region.
 *
 * @param seed every random choice derives from it: the same settings give byte-identical files
 * @param firstYear calendar year of the first spring of data
 */
public record DemoSettings(long seed, int municipalities, int schools, int firstYear, int years) {

    public DemoSettings {
        if (municipalities < 1 || municipalities > 99 || schools < municipalities || years < 1 || years > 10) {
            throw new IllegalArgumentException("demo settings out of range");
        }
    }

    /** 8 municipalities, 150 schools, springs 2024–2026. */
    public static DemoSettings standard() {
        return new DemoSettings(20260901L, 8, 150, 2024, 3);
    }

    /** Result rows grow linearly with the number of schools (about 2 400 per school). */
    public DemoSettings withSchools(int n) {
        return new DemoSettings(seed, municipalities, n, firstYear, years);
    }
}
