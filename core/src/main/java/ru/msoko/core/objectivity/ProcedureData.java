package ru.msoko.core.objectivity;

import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.TaskLayout;

/**
 * The results of one procedure held as columns (one array per attribute, one slot per participant
 * who took part), ordered by school so that a school's rows are one contiguous range. Absent
 * participants are not held: no statistic here uses them.
 */
public final class ProcedureData {

    static final byte NO_MARK = 0;
    static final int FLAG_OVZ = 1;
    static final int FLAG_REPEATER = 2;
    static final int FLAG_MEDAL_CANDIDATE = 4;
    static final int FLAG_OBSERVED = 8;
    static final byte STATUS_NONE = 0;
    static final byte STATUS_WINNER = 1;
    static final byte STATUS_PRIZE_WINNER = 2;
    static final byte STATUS_PARTICIPANT = 3;

    final Procedure.Key key;
    final TaskLayout layout;
    /** Maximum of each task; empty when task scores are not known. */
    final int[] taskMax;
    final int n;
    final int[] school;
    final int[] participant;
    final int[] classId;
    final float[] primary;
    final float[] testScore;
    final byte[] mark;
    final byte[] journal;
    final byte[] annual;
    final byte[] flags;
    final byte[] status;
    final float[] maxScore;
    final float[] recheck;
    /** Task scores row by row ({@code n × taskMax.length}), {@code -1} = not attempted; {@code null} without tasks. */
    final byte[] tasks;
    /** Schools that have rows, ascending, and the start of each one's range ({@code starts[i]..starts[i+1]}). */
    final int[] schools;
    final int[] starts;

    ProcedureData(Procedure.Key key, TaskLayout layout, int n, int[] school, int[] participant, int[] classId,
                  float[] primary, float[] testScore, byte[] mark, byte[] journal, byte[] annual, byte[] flags,
                  byte[] status, float[] maxScore, float[] recheck, byte[] tasks) {
        this.key = key;
        this.layout = layout;
        this.taskMax = layout.tasks().stream().mapToInt(TaskLayout.Task::maxScore).toArray();
        this.n = n;
        this.school = school;
        this.participant = participant;
        this.classId = classId;
        this.primary = primary;
        this.testScore = testScore;
        this.mark = mark;
        this.journal = journal;
        this.annual = annual;
        this.flags = flags;
        this.status = status;
        this.maxScore = maxScore;
        this.recheck = recheck;
        this.tasks = tasks;
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || school[i] != school[i - 1]) {
                distinct++;
            }
        }
        this.schools = new int[distinct];
        this.starts = new int[distinct + 1];
        for (int i = 0, s = -1; i < n; i++) {
            if (i == 0 || school[i] != school[i - 1]) {
                schools[++s] = school[i];
                starts[s] = i;
            }
        }
        starts[distinct] = n;
    }

    public Procedure.Key key() {
        return key;
    }

    public int size() {
        return n;
    }

    boolean hasTasks() {
        return tasks != null && taskMax.length > 0;
    }

    int taskCount() {
        return taskMax.length;
    }

    int task(int row, int task) {
        return tasks[row * taskMax.length + task];
    }

    /** Maximum primary score of the work: from the task layout, else from the {@code max_score} column. */
    double maxTotal() {
        if (hasTasks()) {
            int sum = 0;
            for (int m : taskMax) {
                sum += m;
            }
            return sum;
        }
        double max = Double.NaN;
        for (float v : maxScore) {
            if (!Float.isNaN(v) && (Double.isNaN(max) || v > max)) {
                max = v;
            }
        }
        return max;
    }

    boolean hasFlag(int row, int flag) {
        return (flags[row] & flag) != 0;
    }

    /** Number of schools with rows. */
    int schoolCount() {
        return schools.length;
    }
}
