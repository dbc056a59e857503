package ru.msoko.core.gia;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ru.msoko.core.canonical.Directory;

/** A directory for the РЦОИ tests: two schools known by their ГИА codes, subjects under directory spellings. */
final class GiaDirectory implements Directory {

    private static final Map<String, String> SCHOOLS = Map.of("220001", "edu220001", "220002", "edu220002");
    private static final Map<String, String> SUBJECTS = Map.of("русский язык", "RU", "математика", "MA",
            "математика профильная", "MAP", "математика базовая", "MAB", "физика", "PH", "английский язык", "EN");

    @Override
    public Optional<String> schoolCode(String identifier, int year) {
        return Optional.ofNullable(SCHOOLS.get(identifier.trim()));
    }

    @Override
    public Optional<String> subjectCode(String nameOrCode) {
        return Optional.ofNullable(SUBJECTS.get(nameOrCode.trim().toLowerCase(Locale.ROOT).replace('ё', 'е')));
    }

    /** The known codes one edit away, as the real directory does within two. */
    @Override
    public List<String> similarSchoolCodes(String identifier) {
        return SCHOOLS.keySet().stream().filter(k -> k.length() == identifier.length()
                && differences(k, identifier) == 1).sorted().toList();
    }

    private static int differences(String a, String b) {
        int d = 0;
        for (int i = 0; i < a.length(); i++) {
            d += a.charAt(i) == b.charAt(i) ? 0 : 1;
        }
        return d;
    }
}
