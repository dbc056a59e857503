package ru.msoko.app.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.msoko.core.domain.OlympiadStatus;
import ru.msoko.core.domain.Result;

/**
 * The {@code result_summary} rows of one import, counted in Java from the rows as they are written, with the
 * definitions of the former {@code result_live_stats} view (V23, dropped with the row-per-pupil table in V28):
 * absent participants count in {@code absent}, not in means; marks, pass/fail and olympiad statuses count for every
 * row. {@code ResultSummariesContract} checks the counts against values computed by hand, on H2 and PostgreSQL.
 */
final class ResultSummaries {

    /** The counters of one procedure × school, in the order of the view's columns. */
    static final class Counts {
        final long assessmentId;
        final long schoolId;
        long rowsTotal;
        long participants;
        long absent;
        long primaryN;
        double primarySum;
        long testN;
        double testSum;
        final long[] marks = new long[4];
        long passed;
        long failed;
        long winners;
        long prizeWinners;

        Counts(long assessmentId, long schoolId) {
            this.assessmentId = assessmentId;
            this.schoolId = schoolId;
        }

        void add(Result r) {
            rowsTotal++;
            if (r.absent()) {
                absent++;
            } else {
                participants++;
                if (r.primaryScore() != null) {
                    primaryN++;
                    primarySum += r.primaryScore();
                }
                if (r.testScore() != null) {
                    testN++;
                    testSum += r.testScore();
                }
            }
            // the view counts marks, pass/fail and olympiad statuses of every row, absent or not
            Integer mark = r.mark();
            if (mark != null && mark >= 2 && mark <= 5) {
                marks[mark - 2]++;
            }
            if (r.passed() != null) {
                if (r.passed()) {
                    passed++;
                } else {
                    failed++;
                }
            }
            if (r.status() == OlympiadStatus.WINNER) {
                winners++;
            } else if (r.status() == OlympiadStatus.PRIZE_WINNER) {
                prizeWinners++;
            }
        }
    }

    private record Key(long assessmentId, long schoolId) {
    }

    private final Map<Key, Counts> counts = new HashMap<>();
    private Counts last;

    /** Counts one row as it is stored (with the mark the import gave it). */
    void add(long assessmentId, long schoolId, Result stored) {
        Counts c = last;
        // rows come grouped by school and procedure in every format: the last group is almost always the one
        if (c == null || c.assessmentId != assessmentId || c.schoolId != schoolId) {
            c = counts.computeIfAbsent(new Key(assessmentId, schoolId), k -> new Counts(k.assessmentId, k.schoolId));
            last = c;
        }
        c.add(stored);
    }

    /** Every procedure × school counted, in a fixed order. */
    List<Counts> all() {
        List<Counts> list = new ArrayList<>(counts.values());
        list.sort(Comparator.comparingLong((Counts c) -> c.assessmentId).thenComparingLong(c -> c.schoolId));
        return list;
    }
}
