package ru.msoko.core.context;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Values;
import ru.msoko.core.domain.Settlement;
import ru.msoko.core.fisoko.Columns;
import ru.msoko.core.fisoko.Workbook;

/** Reads the school rows of one sheet of a context form into the answers of each school (by login). */
final class SheetReader {

    private final String fileName;
    private final String sheet;
    private final ContextColumns columns;
    private final Map<String, SchoolAnswers> schools;
    private final List<Problem> problems;
    private final Map<String, Long> seen = new HashMap<>();

    SheetReader(String fileName, String sheet, ContextColumns columns, Map<String, SchoolAnswers> schools,
                List<Problem> problems) {
        this.fileName = fileName;
        this.sheet = sheet;
        this.columns = columns;
        this.schools = schools;
        this.problems = problems;
    }

    void read(List<Workbook.Line> lines) {
        String loginHeader = columns.columns.stream().filter(c -> c.index() == columns.login).findFirst()
                .map(ContextColumns.Column::header).orElse("логин");
        for (Workbook.Line line : lines.subList(columns.firstData, lines.size())) {
            String raw = line.cell(columns.login).trim();
            if (!ContextColumns.isLogin(raw)) {
                problems.add(new Problem(fileName, sheet, line.number(), loginHeader, raw.isEmpty()
                        ? "нет логина ОО, а другие ячейки строки заполнены"
                        : "«" + raw + "» — не логин ОО в ФИС ОКО: ожидаются буквы и цифры (sch220001, edu220001)"));
                continue;
            }
            String login = raw.toLowerCase(Locale.ROOT);
            Long earlier = seen.putIfAbsent(login, line.number());
            if (earlier != null) {
                problems.add(new Problem(fileName, sheet, line.number(), loginHeader, "логин «" + raw
                        + "» уже есть на этом листе в строке " + earlier));
                continue;
            }
            SchoolAnswers school = schools.computeIfAbsent(login, l -> new SchoolAnswers(sheet, line.number(), l, loginHeader));
            for (ContextColumns.Column c : columns.columns) {
                String value = line.cell(c.index()).trim();
                if (!value.isEmpty() && c.meaning() != ContextColumns.Meaning.LOGIN
                        && c.meaning() != ContextColumns.Meaning.PERSONAL) {
                    cell(school, c, value, line.number());
                }
            }
        }
    }

    private void cell(SchoolAnswers school, ContextColumns.Column c, String value, long row) {
        school.answer(c.header(), value, sheet);
        try {
            switch (c.meaning()) {
                case NAME, SHORT_NAME, SCHOOL, FULL_NAME, MUNICIPALITY -> school.text(c.meaning(), value);
                case PUPILS -> school.pupils = count(value);
                case TEACHERS -> school.teachers = count(value);
                case SETTLEMENT -> school.settlement = settlement(value);
                case PRIMARY, BASIC, SECONDARY, CORRECTIONAL, EVENING, BOARDING ->
                        school.flag(c.meaning(), Values.flag(value));
                case COHORT -> school.cohort(c.cohort(), count(value));
                case COHORT_AOP -> school.adapted(c.cohort(), count(value));
                case NON_NATIVE -> school.nonNative = share(value);
                default -> {
                }
            }
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(fileName, sheet, row, c.header(), e.getMessage()));
        }
    }

    private static Integer count(String value) {
        return Values.integer(value, "целое неотрицательное число (количество)");
    }

    /**
     * The answer to «Где расположена образовательная организация?»: «1. Столица субъекта РФ» (2021) /
     * «1) Административный центр субъекта РФ» (2022), «2. Город», «3. Населенный пункт городского типа …» are
     * urban, «4. Населенный пункт сельского типа …» is rural (data-formats §1.5: mapped by meaning, not number).
     */
    static Settlement settlement(String answer) {
        String n = Columns.norm(answer);
        if (n.contains("сельск") || n.equals("село")) {
            return Settlement.VILLAGE;
        }
        if (n.contains("город") || n.contains("столиц") || n.contains("административный центр")) {
            return Settlement.CITY;
        }
        throw new IllegalArgumentException("«" + answer + "» — не тип населённого пункта: ожидается столица "
                + "(административный центр), город, населённый пункт городского или сельского типа");
    }

    /** A share given as a fraction (0.12) or in per cent (12, 12%). */
    private static Double share(String value) {
        Double d = Values.decimal(value.replace("%", ""));
        if (d == null) {
            return null;
        }
        if (d < 0 || d > 100) {
            throw new IllegalArgumentException("«" + value + "» — не доля: ожидается число от 0 до 1 или от 0 до 100 %");
        }
        return d > 1 || value.contains("%") ? d / 100 : d;
    }
}
