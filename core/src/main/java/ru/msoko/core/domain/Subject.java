package ru.msoko.core.domain;

import java.util.Objects;

/** A school subject as the directory knows it. */
public record Subject(String code, String name) {
    public Subject {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
