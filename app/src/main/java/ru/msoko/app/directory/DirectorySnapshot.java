package ru.msoko.app.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.EditDistance;
import ru.msoko.core.canonical.SchoolNames;

/**
 * The school and subject directory held in memory for one import: identifier → school with validity
 * years, subject spelling → subject. A region has a few thousand schools, so this is small.
 */
public final class DirectorySnapshot implements Directory {

    /** ФИС ОКО renamed logins sch22NNNN → edu22NNNN in 2022 keeping the number (data-formats §1.7). */
    private static final Pattern LOGIN = Pattern.compile("(sch|edu)(\\d+)");

    record Identifier(String schoolCode, Integer validFrom, Integer validTo) {
        boolean validIn(int year) {
            return (validFrom == null || validFrom <= year) && (validTo == null || year <= validTo);
        }
    }

    private final Map<String, List<Identifier>> identifiers;
    private final Map<String, String> subjects;
    private final Map<String, Long> schoolIds;
    private final Map<String, Long> subjectIds;
    /** Name key ({@link SchoolNames#key}) → codes of the schools with that name. */
    private final Map<String, List<String>> codesByName = new HashMap<>();
    /** Name key → «name (code)» for suggestions. */
    private final Map<String, String> namesByKey = new HashMap<>();

    /** @param schoolNames school code → its name in the directory */
    DirectorySnapshot(Map<String, List<Identifier>> identifiers, Map<String, String> subjects,
                      Map<String, Long> schoolIds, Map<String, Long> subjectIds, Map<String, String> schoolNames) {
        this.identifiers = identifiers;
        schoolNames.forEach((code, name) -> {
            String key = SchoolNames.key(name);
            codesByName.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(code);
            namesByKey.merge(key, name + " (" + code + ")", (a, b) -> a + ", " + b);
        });
        this.subjects = subjects;
        this.schoolIds = new HashMap<>(schoolIds);
        this.subjectIds = new HashMap<>(subjectIds);
    }

    @Override
    public Optional<String> schoolCode(String identifier, int year) {
        String key = Keys.of(identifier);
        Optional<String> found = match(key, year);
        if (found.isPresent()) {
            return found;
        }
        Matcher m = LOGIN.matcher(key);
        if (m.matches()) {
            String twin = (m.group(1).equals("sch") ? "edu" : "sch") + m.group(2);
            return match(twin, year);
        }
        return Optional.empty();
    }

    private Optional<String> match(String key, int year) {
        List<Identifier> list = identifiers.getOrDefault(key, List.of());
        for (Identifier id : list) {
            if (id.validIn(year)) {
                return Optional.of(id.schoolCode());
            }
        }
        return Optional.empty();
    }

    /** Up to three identifiers within two edits of the unknown one, nearest first, then alphabetically. */
    @Override
    public List<String> similarSchoolCodes(String identifier) {
        String key = Keys.of(identifier);
        record Candidate(String code, int distance) {
        }
        return identifiers.keySet().stream()
                .map(k -> new Candidate(k, EditDistance.bounded(key, k, 2)))
                .filter(c -> c.distance() <= 2)
                .sorted(java.util.Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::code))
                .limit(3).map(Candidate::code).toList();
    }

    @Override
    public List<String> schoolsNamed(String name) {
        return codesByName.getOrDefault(SchoolNames.key(name), List.of()).stream().sorted().toList();
    }

    @Override
    public List<String> similarSchoolNames(String name) {
        return SchoolNames.closest(name, namesByKey);
    }

    @Override
    public Optional<String> subjectCode(String nameOrCode) {
        return Optional.ofNullable(subjects.get(Keys.of(nameOrCode)));
    }

    public long schoolId(String code) {
        Long id = schoolIds.get(code);
        if (id == null) {
            throw new IllegalStateException("school " + code + " is not in the snapshot");
        }
        return id;
    }

    public long subjectId(String code) {
        Long id = subjectIds.get(code);
        if (id == null) {
            throw new IllegalStateException("subject " + code + " is not in the snapshot");
        }
        return id;
    }
}
