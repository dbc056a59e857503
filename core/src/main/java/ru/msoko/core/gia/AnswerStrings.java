package ru.msoko.core.gia;

import java.util.ArrayList;
import java.util.List;
import ru.msoko.core.domain.TaskScores;

/**
 * The two answer strings of a РЦОИ sheet (data-formats §2.1). Short answers: one character per task,
 * {@code +} correct (1 point), {@code -} wrong (0), a digit the score of a task worth more than one point.
 * Extended answers: {@code score(max)} per criterion, e.g. {@code 2(2)1(3)0(2)}. A malformed string throws
 * {@link IllegalArgumentException} with a Russian message naming the 1-based character position.
 */
final class AnswerStrings {

    /** Dashes a spreadsheet may put for the plain minus. */
    private static final String MINUS = "-–—−";

    /** One criterion of the extended part: the score and the maximum written in brackets. */
    record Criterion(int score, int max) {
    }

    private AnswerStrings() {
    }

    /** The scores of the short-answer tasks, in order. */
    static int[] shortAnswers(String raw) {
        int[] scores = new int[raw.length()];
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                scores[i] = 1;
            } else if (MINUS.indexOf(c) >= 0) {
                scores[i] = 0;
            } else if (isDigit(c)) {
                scores[i] = c - '0';
            } else {
                throw new IllegalArgumentException("символ «" + c + "» на позиции " + (i + 1)
                        + ": ожидается «+» (верно), «-» (неверно) или цифра (балл за задание)");
            }
        }
        return scores;
    }

    /** The criteria of the extended part, in order. */
    static List<Criterion> longAnswers(String raw) {
        List<Criterion> out = new ArrayList<>();
        int[] at = {0};
        while (at[0] < raw.length()) {
            int start = at[0];
            int score = number(raw, at, "балл критерия (число)");
            expect(raw, at, '(');
            int max = number(raw, at, "максимальный балл критерия (число)");
            expect(raw, at, ')');
            if (max > TaskScores.MAX_TASK_SCORE) {
                throw new IllegalArgumentException("максимум " + max + " на позиции " + (start + 1)
                        + " больше допустимого (" + TaskScores.MAX_TASK_SCORE + ")");
            }
            if (score > max) {
                throw new IllegalArgumentException("критерий " + (out.size() + 1) + " (позиция " + (start + 1) + "): балл "
                        + score + " больше максимума " + max);
            }
            out.add(new Criterion(score, max));
        }
        return out;
    }

    private static int number(String raw, int[] at, String expected) {
        int from = at[0];
        while (at[0] < raw.length() && at[0] - from < 2 && isDigit(raw.charAt(at[0]))) {
            at[0]++;
        }
        if (at[0] == from) {
            throw unexpected(raw, from, expected);
        }
        return Integer.parseInt(raw.substring(from, at[0]));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void expect(String raw, int[] at, char c) {
        if (at[0] >= raw.length() || raw.charAt(at[0]) != c) {
            throw unexpected(raw, at[0], "«" + c + "»");
        }
        at[0]++;
    }

    private static IllegalArgumentException unexpected(String raw, int i, String expected) {
        String found = i < raw.length() ? "символ «" + raw.charAt(i) + "» на позиции " + (i + 1)
                : "строка обрывается после позиции " + i;
        return new IllegalArgumentException(found + ": ожидается " + expected + " (вид «2(2)1(3)0(2)…»)");
    }
}
