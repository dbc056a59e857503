package ru.msoko.core.fisoko;

import java.util.Locale;
import ru.msoko.core.canonical.Values;
import ru.msoko.core.domain.Gender;

/**
 * The dirty values of real ФИС ОКО files (data-formats §1.7) on top of {@link Values}: Latin letters
 * typed for their Cyrillic twins (class «A», «X» and «H» for «не приступал»), class labels like
 * «"нет"», «10 "нет"», «11 класс», and journal marks that are not marks.
 */
public final class Dirty {

    private static final String LATIN = "ABCEHKMOPTXYabcehkmoptxy";
    private static final String CYRILLIC = "АВСЕНКМОРТХУавсенкмортху";

    private Dirty() {
    }

    static String cyrillic(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int latin = LATIN.indexOf(c);
            sb.append(latin >= 0 ? CYRILLIC.charAt(latin) : c);
        }
        return sb.toString();
    }

    /** Empty, «X»/«x»/«Х»/«х», «H» (a Latin «Н»), «-», «не пройд.». */
    static boolean notAttempted(String s) {
        return Values.isNotAttempted(cyrillic(s));
    }

    /**
     * A journal mark 2–5, or {@code null} for empty and «нет отметки».
     *
     * @throws IllegalArgumentException for anything else («ж», «1»): the form allows only 2–5
     */
    static Integer journalMark(String s) {
        Integer mark = Values.mark(s);
        if (mark != null && mark < 2) {
            throw new IllegalArgumentException("«" + s.trim() + "» — не отметка: в форме ВПР допустимы 2, 3, 4, 5 или «нет отметки»");
        }
        return mark;
    }

    /** {@code м}/{@code ж} in any case and alphabet, empty = {@code null}; anything else throws. */
    static Gender gender(String s) {
        if (s.isBlank()) {
            return null;
        }
        return Gender.fromLabel(cyrillic(s))
                .orElseThrow(() -> new IllegalArgumentException("«" + s.trim() + "» — не пол: ожидается «м» или «ж»"));
    }

    /** {@code 5А} from «а», «"А"», «5 а», «A» (Latin); «нет», «"нет"», «10 нет» give the bare grade or {@code null}. */
    public static String classLabel(String raw, int grade) {
        String v = cyrillic(raw).replaceAll("[\"«»\\s]", "").toUpperCase(Locale.ROOT)
                .replace("КЛАСС", "").replace("НЕТ", "");
        return v.isEmpty() ? null : Values.classLabel(v, grade);
    }
}
