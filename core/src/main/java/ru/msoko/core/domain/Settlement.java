package ru.msoko.core.domain;

import java.util.Locale;
import java.util.Optional;

/** Urban or rural location of a school. */
public enum Settlement {
    CITY("город"),
    VILLAGE("село");

    private final String label;

    Settlement(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Settlement> fromLabel(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String key = raw.trim().toLowerCase(Locale.ROOT);
        if (key.equals("город") || key.equals("г") || key.equals("городская")) {
            return Optional.of(CITY);
        }
        if (key.equals("село") || key.equals("с") || key.equals("сельская") || key.equals("сельская местность")) {
            return Optional.of(VILLAGE);
        }
        return Optional.empty();
    }
}
