package ru.msoko.core.canonical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * School names as written in protocols (ВсОШ, итоговое сочинение; data-formats §3: «ОО» is often a name, not a
 * code) compared with the names of the school directory: case, «ё», quotes, punctuation, the legal form (МБОУ,
 * МАОУ …) and the long spelling of the type («средняя общеобразовательная школа» = «СОШ») do not matter, so
 * «МБОУ «СОШ № 5»» and «Средняя общеобразовательная школа №5» are one name.
 */
public final class SchoolNames {

    private static final String[][] LONG_FORMS = {
            {"средняя общеобразовательная школа", "сош"},
            {"основная общеобразовательная школа", "оош"},
            {"начальная общеобразовательная школа", "нош"},
            {"общеобразовательная школа", "ош"},
    };
    /** Legal forms and their words, dropped: a protocol writes «МБОУ СОШ № 5» or just «СОШ № 5». */
    private static final Set<String> LEGAL = Set.of("мбоу", "маоу", "мкоу", "моу", "мобу", "гбоу", "гоу", "гкоу",
            "кгбоу", "гаоу", "чоу", "ноу", "ано", "муниципальное", "государственное", "бюджетное", "автономное",
            "казенное", "общеобразовательное", "учреждение", "образовательное", "частное", "краевое", "областное");

    private SchoolNames() {
    }

    /** The comparison key of a name: «МБОУ «СОШ № 5» г. Бийска» → «сош №5 г бийска». */
    public static String key(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace('ё', 'е').replace('\u00A0', ' ');
        s = s.replaceAll("[«»\"“”„'`().,;:/\\\\-]", " ").replaceAll("\\s+", " ").trim();
        for (String[] form : LONG_FORMS) {
            s = s.replace(form[0], form[1]);
        }
        s = s.replaceAll("(?<![\\p{L}\\d])(?:n|no)\\s*(?=\\d)", "№").replaceAll("№\\s+", "№");
        StringBuilder sb = new StringBuilder();
        for (String word : s.split(" ")) {
            if (!word.isEmpty() && !LEGAL.contains(word)) {
                sb.append(sb.length() == 0 ? "" : " ").append(word);
            }
        }
        return sb.toString();
    }

    /**
     * Up to three names of {@code names} (key → display text) closest to the unknown one, nearest first: within a
     * quarter of its length in edits (at least 2), or containing it, or contained in it.
     */
    public static List<String> closest(String name, Map<String, String> names) {
        String key = key(name);
        int limit = Math.max(2, key.length() / 4);
        record Candidate(String text, int distance) {
        }
        List<Candidate> found = new ArrayList<>();
        names.forEach((k, text) -> {
            int d = EditDistance.bounded(key, k, limit);
            if (d <= limit) {
                found.add(new Candidate(text, d));
            } else if (!key.isEmpty() && (k.contains(key) || key.contains(k)) && !k.isEmpty()) {
                found.add(new Candidate(text, limit + 1));
            }
        });
        return found.stream().sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::text))
                .limit(3).map(Candidate::text).toList();
    }
}
