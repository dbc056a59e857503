package ru.msoko.core.fisoko;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.msoko.core.domain.TaskLayout;

/**
 * Where each field sits in the participant sheet of a ФИС ОКО file, found by header text (never by
 * position): the three layouts name the same fields differently.
 */
public final class Columns {

    private static final Pattern POSITION_2021 = Pattern.compile("балл за (\\d{1,3})");
    private static final Pattern POSITION_2020 = Pattern.compile("a-(\\d{1,3})-grade");

    final List<String> header;
    final int login;
    final int municipality;
    final int school;
    final int uploaded;
    final int code;
    final int[] variants;
    final int classLabel;
    final int gender;
    final int journal;
    final int total;
    /** Task (or position) columns in order. */
    final int[] tasks;
    /** The tasks as the headers describe them (form), or empty when the headers give positions only. */
    final TaskLayout headerLayout;
    final List<String> errors = new ArrayList<>();

    Columns(String[] cells, FisOkoFormat format) {
        this.header = Arrays.stream(cells).map(String::trim).toList();
        List<String> names = normAll(cells);
        switch (format) {
            case FORM -> {
                login = names.indexOf("пользователь");
                municipality = names.indexOf("муниципалитет");
                school = names.indexOf("школа");
                uploaded = names.indexOf("дата загрузки");
                code = required(names, "код");
                variants = new int[] {required(names, "вариант")};
                classLabel = names.indexOf("наименование класса");
                gender = names.indexOf("пол");
                journal = startingWith(names, "отметка за предыдущ");
                total = names.indexOf("итого баллов");
            }
            case EXPORT_2021 -> {
                login = required(names, "логин школы");
                municipality = names.indexOf("регион");
                school = -1;
                uploaded = -1;
                code = required(names, "код обучающегося");
                variants = new int[] {required(names, "вариант")};
                classLabel = names.indexOf("класс");
                gender = names.indexOf("пол");
                journal = startingWith(names, "отметка за предыдущ");
                total = names.indexOf("всего баллов");
            }
            default -> {
                login = required(names, "user");
                municipality = -1;
                school = -1;
                uploaded = -1;
                code = required(names, "code");
                variants = new int[] {required(names, "var-1"), required(names, "var-2")};
                classLabel = names.indexOf("klass");
                gender = names.indexOf("gender");
                journal = names.indexOf("otc");
                total = names.indexOf("sum");
            }
        }
        if (format == FisOkoFormat.FORM) {
            List<TaskLayout.Task> found = new ArrayList<>();
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                TaskLayout.Task t = formTask(header.get(i));
                if (t != null) {
                    found.add(t);
                    idx.add(i);
                }
            }
            tasks = idx.stream().mapToInt(Integer::intValue).toArray();
            headerLayout = new TaskLayout(found);
        } else {
            tasks = positions(names, format);
            headerLayout = TaskLayout.EMPTY;
        }
        if (tasks.length == 0) {
            errors.add("нет столбцов с баллами за задания");
        }
    }

    /** {@code 5(1) (1б)} and {@code 16 (1) (1б)} give the task {@code 5(1)} / {@code 16(1)}; other headers {@code null}. */
    private TaskLayout.Task formTask(String text) {
        try {
            TaskLayout.Task t = TaskLayout.parseHeader(text);
            return t == null ? null : new TaskLayout.Task(t.label().replace(" ", ""), t.maxScore());
        } catch (IllegalArgumentException e) {
            errors.add("столбец задания «" + text + "»: максимальный балл больше допустимого");
            return null;
        }
    }

    private int[] positions(List<String> names, FisOkoFormat format) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int p = position(names.get(i), format);
            if (p > 0) {
                if (p != idx.size() + 1) {
                    errors.add("столбец «" + header.get(i) + "» стоит на месте позиции " + (idx.size() + 1)
                            + ": позиции заданий должны идти подряд с первой");
                    break;
                }
                idx.add(i);
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 1-based position a header of the 2021/2020 exports names, or -1. */
    static int position(String normalisedHeader, FisOkoFormat format) {
        Pattern p = format == FisOkoFormat.EXPORT_2021 ? POSITION_2021 : POSITION_2020;
        Matcher m = p.matcher(normalisedHeader);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private int required(List<String> names, String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            errors.add("нет обязательного столбца «" + name + "»");
        }
        return i;
    }

    /** Index of the first normalised header starting with {@code prefix}, or -1. */
    static int startingWith(List<String> names, String prefix) {
        return indexWhere(names, n -> n.startsWith(prefix));
    }

    public static int indexWhere(List<String> names, Predicate<String> test) {
        for (int i = 0; i < names.size(); i++) {
            if (test.test(names.get(i))) {
                return i;
            }
        }
        return -1;
    }

    String name(int column) {
        return column >= 0 && column < header.size() ? header.get(column) : null;
    }

    /** Header text compared without case, «ё», non-breaking and repeated spaces. */
    public static String norm(String s) {
        return s.replace('\u00A0', ' ').trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    public static List<String> normAll(String[] cells) {
        return Arrays.stream(cells).map(Columns::norm).toList();
    }
}
