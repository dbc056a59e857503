package ru.msoko.core.canonical;

import java.util.Optional;

/** Resolves the identifiers found in files to the canonical codes of the reference directory. */
public interface Directory {

    /** The school's canonical code for any of its identifiers valid in that year. */
    Optional<String> schoolCode(String identifier, int year);

    /** The subject's canonical code for its name, code or a known alias. */
    Optional<String> subjectCode(String nameOrCode);

    /** Known identifiers close to one that was not found (typos, a dropped digit), best first; may be empty. */
    default java.util.List<String> similarSchoolCodes(String identifier) {
        return java.util.List.of();
    }

    /**
     * Codes of the schools whose directory name is this one, compared by {@link SchoolNames#key}: one code is a
     * match, several mean the name is ambiguous (protocols name schools, data-formats §3). Empty when unknown.
     */
    default java.util.List<String> schoolsNamed(String name) {
        return java.util.List.of();
    }

    /** Directory names close to an unknown one, as «name (code)», best first; may be empty. */
    default java.util.List<String> similarSchoolNames(String name) {
        return java.util.List.of();
    }

    /** What every reader says about an unknown school: «школа с кодом «…» не найдена …; похожие коды: …». */
    default String unknownSchool(String identifier, int year) {
        java.util.List<String> similar = similarSchoolCodes(identifier);
        return "школа с кодом «" + identifier + "» не найдена в справочнике школ (на " + year + " год)"
                + (similar.isEmpty() ? "" : "; похожие коды: " + String.join(", ", similar));
    }
}
