package ru.msoko.core.objectivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.scales.MarkScale;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.SchoolContext;
import ru.msoko.core.domain.TaskLayout;

/**
 * Collects schools and results (from canonical files, official layouts or the database) into the
 * column arrays the engine computes on. Not thread-safe; feed it from one thread, then {@link #build()}.
 */
public final class AnalysisDataBuilder implements CanonicalResultsReader.Sink {

    private final Map<String, Integer> schoolIndex = new HashMap<>();
    private final List<School> schools = new ArrayList<>();
    private final Map<String, Integer> participants = new HashMap<>();
    private final Map<Procedure.Key, Columns> procedures = new LinkedHashMap<>();
    private TaskLayout currentLayout = TaskLayout.EMPTY;
    private final Map<Procedure.Key, MarkThresholds> scales = new HashMap<>();

    /** Registers a school with its type, settlement and context; results may refer to it by its code. */
    public AnalysisDataBuilder addSchool(School school) {
        Integer existing = schoolIndex.get(school.code());
        if (existing == null) {
            schoolIndex.put(school.code(), schools.size());
            schools.add(school);
        } else {
            schools.set(existing, school);
        }
        return this;
    }

    @Override
    public void start(TaskLayout layout) {
        currentLayout = layout;
    }

    /** Layout of the task columns of the results that follow (for sources that are not files). */
    public void layout(TaskLayout layout) {
        start(layout);
    }

    @Override
    public void accept(long row, Result result) {
        add(result);
    }

    public void add(Result r) {
        if (r.absent()) {
            return;
        }
        Columns c = procedures.computeIfAbsent(r.procedure(), k -> new Columns(k, currentLayout));
        int school = schoolOf(r.schoolCode());
        int participant = participants.computeIfAbsent(r.participant(), k -> participants.size());
        c.add(school, participant, r);
    }

    private int schoolOf(String code) {
        Integer i = schoolIndex.get(code);
        if (i != null) {
            return i;
        }
        addSchool(new School(code, code, "", null, null, SchoolContext.unknown(),
                List.of()));
        return schoolIndex.get(code);
    }

    /**
     * An official mark scale the thresholds of its procedure are taken from (A.5); a scale of one variant
     * only is not used, as the thresholds would then differ between the works of one procedure.
     */
    public AnalysisDataBuilder addScale(MarkScale scale) {
        if (scale.variant().isEmpty()) {
            MarkThresholds t = MarkThresholds.of(scale);
            if (t.known()) {
                scales.put(scale.key(), t);
            }
        }
        return this;
    }

    public AnalysisData build() {
        Map<Procedure.Key, ProcedureData> built = new LinkedHashMap<>();
        for (Columns c : procedures.values()) {
            built.put(c.key, c.build(schools.size()));
        }
        return new AnalysisData(schools, built, scales);
    }

    /** Growable columns of one procedure. */
    private static final class Columns {
        private final Procedure.Key key;
        private TaskLayout layout;
        private boolean tasksConsistent;
        private int n;
        private int[] school = new int[256];
        private int[] participant = new int[256];
        private int[] classId = new int[256];
        private float[] primary = new float[256];
        private float[] testScore = new float[256];
        private byte[] mark = new byte[256];
        private byte[] journal = new byte[256];
        private byte[] annual = new byte[256];
        private byte[] flags = new byte[256];
        private byte[] status = new byte[256];
        private float[] maxScore = new float[256];
        private float[] recheck = new float[256];
        private byte[] tasks;
        private final Map<String, Integer> classes = new HashMap<>();

        Columns(Procedure.Key key, TaskLayout layout) {
            this.key = key;
            this.layout = layout;
            this.tasksConsistent = !layout.isEmpty();
            this.tasks = tasksConsistent ? new byte[256 * layout.size()] : null;
        }

