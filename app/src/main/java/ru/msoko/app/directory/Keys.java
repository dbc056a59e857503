package ru.msoko.app.directory;

import java.util.Locale;

/** Lookup keys: identifiers and subject names compared without case, «ё» and extra spaces. */
final class Keys {

    private Keys() {
    }

    static String of(String s) {
        return s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
