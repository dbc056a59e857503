package ru.msoko.core.gia;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import ru.msoko.core.fisoko.Columns;

/**
 * Where each field sits in a РЦОИ participant sheet (data-formats §2.1), found by header text and never by
 * position: the sheet without the extended-answer part has «Первичный балл» and «Балл» one column to the left.
 * Headers are compared without case, «ё» and extra spaces; «Код ОО» may be written «ОО» or «Код ОУ».
 */
final class RcoiColumns {

    private static final Set<String> MUNICIPALITY = Set.of("код мсу", "мсу", "код ато", "код мо", "код муниципалитета");
    private static final Set<String> SCHOOL = Set.of("код оо", "оо", "код оу", "оу", "код образовательной организации");
    private static final Set<String> SCORE = Set.of("балл", "тестовый балл", "итоговый балл", "отметка", "оценка",
            "балл (отметка)", "отметка (балл)");
    /** Columns that are not personal and not needed: the exam point and its room. */
    private static final Set<String> UNUSED = Set.of("код ппэ", "ппэ", "аудитория", "номер аудитории", "№ аудитории");
    /** Words of headers that hold an identity document: such a column is never read (152-ФЗ). */
    private static final List<String> DOCUMENT = List.of("документ", "паспорт", "серия", "номер", "снилс");

    final List<String> header;
    final int municipality;
    final int school;
    final int classLabel;
    final int surname;
    final int name;
    final int patronymic;
    final int variant;
    final int shortAnswers;
    final int longAnswers;
    final int primary;
    final int score;
    final List<String> errors = new ArrayList<>();
    /** What happens to the columns the reader does not use, for the import log (header text only, never values). */
    final List<String> skipped = new ArrayList<>();

    RcoiColumns(String[] cells) {
        this.header = Arrays.stream(cells).map(String::trim).toList();
        List<String> names = Columns.normAll(cells);
        municipality = Columns.indexWhere(names, MUNICIPALITY::contains);
        school = Columns.indexWhere(names, SCHOOL::contains);
        classLabel = Columns.indexWhere(names, "класс"::equals);
        surname = Columns.indexWhere(names, "фамилия"::equals);
        name = Columns.indexWhere(names, "имя"::equals);
        patronymic = Columns.indexWhere(names, "отчество"::equals);
        variant = Columns.indexWhere(names, n -> n.contains("вариант"));
        shortAnswers = Columns.indexWhere(names, RcoiColumns::isShortAnswers);
        longAnswers = Columns.indexWhere(names, RcoiColumns::isLongAnswers);
        primary = Columns.indexWhere(names, n -> n.startsWith("первичн"));
        score = Columns.indexWhere(names, SCORE::contains);
        require(school, "«Код ОО» (код образовательной организации)");
        require(surname, "«Фамилия»");
        require(name, "«Имя»");
        require(primary, "«Первичный балл»");
        if (shortAnswers < 0 && longAnswers < 0) {
            errors.add("нет столбца «Задания с кратким ответом» (или «Задания с развёрнутым ответом»)");
        }
        describeSkipped(names);
    }

    /** A header row of a РЦОИ sheet: the participant's surname, the answers and the primary score. */
    static boolean isHeader(String[] cells) {
        List<String> names = Columns.normAll(cells);
        return names.contains("фамилия") && names.stream().anyMatch(n -> n.startsWith("первичн"))
                && names.stream().anyMatch(n -> isShortAnswers(n) || isLongAnswers(n));
    }

    private static boolean isShortAnswers(String n) {
        return n.contains("кратким ответом") || n.contains("краткий ответ");
    }

    private static boolean isLongAnswers(String n) {
        return n.contains("развернутым ответом") || n.contains("развернутый ответ");
    }

    private void describeSkipped(List<String> names) {
        Set<Integer> used = new java.util.HashSet<>(List.of(municipality, school, classLabel, surname, name, patronymic,
                variant, shortAnswers, longAnswers, primary, score));
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n.isEmpty() || used.contains(i) || UNUSED.contains(n)) {
                continue;
            }
            if (DOCUMENT.stream().anyMatch(n::contains)) {
                skipped.add("столбец «" + header.get(i) + "» не читается: данные документов участников не хранятся");
            } else {
                skipped.add("столбец «" + header.get(i) + "» не относится к формату ведомости РЦОИ и пропущен");
            }
        }
    }

    private void require(int column, String what) {
        if (column < 0) {
            errors.add("нет обязательного столбца " + what);
        }
    }

    String name(int column) {
        return column >= 0 && column < header.size() ? header.get(column) : null;
    }
}
