package ru.msoko.core.gia;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.msoko.core.domain.TaskLayout;
import ru.msoko.core.fisoko.Workbook;

/**
 * The first pass over a РЦОИ sheet: what the rows agree on. The sheet states no task maxima except the
 * brackets of the extended part, so the layout is taken from the rows themselves:
 * <ul>
 *   <li>the number of short-answer tasks is the length most rows' strings have (the longer on a tie);</li>
 *   <li>a short-answer task's maximum is 1 where the rows show only {@code +}/{@code -}, else the highest digit
 *       found in that position (as the ФИС ОКО reader does for positional exports);</li>
 *   <li>the criteria of the extended part and their maxima are those most rows write.</li>
 * </ul>
 * Rows that differ are reported by the second pass, against this majority.
 */
final class Survey {

    private final Map<Integer, Integer> shortLengths = new HashMap<>();
    /** Per position, the highest digit written there, -1 when only {@code +}/{@code -}. */
    private int[] highestDigit = new int[0];
    private final Map<List<Integer>, Integer> criteria = new HashMap<>();
    private int grade9;
    private int grade11;

    static Survey of(Workbook.Rows rows, RcoiColumns c) {
        Survey s = new Survey();
        for (Workbook.Line line = rows.next(); line != null; line = rows.next()) {
            if (c.shortAnswers >= 0) {
                s.shortAnswers(line.cell(c.shortAnswers));
            }
            if (c.longAnswers >= 0) {
                s.longAnswers(line.cell(c.longAnswers));
            }
            if (c.classLabel >= 0) {
                s.classLabel(line.cell(c.classLabel));
            }
        }
        return s;
    }

    private void shortAnswers(String raw) {
        if (raw.isEmpty()) {
            return;
        }
        shortLengths.merge(raw.length(), 1, Integer::sum);
        if (highestDigit.length < raw.length()) {
            int from = highestDigit.length;
            highestDigit = Arrays.copyOf(highestDigit, raw.length());
            Arrays.fill(highestDigit, from, raw.length(), -1);
        }
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch >= '0' && ch <= '9') {
                highestDigit[i] = Math.max(highestDigit[i], ch - '0');
            }
        }
    }

    private void longAnswers(String raw) {
        if (raw.isEmpty()) {
            return;
        }
        try {
            criteria.merge(AnswerStrings.longAnswers(raw).stream().map(AnswerStrings.Criterion::max).toList(), 1,
                    Integer::sum);
        } catch (IllegalArgumentException e) {
            // the second pass reports the row
        }
    }

    private void classLabel(String raw) {
        String digits = raw.trim().replaceFirst("^(\\d{1,2}).*$", "$1");
        if (digits.equals("9")) {
            grade9++;
        } else if (digits.equals("11")) {
            grade11++;
        }
    }

    /** The number of short-answer tasks (0 when the sheet has none). */
    int shortCount() {
        return shortLengths.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(0);
    }

    /** The maxima of the criteria of the extended part, in order (empty when the sheet has none). */
    List<Integer> criteriaMaxima() {
        return criteria.entrySet().stream()
                .max(Map.Entry.<List<Integer>, Integer>comparingByValue()
                        .thenComparing(e -> e.getKey().size()))
                .map(Map.Entry::getKey).orElse(List.of());
    }

    /** Whether some short-answer task is scored by digits, i.e. its maximum is only what the sheet shows. */
    boolean digitScored() {
        int n = shortCount();
        for (int i = 0; i < Math.min(n, highestDigit.length); i++) {
            if (highestDigit[i] >= 0) {
                return true;
            }
        }
        return false;
    }

    /** 9 or 11 when most class labels start with it; {@code null} when the labels do not tell. */
    Integer classGrade() {
        return grade9 > grade11 ? Integer.valueOf(9) : grade11 > grade9 ? Integer.valueOf(11) : null;
    }

    /** Short-answer tasks {@code 1…N}, then the criteria numbered on: {@code N+1 (2б)}, … */
    TaskLayout layout() {
        int n = shortCount();
        List<TaskLayout.Task> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(new TaskLayout.Task(String.valueOf(i + 1), Math.max(1, i < highestDigit.length ? highestDigit[i] : 0)));
        }
        List<Integer> maxima = criteriaMaxima();
        for (int i = 0; i < maxima.size(); i++) {
            tasks.add(new TaskLayout.Task(String.valueOf(n + i + 1), maxima.get(i)));
        }
        return new TaskLayout(tasks);
    }
}
