package ru.msoko.core.domain;

import java.util.Objects;

/**
 * One assessment procedure: kind, year, subject and grade identify it. The task layout is known for
 * procedures whose task scores were loaded (ВПР, diagnostic works) and empty otherwise.
 */
public record Procedure(ProcedureKind kind, int year, String subjectCode, int grade, TaskLayout layout) {

    public Procedure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectCode, "subjectCode");
        if (grade < 1 || grade > 11) {
            throw new IllegalArgumentException("grade " + grade);
        }
        layout = layout == null ? TaskLayout.EMPTY : layout;
    }

    public Key key() {
        return new Key(kind, year, subjectCode, grade);
    }

    /** What identifies a procedure. */
    public record Key(ProcedureKind kind, int year, String subjectCode, int grade) {
        public Key {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subjectCode, "subjectCode");
        }
    }
}
