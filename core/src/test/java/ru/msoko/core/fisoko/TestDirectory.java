package ru.msoko.core.fisoko;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.msoko.core.canonical.Directory;

/**
 * A directory for tests: every ФИС ОКО login is a known school except the listed unknown ones, an old
 * {@code sch} login resolves to its {@code edu} twin, and subjects are known under the spellings of real files.
 */
record TestDirectory(Set<String> unknownSchools) implements Directory {

    private static final Map<String, String> SUBJECTS = Map.ofEntries(Map.entry("математика", "MA"),
            Map.entry("математике", "MA"), Map.entry("русский язык", "RU"), Map.entry("русскому языку", "RU"),
            Map.entry("география", "GE"), Map.entry("история", "HI"), Map.entry("биология", "BI"),
            Map.entry("физика", "PH"), Map.entry("химия", "CH"), Map.entry("английский язык", "EN"),
            Map.entry("немецкий язык", "DE"), Map.entry("французский язык", "FR"));

    static TestDirectory all() {
        return new TestDirectory(Set.of());
    }

    @Override
    public Optional<String> schoolCode(String identifier, int year) {
        String id = identifier.trim().toLowerCase(Locale.ROOT);
        if (unknownSchools.contains(id) || !id.matches("(sch|edu|ksh)\\d+")) {
            return Optional.empty();
        }
        return Optional.of(id.replace("sch", "edu"));
    }

    @Override
    public Optional<String> subjectCode(String nameOrCode) {
        return Optional.ofNullable(SUBJECTS.get(nameOrCode.trim().toLowerCase(Locale.ROOT)));
    }

    @Override
    public List<String> similarSchoolCodes(String identifier) {
        return List.of("edu220001");
    }
}
