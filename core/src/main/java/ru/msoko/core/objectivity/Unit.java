package ru.msoko.core.objectivity;

import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;

/**
 * What a sign is attached to besides the school (methods.md §1.1): a procedure of one year, subject
 * and grade; grade 0 pools the grades (olympiad stages, medals).
 */
record Unit(ProcedureKind kind, int year, String subject, int grade) {

    static Unit of(Procedure.Key key) {
        return new Unit(key.kind(), key.year(), key.subjectCode(), key.grade());
    }

    static Unit pooled(Procedure.Key key) {
        return new Unit(key.kind(), key.year(), key.subjectCode(), 0);
    }

    /** The same procedure in another year (for «the same procedure type in t and t−1»). */
    String typeKey() {
        return kind + "|" + subject + "|" + grade;
    }

    /** Short label as the federal lists write it: «ВПР 5 МА», «ОГЭ Русский язык». */
    String label() {
        return kind.code() + (grade > 0 ? " " + grade + " кл." : "") + ", " + subject;
    }
}
