package ru.msoko.core.demo;

/** Honest schools that a naive detector would flag; listed in the ground truth with role {@code trap}. */
enum Trap {
    /** Гимназия or лицей: very high genuine results everywhere, confirmed by ОГЭ/ЕГЭ, journals, olympiads. */
    STRONG_GYMNASIUM,
    /** 2–8 pupils per grade: big random swings from year to year and between subjects. */
    TINY_SCHOOL,
    /** Results rise genuinely in one year and stay up, in every grade and in ОГЭ/ЕГЭ too. */
    REAL_IMPROVEMENT,
    /** Low results, honestly marked; the school is in the ШНОР list. */
    HONEST_LOW
}
