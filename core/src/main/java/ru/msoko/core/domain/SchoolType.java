package ru.msoko.core.domain;

import java.util.Locale;
import java.util.Optional;

/** School types as municipalities name them; used to form comparison groups. */
public enum SchoolType {
    SOSH("СОШ"),
    OOSH("ООШ"),
    NOSH("НОШ"),
    GYMNASIUM("гимназия"),
    LYCEUM("лицей"),
    SOSH_UIOP("СОШ с УИОП"),
    EVENING("вечерняя"),
    CORRECTIONAL("коррекционная"),
    BOARDING("интернат");

    private final String label;

    SchoolType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<SchoolType> fromLabel(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String key = raw.trim().toLowerCase(Locale.ROOT).replace('ё', 'е');
        for (SchoolType type : values()) {
            if (type.label.toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
