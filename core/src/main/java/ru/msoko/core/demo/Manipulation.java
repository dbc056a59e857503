package ru.msoko.core.demo;

/**
 * Kinds of non-objective behaviour planted in some demo schools (the ground truth for detection tests),
 * each with the size and/or share of its effect per {@link Strength} (blatant, medium, subtle). The
 * comment of each kind names the method of reference/methods.md that should catch it.
 */
enum Manipulation {
    /**
     * A.5: a share of the ВПР works one or two points short of «3» or «4» is lifted to the threshold
     * (баллы участников, не добравших 1–2 балла до порога, подняты до порога).
     */
    LENIENT_MARKING(Levels.NONE, new Levels(0.9, 0.6, 0.3)),
    /**
     * A.2: a share of the pupils solves the hard ВПР tasks (the last 40% of the work) with at least the
     * given probability, far above their level (подсказки).
     */
    HINTS(new Levels(0.9, 0.75, 0.6), new Levels(0.9, 0.7, 0.5)),
    /** G.4: a share of one class hands in the same task vector (одинаковые ответы в классе). */
    COPYING(Levels.NONE, new Levels(0.8, 0.5, 0.3)),
    /** A.3 F_down: journal marks raised by this many marks on average above the teacher's honest mark. */
    JOURNAL_INFLATED(new Levels(0.9, 0.55, 0.3), Levels.NONE),
    /** A.1: ВПР ability shifted up by this many SD; the school's ОГЭ/ЕГЭ stay at its true level. */
    INFLATED_NOT_CONFIRMED(new Levels(1.1, 0.7, 0.35), Levels.NONE),
    /**
     * E: school-stage ВсОШ scores raised by this many points (of 50) and this share of the participants
     * made winners or prize-winners; the municipal stage shows the true level.
     */
    OLYMPIAD_INFLATED(new Levels(15, 10, 6), new Levels(0.7, 0.5, 0.3)),
    /** C.2: this share of the weaker graduates is declared a medal candidate; their ЕГЭ does not confirm it. */
    MEDAL_INFLATED(Levels.NONE, new Levels(0.5, 0.3, 0.15)),
    /** A.4: grade-4 ВПР ability shifted up by this many SD; the same pupils in grade 5 a year later are not. */
    COHORT_INFLATED(new Levels(1.1, 0.7, 0.35), Levels.NONE),
    /** C.1: ОГЭ annual marks raised by this many marks on average above the honest annual mark. */
    SCHOOL_EXAM_INFLATED(new Levels(2.0, 1.0, 0.5), Levels.NONE);

    /** One parameter of a kind at each strength. */
    record Levels(double blatant, double medium, double subtle) {
        static final Levels NONE = new Levels(0, 0, 0);

        double at(Strength strength) {
            return switch (strength) {
                case BLATANT -> blatant;
                case MEDIUM -> medium;
                case SUBTLE -> subtle;
            };
        }
    }

    private final Levels size;
    private final Levels share;

    Manipulation(Levels size, Levels share) {
        this.size = size;
        this.share = share;
    }

    /** How far the kind moves a score, mark or ability at this strength (0 when the kind has no size). */
    double size(Strength strength) {
        return size.at(strength);
    }

    /** Which share of the pupils or works the kind touches at this strength (0 when the kind has no share). */
    double share(Strength strength) {
        return share.at(strength);
    }
}
