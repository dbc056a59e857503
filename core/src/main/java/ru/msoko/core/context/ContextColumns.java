package ru.msoko.core.context;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.msoko.core.fisoko.Columns;
import ru.msoko.core.fisoko.Workbook;

/**
 * The columns of one sheet of a context form, found by the meaning of their header text — the 2021 and 2022
 * forms word and number the same questions differently (data-formats §1.5: «map them by meaning, not by
 * number»). A header may span several rows (a question over its sub-answers, «1 класс» over «Классов/групп» and
 * «Обучающихся»): the texts of a column are joined, an upper cell left blank under a merge taking the text to
 * its left.
 */
final class ContextColumns {

    /** What a column holds. */
    enum Meaning {
        LOGIN, NAME, SHORT_NAME, SCHOOL, FULL_NAME, MUNICIPALITY, PUPILS, TEACHERS, SETTLEMENT, PRIMARY, BASIC,
        SECONDARY, CORRECTIONAL, EVENING, BOARDING, COHORT, COHORT_AOP, NON_NATIVE, PERSONAL, OTHER
    }

    /**
     * One column.
     *
     * @param header the header as written, spaces collapsed (the key of the answer)
     * @param cohort for {@link Meaning#COHORT} and {@link Meaning#COHORT_AOP}: the birth year it counts
     */
    record Column(int index, String header, Meaning meaning, String cohort) {
    }

    private static final Pattern LOGIN_VALUE = Pattern.compile("(?i)[a-z]{2,4}\\d{4,}");
    private static final Pattern BIRTH_YEAR = Pattern.compile("(\\d{4}) ?(года рождения|г\\. ?р)");
    /** Personal data of the staff is never stored: the public copies have these columns emptied (SOURCE.md). */
    private static final Pattern PERSONAL = Pattern.compile("(^|[^а-яa-z])(фио|телефон|e-?mail|электронная почта|инн)([^а-яa-z]|$)");
    private static final int HEADER_SEARCH = 10;
    private static final int MAX_HEADER_ROWS = 4;

    final List<Column> columns;
    final int login;
    /** Index of the first data line in the lines the sheet was read into. */
    final int firstData;

    private ContextColumns(List<Column> columns, int login, int firstData) {
        this.columns = columns;
        this.login = login;
        this.firstData = firstData;
    }

    /** The header of a sheet read into {@code lines}, or {@code null} when no row near the top names a login column. */
    static ContextColumns of(List<Workbook.Line> lines) {
        for (int h = 0; h < Math.min(HEADER_SEARCH, lines.size()); h++) {
            int login = loginColumn(lines.get(h));
            if (login >= 0) {
                int data = h + 1;
                while (data < lines.size() && data - h < MAX_HEADER_ROWS && !isLogin(lines.get(data).cell(login))) {
                    data++;
                }
                if (data >= lines.size() || !isLogin(lines.get(data).cell(login))) {
                    data = h + 1;
                }
                return new ContextColumns(columns(lines.subList(h, data)), login, data);
            }
        }
        return null;
    }

    static boolean isLogin(String cell) {
        return LOGIN_VALUE.matcher(cell.trim()).matches();
    }

    private static int loginColumn(Workbook.Line line) {
        for (int i = 0; i < line.cells().length; i++) {
            String n = Columns.norm(line.cells()[i]);
            if (n.startsWith("логин") || n.equals("пользователь")) {
                return i;
            }
        }
        return -1;
    }

