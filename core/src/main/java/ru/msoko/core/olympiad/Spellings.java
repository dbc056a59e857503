package ru.msoko.core.olympiad;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.msoko.core.canonical.Values;
import ru.msoko.core.domain.OlympiadStatus;

/** The spellings of protocol values (data-formats §3): statuses, classes, зачёт/незачёт. */
final class Spellings {

    private static final Pattern LEADING_GRADE = Pattern.compile("^\\s*(\\d{1,2})(?!\\d)");
    private static final Pattern ANY_GRADE = Pattern.compile("(?<!\\d)(\\d{1,2})(?!\\d)");

    private Spellings() {
    }

    /**
     * «Победитель», «ПОБЕДИТЕЛЬ», «диплом победителя», «призёр», «Призер», «призёр 2 степени», «участник»; a blank
     * status (or a dash) is «участник»: protocols often mark only the winners and prize-winners. {@code null} when
     * unknown.
     */
    static OlympiadStatus status(String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT).replace('ё', 'е');
        if (v.isEmpty() || v.equals("-") || v.equals("—") || v.equals("–") || v.equals("нет")) {
            return OlympiadStatus.PARTICIPANT;
        }
        if (v.startsWith("побед") || v.contains("победител")) {
            return OlympiadStatus.WINNER;
        }
        if (v.startsWith("приз") || v.contains("призер")) {
            return OlympiadStatus.PRIZE_WINNER;
        }
        return v.startsWith("участ") ? OlympiadStatus.PARTICIPANT : null;
    }

    /** зачёт → true, незачёт → false, empty → null; also «+» / «-» and «не зачтено». */
    static Boolean passFail(String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT).replace('ё', 'е').replace(" ", "");
        return switch (v) {
            case "+", "зачет.", "зачтен", "зачтена" -> Boolean.TRUE;
            case "-", "−", "–", "—", "незачет." -> Boolean.FALSE;
            default -> Values.passFail(raw);
        };
    }

    /** The grade a class is written with: «6», «6Б», «6 класс»; {@code null} when the text does not start with one. */
    static Integer studyGrade(String raw) {
        Matcher m = LEADING_GRADE.matcher(raw);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The grade of participation: «7», «за 7 класс», «7 кл.»; {@code null} when there is no number. */
    static Integer participationGrade(String raw) {
        Matcher m = ANY_GRADE.matcher(raw);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
