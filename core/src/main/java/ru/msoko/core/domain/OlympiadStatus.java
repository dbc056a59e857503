package ru.msoko.core.domain;

import java.util.Locale;
import java.util.Optional;

/** Status of an olympiad participant. */
public enum OlympiadStatus {
    WINNER("победитель"),
    PRIZE_WINNER("призёр"),
    PARTICIPANT("участник");

    private final String label;

    OlympiadStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<OlympiadStatus> fromLabel(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String key = raw.trim().toLowerCase(Locale.ROOT).replace('ё', 'е');
        for (OlympiadStatus s : values()) {
            if (s.label.replace('ё', 'е').equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
