package ru.msoko.core.olympiad;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.SchoolNames;

/**
 * Four schools known by code and by name (two of them share a name, as «СОШ № 1» of two towns do), and the subjects
 * of the tests under their directory spellings and the case forms of titles («по математике»).
 */
final class ProtocolDirectory implements Directory {

    static final Map<String, String> NAMES = Map.of(
            "40001", "МБОУ «Средняя общеобразовательная школа № 5»",
            "40002", "МАОУ «Гимназия № 1»",
            "40003", "МКОУ «СОШ № 1» с. Берёзовка",
            "40004", "МКОУ «СОШ № 1» с. Берёзовка");
    private static final Map<String, String> SUBJECTS = Map.of("математика", "MA", "математике", "MA",
            "информатика", "IN", "информатике", "IN", "русский язык", "RU", "истории", "HI", "история", "HI");

    @Override
    public Optional<String> schoolCode(String identifier, int year) {
        return NAMES.containsKey(identifier.trim()) ? Optional.of(identifier.trim()) : Optional.empty();
    }

    @Override
    public Optional<String> subjectCode(String nameOrCode) {
        return Optional.ofNullable(SUBJECTS.get(nameOrCode.trim().toLowerCase(Locale.ROOT).replace('ё', 'е')));
    }

    @Override
    public List<String> schoolsNamed(String name) {
        String key = SchoolNames.key(name);
        return NAMES.entrySet().stream().filter(e -> SchoolNames.key(e.getValue()).equals(key)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    @Override
    public List<String> similarSchoolNames(String name) {
        Map<String, String> byKey = new HashMap<>();
        NAMES.forEach((code, n) -> byKey.merge(SchoolNames.key(n), n + " (" + code + ")", (a, b) -> a + ", " + b));
        return SchoolNames.closest(name, byKey);
    }
}
