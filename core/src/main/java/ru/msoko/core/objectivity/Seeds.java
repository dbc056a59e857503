package ru.msoko.core.objectivity;

import ru.msoko.core.domain.Procedure;

/**
 * Seeds for the random parts of the methods (permutations, bootstrap), derived only from stable
 * names — never from identity hash codes — so that the same data always gives the same numbers.
 */
final class Seeds {

    private Seeds() {
    }

    static long of(String schoolCode, Procedure.Key key) {
        long h = 1125899906842597L;
        for (String part : new String[] {schoolCode, key.kind().name(), key.subjectCode()}) {
            for (int i = 0; i < part.length(); i++) {
                h = 31 * h + part.charAt(i);
            }
        }
        return 31 * (31 * h + key.year()) + key.grade();
    }
}
