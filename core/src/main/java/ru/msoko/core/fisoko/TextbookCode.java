package ru.msoko.core.fisoko;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ФИС ОКО textbook code: a subject prefix, the grade, a dot and a number ({@code ma4.8}, {@code him11.2}). The
 * forms name the class's textbook by it («Основной учебник по предмету»: {@code ma4.8 | 1.1.3.1.8.4 | …}), and the
 * list {@code books.xlsx} gives every code its bibliographic description (data-formats §1; SOURCE.md of the Altai data).
 *
 * @param code lower case without spaces: {@code MA 4.8} is {@code ma4.8}
 */
public record TextbookCode(String code, String prefix, int grade) {

    private static final Pattern CODE = Pattern.compile("([a-z]+)(\\d{1,2})\\.(\\d+)");

    /**
     * Subject of each prefix seen in real files: the forms ({@code ma4.8}, {@code him11.2}) and {@code books.xlsx},
     * where grade 8 chemistry is {@code hi8.*} (not history: that is {@code is}), social studies {@code ob6.*} and
     * «Окружающий мир» {@code om4.*}.
     */
    private static final Map<String, String> SUBJECTS = Map.ofEntries(Map.entry("ma", "Математика"),
            Map.entry("ru", "Русский язык"), Map.entry("bio", "Биология"), Map.entry("geo", "География"),
            Map.entry("is", "История"), Map.entry("fi", "Физика"), Map.entry("him", "Химия"), Map.entry("hi", "Химия"),
            Map.entry("ob", "Обществознание"), Map.entry("om", "Окружающий мир"), Map.entry("en", "Английский язык"),
            Map.entry("de", "Немецкий язык"), Map.entry("fr", "Французский язык"));

    /** The code as written, case and spaces aside; empty when it is not a textbook code. */
    public static Optional<TextbookCode> parse(String text) {
        String code = normalise(text);
        Matcher m = CODE.matcher(code);
        return m.matches() ? Optional.of(new TextbookCode(code, m.group(1), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    /** Lower case without any spaces: {@code  MA 4.8 } → {@code ma4.8}. */
    public static String normalise(String text) {
        return text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** The subject's name for the directory («Математика»); empty for a prefix not seen in real files. */
    public Optional<String> subjectName() {
        return subjectOf(prefix);
    }

    static Optional<String> subjectOf(String prefix) {
        return Optional.ofNullable(SUBJECTS.get(prefix));
    }
}
