package ru.msoko.core.canonical;

import java.util.List;

/** A file that cannot be read at all; carries the problems that say why. */
public final class InputException extends RuntimeException {

    private final transient List<Problem> problems;

    public InputException(Problem problem) {
        this(List.of(problem));
    }

    public InputException(List<Problem> problems) {
        super(problems.isEmpty() ? "input rejected" : problems.get(0).describe());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
