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

    private final Map<String, Integer> index = new HashMap<>();
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