        void add(int schoolIdx, int participantIdx, Result r) {
            grow();
            school[n] = schoolIdx;
            participant[n] = participantIdx;
            classId[n] = classes.computeIfAbsent(schoolIdx + "|" + (r.classLabel() == null ? "" : r.classLabel()),
                    k -> classes.size());
            primary[n] = primaryOf(r);
            testScore[n] = r.testScore() == null ? Float.NaN : r.testScore().floatValue();
            mark[n] = markOf(r.mark());
            journal[n] = markOf(r.journalMark());
            annual[n] = markOf(r.annualMark());
            flags[n] = flagsOf(r.flags());
            status[n] = statusOf(r);
            maxScore[n] = r.maxScore() == null ? Float.NaN : r.maxScore().floatValue();
            recheck[n] = r.recheckedScore() == null ? Float.NaN : r.recheckedScore().floatValue();
            copyTasks(r);
            n++;
        }

        private void copyTasks(Result r) {
            if (!tasksConsistent) {
                return;
            }
            int k = layout.size();
            if (r.tasks() == null || r.tasks().size() != k) {
                // A file with another task layout for the same procedure: task statistics would compare
                // different tasks, so they are switched off for this procedure rather than guessed.
                tasksConsistent = false;
                tasks = null;
                return;
            }
            for (int t = 0; t < k; t++) {
                tasks[n * k + t] = (byte) r.tasks().score(t);
            }
        }

        private static float primaryOf(Result r) {
            if (r.primaryScore() != null) {
                return r.primaryScore().floatValue();
            }
            return r.tasks() == null ? Float.NaN : r.tasks().total();
        }

        private static byte markOf(Integer m) {
            return m == null || m < 1 || m > 5 ? ProcedureData.NO_MARK : m.byteValue();
        }

        private static byte flagsOf(Result.Flags f) {
            int v = (f.ovz() ? ProcedureData.FLAG_OVZ : 0) | (f.repeater() ? ProcedureData.FLAG_REPEATER : 0)
                    | (f.medalCandidate() ? ProcedureData.FLAG_MEDAL_CANDIDATE : 0)
                    | (f.observed() ? ProcedureData.FLAG_OBSERVED : 0);
            return (byte) v;
        }

        private static byte statusOf(Result r) {
            if (r.status() == null) {
                return ProcedureData.STATUS_NONE;
            }
            return switch (r.status()) {
                case WINNER -> ProcedureData.STATUS_WINNER;
                case PRIZE_WINNER -> ProcedureData.STATUS_PRIZE_WINNER;
                case PARTICIPANT -> ProcedureData.STATUS_PARTICIPANT;
            };
        }

        private void grow() {
            if (n < school.length) {
                return;
            }
            int size = school.length * 2;
            school = Arrays.copyOf(school, size);
            participant = Arrays.copyOf(participant, size);
            classId = Arrays.copyOf(classId, size);
            primary = Arrays.copyOf(primary, size);
            testScore = Arrays.copyOf(testScore, size);
            mark = Arrays.copyOf(mark, size);
            journal = Arrays.copyOf(journal, size);
            annual = Arrays.copyOf(annual, size);
            flags = Arrays.copyOf(flags, size);
            status = Arrays.copyOf(status, size);
            maxScore = Arrays.copyOf(maxScore, size);
            recheck = Arrays.copyOf(recheck, size);
            if (tasks != null) {
                tasks = Arrays.copyOf(tasks, size * layout.size());
            }
        }

        /** Orders the rows by school (a stable counting sort) and freezes them. */
        ProcedureData build(int schoolCount) {
            int[] order = SchoolOrder.stable(school, n, schoolCount);
            int k = tasks == null ? 0 : layout.size();
            byte[] sortedTasks = tasks == null ? null : new byte[n * k];
            for (int i = 0; i < n && sortedTasks != null; i++) {
                System.arraycopy(tasks, order[i] * k, sortedTasks, i * k, k);
            }
            return new ProcedureData(key, tasks == null ? TaskLayout.EMPTY : layout, n,
                    SchoolOrder.permute(school, order), SchoolOrder.permute(participant, order),
                    SchoolOrder.permute(classId, order), SchoolOrder.permute(primary, order),
                    SchoolOrder.permute(testScore, order), SchoolOrder.permute(mark, order),
                    SchoolOrder.permute(journal, order), SchoolOrder.permute(annual, order),
                    SchoolOrder.permute(flags, order), SchoolOrder.permute(status, order),
                    SchoolOrder.permute(maxScore, order), SchoolOrder.permute(recheck, order), sortedTasks);
        }
    }
}
