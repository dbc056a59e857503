package ru.msoko.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tasks of a work in order, each with its label ({@code 1}, {@code 5(1)}, {@code 10К2}) and maximum score. */
public record TaskLayout(List<Task> tasks) {

    public static final TaskLayout EMPTY = new TaskLayout(List.of());

    /** Header of a task column as ФИС ОКО writes it: {@code 1 (1б)}, {@code 10К2 (2б)}, {@code 5(1) (1б)}. */
    private static final Pattern HEADER = Pattern.compile("^\\s*(\\S(?:.*\\S)?)\\s*\\(\\s*(\\d{1,2})\\s*[бb]\\.?\\s*\\)\\s*$");

    public TaskLayout {
        tasks = List.copyOf(tasks);
    }

    public int size() {
        return tasks.size();
    }

    public boolean isEmpty() {
        return tasks.isEmpty();
    }

    public int maxTotal() {
        return tasks.stream().mapToInt(Task::maxScore).sum();
    }

    /** Returns the task described by a column header, or {@code null} when the header is not a task header. */
    public static Task parseHeader(String header) {
        Matcher m = HEADER.matcher(header);
        if (!m.matches()) {
            return null;
        }
        return new Task(m.group(1), Integer.parseInt(m.group(2)));
    }

    /** Compact text for storage: {@code 1=1;2=1;10К2=2}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Task t : tasks) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(t.label()).append('=').append(t.maxScore());
        }
        return sb.toString();
    }

    public static TaskLayout parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        List<Task> list = new ArrayList<>();
        for (String part : text.split(";")) {
            int eq = part.lastIndexOf('=');
            list.add(new Task(part.substring(0, eq), Integer.parseInt(part.substring(eq + 1))));
        }
        return new TaskLayout(list);
    }

    /** One task (or criterion) of a work. */
    public record Task(String label, int maxScore) {
        public Task {
            if (label == null || label.isBlank() || label.indexOf(';') >= 0 || label.indexOf('=') >= 0) {
                throw new IllegalArgumentException("task label «" + label + "»");
            }
            if (maxScore < 0 || maxScore > TaskScores.MAX_TASK_SCORE) {
                throw new IllegalArgumentException("max score " + maxScore);
            }
        }

        public String header() {
            return label + " (" + maxScore + "б)";
        }
    }
}
