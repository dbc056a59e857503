package ru.msoko.core.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One participant's result in one procedure. The participant is only a pseudonymous key.
 *
 * @param tasks task scores, {@code null} when tasks were not loaded or the participant was absent
 * @param mark mark 2–5, {@code null} when none (pass/fail procedures use {@code passed})
 * @param passed зачёт ({@code true}) / незачёт ({@code false}) for pass/fail procedures
 */
public record Result(Procedure.Key procedure, String schoolCode, String participant, LocalDate date,
                     String classLabel, Gender gender, String variant, boolean absent, TaskScores tasks,
                     Double primaryScore, Double testScore, Integer mark, Boolean passed, Integer journalMark,
                     Integer annualMark, Flags flags, OlympiadStatus status, Double maxScore,
                     Double recheckedScore) {

    public Result {
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(schoolCode, "schoolCode");
        Objects.requireNonNull(participant, "participant");
        flags = flags == null ? Flags.NONE : flags;
    }

    /** The same result with a mark (computed from the scale when the file has none). */
    public Result withMark(Integer newMark) {
        return new Result(procedure, schoolCode, participant, date, classLabel, gender, variant, absent, tasks,
                primaryScore, testScore, newMark, passed, journalMark, annualMark, flags, status, maxScore,
                recheckedScore);
    }

    /** The same result with a test score (computed from the ЕГЭ scale when the file has none). */
    public Result withTestScore(Double newTestScore) {
        return new Result(procedure, schoolCode, participant, date, classLabel, gender, variant, absent, tasks,
                primaryScore, newTestScore, mark, passed, journalMark, annualMark, flags, status, maxScore,
                recheckedScore);
    }

    /** Yes/no attributes of a result. */
    public record Flags(boolean ovz, boolean repeater, boolean medalCandidate, boolean observed) {
        public static final Flags NONE = new Flags(false, false, false, false);
    }
}
