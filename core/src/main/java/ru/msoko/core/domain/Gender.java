package ru.msoko.core.domain;

import java.util.Locale;
import java.util.Optional;

/** Sex of a participant as the forms record it ({@code м}/{@code ж}). */
public enum Gender {
    MALE("м"),
    FEMALE("ж");

    private final String label;

    Gender(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Gender> fromLabel(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "м", "муж", "мужской", "m" -> Optional.of(MALE);
            case "ж", "жен", "женский", "f" -> Optional.of(FEMALE);
            default -> Optional.empty();
        };
    }
}
