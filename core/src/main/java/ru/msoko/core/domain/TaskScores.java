package ru.msoko.core.domain;

import java.util.Arrays;

/**
 * The task scores of one participant, with "not attempted" kept apart from 0.
 * Stored packed as one short string, one character per task: base-36 digit for the score
 * ({@code 0}–{@code 9}, {@code a}–{@code z}) and {@code -} for "not attempted", so a 20-task
 * ВПР takes 20 bytes instead of 20 rows.
 */
public final class TaskScores {

    public static final int NOT_ATTEMPTED = -1;
    public static final int MAX_TASK_SCORE = 35;
    private static final char NOT_ATTEMPTED_CHAR = '-';

    private final byte[] scores;

    private TaskScores(byte[] scores) {
        this.scores = scores;
    }

    /** @param scores per task: 0..35 or {@link #NOT_ATTEMPTED} */
    public static TaskScores of(int... scores) {
        byte[] b = new byte[scores.length];
        for (int i = 0; i < scores.length; i++) {
            int s = scores[i];
            if (s != NOT_ATTEMPTED && (s < 0 || s > MAX_TASK_SCORE)) {
                throw new IllegalArgumentException("task " + (i + 1) + ": score " + s);
            }
            b[i] = (byte) s;
        }
        return new TaskScores(b);
    }

    /** The scores as stored in a result block ({@link ResultBlock}): one byte per task, −1 = not attempted. */
    byte[] bytes() {
        return scores;
    }

    static TaskScores ofBytes(byte[] scores) {
        for (byte s : scores) {
            if (s != NOT_ATTEMPTED && (s < 0 || s > MAX_TASK_SCORE)) {
                throw new IllegalArgumentException("task score " + s);
            }
        }
        return new TaskScores(scores);
    }

    public int size() {
        return scores.length;
    }

    public int score(int task) {
        return scores[task];
    }

    public boolean attempted(int task) {
        return scores[task] != NOT_ATTEMPTED;
    }

    /** Sum of the attempted tasks. */
    public int total() {
        int sum = 0;
        for (byte s : scores) {
            if (s > 0) {
                sum += s;
            }
        }
        return sum;
    }

    public int notAttemptedCount() {
        int n = 0;
        for (byte s : scores) {
            if (s == NOT_ATTEMPTED) {
                n++;
            }
        }
        return n;
    }

    public String pack() {
        char[] c = new char[scores.length];
        for (int i = 0; i < scores.length; i++) {
            c[i] = scores[i] == NOT_ATTEMPTED ? NOT_ATTEMPTED_CHAR : Character.forDigit(scores[i], 36);
        }
        return new String(c);
    }

    public static TaskScores unpack(String packed) {
        byte[] b = new byte[packed.length()];
        for (int i = 0; i < b.length; i++) {
            char ch = packed.charAt(i);
            if (ch == NOT_ATTEMPTED_CHAR) {
                b[i] = NOT_ATTEMPTED;
            } else {
                int d = Character.digit(ch, 36);
                if (d < 0) {
                    throw new IllegalArgumentException("packed task scores «" + packed + "»: position " + (i + 1));
                }
                b[i] = (byte) d;
            }
        }
        return new TaskScores(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskScores other && Arrays.equals(scores, other.scores);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return pack();
    }
}
