package ru.msoko.core.olympiad;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a column of a ВсОШ protocol or of an итоговое сочинение/собеседование list holds, recognised by the meaning
 * of its header, never by its position (data-formats §3, §7.1): «ФИО участника», «Фамилия», «ОО», «Класс обучения»,
 * «Класс участия», «Итого», «Макс. балл», «Статус», «Результат» (a score or зачёт/незачёт).
 */
enum Role {
    /*
     * PERSONAL: a column about the person or someone else (birth date, sex, teacher, director, phone, documents) —
     * never read and not mentioned in warnings. RCOI: a РЦОИ answer-string column — the sheet is no protocol.
     */
    NUMBER, FULL_NAME, SURNAME, FIRST_NAME, PATRONYMIC, CODE, SCHOOL, MUNICIPALITY, STUDY_CLASS, PARTICIPATION_CLASS,
    TASK, TOTAL, MAX, PERCENT, PLACE, STATUS, RESULT, PASS_FAIL, SUBJECT, STAGE, DATE, PERSONAL, RCOI, UNKNOWN;

    private static final Pattern NUMBER_HEADER = Pattern.compile("№|№ ?п ?/ ?п|п ?/ ?п|n|no|номер|порядковый номер");
    private static final Pattern ROUND = Pattern.compile("(?<!\\p{L})тур");
    private static final Pattern TASK_NUMBER = Pattern.compile("(?:№|зад\\.?|з\\.?)?\\s*\\d{1,2}(?:\\s*\\(.*\\))?");

    /** Lower case, «ё» as «е», single spaces, no trailing colon or full stop. */
    static String norm(String header) {
        return header.toLowerCase(Locale.ROOT).replace('ё', 'е').replace('\u00A0', ' ').replaceAll("\\s+", " ")
                .replaceAll("[:.\\s]+$", "").trim();
    }

    /**
     * The role of a header cell; the order of the checks matters («Статус участника» is not a name, «ФИО директора»
     * and «Статус организации» of the ФИС ОКО context form are no participant and no status).
     */
    static Role of(String header) {
        String n = norm(header);
        if (n.isEmpty()) {
            return UNKNOWN;
        }
        if (n.contains("кратким ответом") || n.contains("развернутым ответом")) {
            return RCOI;
        }
        if (NUMBER_HEADER.matcher(n).matches()) {
            return NUMBER;
        }
        if (n.contains("рожден") || n.contains("пол") && n.length() <= 4 || n.contains("снилс") || n.contains("паспорт")
                || n.contains("телефон") || n.contains("учител") || n.contains("наставник") || n.contains("педагог")
                || n.contains("директор") || n.contains("руководител")
                || n.contains("организаци") && !n.contains("образоват")) {
            return PERSONAL;
        }
        if (n.contains("статус") || n.contains("диплом") || n.contains("победител") && n.contains("призер")) {
            return STATUS;
        }
        Role name = name(n);
        if (name != null) {
            return name;
        }
        if (n.contains("класс") || n.equals("кл")) {
            return n.contains("участ") || n.contains("выступ") || n.contains("за какой") || n.contains("выполня")
                    || n.contains("параллел") ? PARTICIPATION_CLASS : STUDY_CLASS;
        }
        return other(n);
    }

    private static Role name(String n) {
        if (n.contains("фио") || n.contains("ф.и.о") || n.contains("ф. и. о")
                || n.contains("фамилия") && n.contains("имя")
                || n.equals("участник") || n.equals("обучающийся") || n.equals("ученик")) {
            return FULL_NAME;
        }
        return switch (n) {
            case "фамилия" -> SURNAME;
            case "имя" -> FIRST_NAME;
            case "отчество" -> PATRONYMIC;
            default -> null;
        };
    }

    private static Role other(String n) {
        if (n.contains("муницип") || n.contains("район") || n.equals("мо") || n.contains("городской округ")
                || n.equals("мсу") || n.contains("код мсу")) {
            return MUNICIPALITY;
        }
        if (n.contains("код участника") || n.contains("шифр") || n.contains("идентификатор")
                || n.contains("логин участ")) {
            return CODE;
        }
        if (n.contains("образоват") || n.contains("школ") || n.matches("(?:.* )?о[оу](?: .*)?")
                || n.contains("учрежден") || n.contains("место учеб") || n.contains("логин")) {
            return SCHOOL;
        }
        if (n.contains("сочинен") || n.contains("изложен") || n.contains("собеседован")
                || (n.contains("результат") || n.contains("оценка") || n.contains("отметка")) && !n.contains("балл")) {
            return RESULT;
        }
        if (n.contains("итог") || n.contains("сумм") || n.contains("всего")) {
            return TOTAL;
        }
        if (n.contains("макс") || n.contains("возможн")) {
            return MAX;
        }
        if (n.contains("%") || n.contains("процент")) {
            return PERCENT;
        }
        if (n.contains("место") || n.contains("рейтинг") || n.equals("ранг")) {
            return PLACE;
        }
        if (n.contains("зачет")) {
            return PASS_FAIL;
        }
        if (n.contains("предмет") || n.contains("дисциплин")) {
            return SUBJECT;
        }
        if (n.contains("этап")) {
            return STAGE;
        }
        if (n.contains("дата")) {
            return DATE;
        }
        return score(n);
    }

    private static Role score(String n) {
        if (n.contains("задан") || ROUND.matcher(n).find() || TASK_NUMBER.matcher(n).matches()) {
            return TASK;
        }
        if (n.contains("балл")) {
            return TOTAL;
        }
        return UNKNOWN;
    }
}
