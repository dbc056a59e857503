package ru.msoko.app.imports;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates as Russian users write them: 25.11.2026 14:05. */
final class RussianFormat {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private RussianFormat() {
    }

    static String dateTime(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(ZoneId.systemDefault()).format(DATE_TIME);
    }
}
