package ru.msoko.core.canonical;

import java.util.Map;
import java.util.Optional;

/** A directory for tests: fixed school and subject maps, identifiers valid in every year. */
record MapDirectory(Map<String, String> schools, Map<String, String> subjects) implements Directory {

    static MapDirectory standard() {
        return new MapDirectory(Map.of("edu220001", "edu220001", "sch220001", "edu220001", "edu220002", "edu220002"),
                Map.of("математика", "MA", "русский язык", "RU"));
    }

    @Override
    public Optional<String> schoolCode(String identifier, int year) {
        return Optional.ofNullable(schools.get(identifier.trim().toLowerCase()));
    }

    @Override
    public Optional<String> subjectCode(String nameOrCode) {
        return Optional.ofNullable(subjects.get(nameOrCode.trim().toLowerCase()));
    }
}
