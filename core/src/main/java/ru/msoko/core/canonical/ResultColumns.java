package ru.msoko.core.canonical;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.msoko.core.domain.TaskLayout;

/** Where each canonical column of {@code results.csv} sits in a file's header (DESIGN §4). */
final class ResultColumns {

    static final List<String> REQUIRED = List.of("procedure", "year", "subject", "grade", "school_code", "participant");
    static final List<String> OPTIONAL = List.of("date", "municipality_code", "class", "gender", "variant",
            "primary_score", "score", "mark", "journal_mark", "annual_mark", "ovz", "repeat", "medal_candidate",
            "status", "max_score", "observed", "rechecked_score");

    /** Every canonical column: REQUIRED, then OPTIONAL; a column's id is its place here. */
    private static final List<String> NAMES = java.util.stream.Stream.concat(REQUIRED.stream(), OPTIONAL.stream())
            .toList();

    static final int PROCEDURE = id("procedure");
    static final int YEAR = id("year");
    static final int SUBJECT = id("subject");
    static final int GRADE = id("grade");
    static final int SCHOOL_CODE = id("school_code");
    static final int PARTICIPANT = id("participant");
    static final int DATE = id("date");
    static final int CLASS = id("class");
    static final int GENDER = id("gender");
    static final int VARIANT = id("variant");
    static final int PRIMARY_SCORE = id("primary_score");
    static final int SCORE = id("score");
    static final int MARK = id("mark");
    static final int JOURNAL_MARK = id("journal_mark");
    static final int ANNUAL_MARK = id("annual_mark");
    static final int OVZ = id("ovz");
    static final int REPEAT = id("repeat");
    static final int MEDAL_CANDIDATE = id("medal_candidate");
    static final int STATUS = id("status");
    static final int MAX_SCORE = id("max_score");
    static final int OBSERVED = id("observed");
    static final int RECHECKED_SCORE = id("rechecked_score");

    private static int id(String name) {
        int id = NAMES.indexOf(name);
        if (id < 0) {
            throw new IllegalStateException("not a canonical column: " + name);
        }
        return id;
    }

    private final Map<String, Integer> index = new HashMap<>();
    /** Position in the file of each canonical column by its id, -1 when the file has none: read on every row. */
    private final int[] positions = new int[NAMES.size()];
    private final int[] taskColumns;
    private final TaskLayout layout;
    private final List<String> unknown = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    ResultColumns(List<String> header) {
        List<TaskLayout.Task> tasks = new ArrayList<>();
        List<Integer> taskIdx = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            if (REQUIRED.contains(name) || OPTIONAL.contains(name)) {
                if (index.putIfAbsent(name, i) != null) {
                    errors.add("столбец «" + header.get(i) + "» встречается в заголовке дважды");
                }
                continue;
            }
            TaskLayout.Task task = parseTask(header.get(i));
            if (task != null) {
                tasks.add(task);
                taskIdx.add(i);
            } else if (!header.get(i).isEmpty()) {
                unknown.add(header.get(i));
            }
        }
        for (String required : REQUIRED) {
            if (!index.containsKey(required)) {
                errors.add("нет обязательного столбца «" + required + "»");
            }
        }
        for (int id = 0; id < NAMES.size(); id++) {
            positions[id] = index.getOrDefault(NAMES.get(id), -1);
        }
        taskColumns = taskIdx.stream().mapToInt(Integer::intValue).toArray();
        layout = new TaskLayout(tasks);
    }

    private TaskLayout.Task parseTask(String header) {
        try {
            return TaskLayout.parseHeader(header);
        } catch (IllegalArgumentException e) {
            errors.add("столбец задания «" + header + "»: максимальный балл больше допустимого");
            return null;
        }
    }

    /** Column index or -1. */
    int of(String name) {
        return index.getOrDefault(name, -1);
    }

    /** Column index of the canonical column with this id ({@link #YEAR}, …), or -1. */
    int at(int id) {
        return positions[id];
    }

    int[] taskColumns() {
        return taskColumns;
    }

    TaskLayout layout() {
        return layout;
    }

    List<String> unknown() {
        return unknown;
    }

    List<String> errors() {
        return errors;
    }
}
