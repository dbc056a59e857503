package ru.msoko.core.demo;

/** Mark scales of the demo's ГИА (ОГЭ 2023–2024 scale from data-formats.md §2.3) and a monotone ЕГЭ table. */
final class Scales {

    /** ОГЭ Russian: max 33, «3» from 15, «4» from 23, «5» from 29. */
    static final int[] OGE_RUSSIAN = {15, 23, 29};
    static final int OGE_RUSSIAN_MAX = 33;
    /** ОГЭ maths: max 31, «3» from 8, «4» from 15, «5» from 22. */
    static final int[] OGE_MATHS = {8, 15, 22};
    static final int OGE_MATHS_MAX = 31;
    static final int EGE_RUSSIAN_MAX = 50;
    static final int EGE_MATHS_MAX = 32;
    /** ЕГЭ test score → 5-point mark, Russian (the usual recommended table, recalled): «3» from 24, «4» from 50, «5» from 72. */
    static final int[] EGE_RUSSIAN_MARKS = {24, 50, 72};
    /** ЕГЭ test score → 5-point mark, profile maths (recalled as above): «3» from 27, «4» from 50, «5» from 68. */
    static final int[] EGE_MATHS_MARKS = {27, 50, 68};

    private Scales() {
    }

    static int mark(int primary, int[] thresholds) {
        if (primary >= thresholds[2]) {
            return 5;
        }
        if (primary >= thresholds[1]) {
            return 4;
        }
        return primary >= thresholds[0] ? 3 : 2;
    }

    /**
     * Primary → test score: steep at the bottom, flat in the middle, steep again at the top, like the
     * official tables (not the official numbers: those are published per year and subject).
     */
    static int egeTestScore(int primary, int max) {
        double x = (double) primary / max;
        double y = x < 0.2 ? x * 2.0 : x < 0.8 ? 0.4 + (x - 0.2) * 0.75 : 0.85 + (x - 0.8) * 0.75;
        return (int) Math.round(Math.min(1.0, y) * 100);
    }
}