    private static List<Column> columns(List<Workbook.Line> header) {
        int width = header.stream().mapToInt(l -> l.cells().length).max().orElse(0);
        List<Column> columns = new ArrayList<>();
        String lastCohort = null;
        List<Integer> untied = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            String text = joined(header, i);
            if (text.isEmpty()) {
                continue;
            }
            Meaning meaning = meaning(Columns.norm(text));
            String cohort = null;
            if (meaning == Meaning.COHORT || meaning == Meaning.COHORT_AOP) {
                Matcher m = BIRTH_YEAR.matcher(Columns.norm(text));
                cohort = m.find() ? m.group(1) : null;
            }
            if (meaning == Meaning.COHORT && cohort != null && (lastCohort == null || cohort.compareTo(lastCohort) > 0)) {
                lastCohort = cohort;
            }
            if (meaning == Meaning.COHORT_AOP && cohort == null) {
                untied.add(columns.size());
            }
            columns.add(new Column(i, text, meaning, cohort));
        }
        // An «из них обучаются по АОП» column naming no birth year belongs to the youngest cohort the sheet asks
        // about: in the real 2021 form it stands between the 2005 and 2006 columns, yet it never exceeds the 2006
        // count and equals it in 31 of 35 special (correctional) schools, where every pupil is on an АОП.
        for (int u : untied) {
            Column c = columns.get(u);
            columns.set(u, new Column(c.index(), c.header(), c.meaning(), lastCohort));
        }
        return columns;
    }

    /** The texts of a column over the header rows; a blank upper cell takes the text to its left (a merge). */
    private static String joined(List<Workbook.Line> header, int column) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < header.size(); r++) {
            String text = header.get(r).cell(column).trim();
            boolean lowerHasText = r + 1 < header.size() && !header.get(header.size() - 1).cell(column).isBlank();
            if (text.isEmpty() && lowerHasText) {
                text = leftOf(header.get(r), column);
            }
            if (!text.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : " ").append(text);
            }
        }
        return sb.toString().replace('\u00A0', ' ').replaceAll("\\s+", " ").trim();
    }

    private static String leftOf(Workbook.Line line, int column) {
        for (int i = column - 1; i >= 0; i--) {
            if (!line.cell(i).isBlank()) {
                return line.cell(i).trim();
            }
        }
        return "";
    }

    /** The meaning of a normalised header (lower case, «ё» as «е», single spaces); the real wordings are in the tests. */
    static Meaning meaning(String n) {
        if (n.startsWith("логин") || n.equals("пользователь")) {
            return Meaning.LOGIN;
        }
        if (PERSONAL.matcher(n).find()) {
            return Meaning.PERSONAL;
        }
        if (n.equals("название оо")) {
            return Meaning.NAME;
        }
        if (n.contains("сокращенное наименование")) {
            return Meaning.SHORT_NAME;
        }
        if (n.equals("школа")) {
            return Meaning.SCHOOL;
        }
        if (n.contains("полное наименование")) {
            return Meaning.FULL_NAME;
        }
        if (n.equals("муниципалитет")) {
            return Meaning.MUNICIPALITY;
        }
        return question(n);
    }

    private static Meaning question(String n) {
        if (n.contains("количество обучающихся в оо")) {
            return Meaning.PUPILS;
        }
        if (n.contains("сколько всего в") && n.contains("учител") && !n.contains("категори")) {
            return Meaning.TEACHERS;
        }
        if (n.contains("где расположена") && !n.contains("наименование")) {
            return Meaning.SETTLEMENT;
        }
        if (n.contains("является") && n.contains("коррекционн")) {
            return Meaning.CORRECTIONAL;
        }
        if (n.contains("является") && n.contains("вечерн")) {
            return Meaning.EVENING;
        }
        if (n.contains("является школой-интернатом")) {
            return Meaning.BOARDING;
        }
        if (n.contains("не является родным")) {
            return Meaning.NON_NATIVE;
        }
        return cohortOrLevel(n);
    }

    private static Meaning cohortOrLevel(String n) {
        boolean adapted = n.contains("адаптированн") || n.contains("аоп") || n.contains("ограниченными возможностями");
        if (adapted && (n.startsWith("из них") || n.contains("количество обучающихся"))) {
            return Meaning.COHORT_AOP;
        }
        if (n.contains("общее количество обучающихся") && BIRTH_YEAR.matcher(n).find()) {
            return Meaning.COHORT;
        }
        return switch (n) {
            case "начальное общее образование" -> Meaning.PRIMARY;
            case "основное общее образование" -> Meaning.BASIC;
            case "среднее общее образование" -> Meaning.SECONDARY;
            default -> Meaning.OTHER;
        };
    }

    /** How many columns answer a question the analysis uses: a context form has several, other files none. */
    long typedQuestions() {
        return columns.stream().filter(c -> switch (c.meaning()) {
            case PUPILS, TEACHERS, SETTLEMENT, CORRECTIONAL, EVENING, BOARDING, COHORT, COHORT_AOP, NON_NATIVE -> true;
            default -> false;
        }).count();
    }
}
