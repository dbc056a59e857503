package ru.msoko.core.domain;

import java.util.Objects;

/** A municipal education authority and its territory. */
public record Municipality(String code, String name) {
    public Municipality {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
