package ru.msoko.core.objectivity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.stats.Distributions;

/**
 * A school's standardised results in the two years before a procedure (same kind, subject and grade), the
 * comparison A.6 (year jump) and A.8 (drop under control) share. Besides the between-school Z it keeps the
 * pupil-level Z and its sampling variance, so that a change can be tested against the noise of small schools.
 */
final class PastYears {

    private final List<ProcedureSummary> past;

    private PastYears(List<ProcedureSummary> past) {
        this.past = past;
    }

    static PastYears before(AnalysisContext ctx, Procedure.Key key) {
        List<ProcedureSummary> past = new ArrayList<>();
        for (int back = 1; back <= 2; back++) {
            ctx.summary(new Procedure.Key(key.kind(), key.year() - back, key.subjectCode(), key.grade())).ifPresent(past::add);
        }
        return new PastYears(past);
    }

    boolean isEmpty() {
        return past.isEmpty();
    }

    /** The school's past: mean Z, pupil-level mean Z and its variance over the {@code years} counted years. */
    record School(double meanZ, double pupilZ, double pupilVariance, int years, String history) {

        /** Change of the school's Z now against this past, and the normal p-value of the pupil-level change. */
        double change(ProcedureSummary now, int slot) {
            return now.z(slot) - meanZ;
        }

        /**
         * Without any spread (every work of the school got the same mark in each year, or the whole procedure did)
         * the test has no noise to measure against: no change is no evidence (p = 1), a change in the tested
         * direction is certain (p = 0).
         */
        double pValue(ProcedureSummary now, int slot, boolean upward) {
            double diff = now.pupilZ(slot) - pupilZ;
            double se = Math.sqrt(now.pupilZVariance(slot) + pupilVariance / years);
            double directed = upward ? diff : -diff;
            if (Double.isNaN(directed)) {
                return 1.0;
            }
            if (!(se > 0)) {
                return directed > 0 ? 0.0 : 1.0;
            }
            return Distributions.normalUpperTail(directed / se);
        }
    }

    /**
     * The school's reliable past years that {@code counted} accepts (summary, slot); {@code null} when none.
     * The pupil-level variance of the mean of k years is the sum of their variances over k².
     */
    School of(int school, BiPredicate<ProcedureSummary, Integer> counted) {
        double sum = 0;
        double pupilSum = 0;
        double pupilVar = 0;
        int k = 0;
        StringBuilder history = new StringBuilder();
        for (ProcedureSummary prev : past) {
            int ps = prev.slotOf(school);
            if (ps >= 0 && prev.reliable(ps) && counted.test(prev, ps)) {
                double z = prev.z(ps);
                sum += z;
                pupilSum += prev.pupilZ(ps);
                pupilVar += prev.pupilZVariance(ps);
                k++;
                history.append(history.length() == 0 ? "" : ", ").append(prev.data.key.year()).append(": ").append(Ru.num(z, 2));
            }
        }
        return k == 0 ? null : new School(sum / k, pupilSum / k, pupilVar / k, k, history.toString());
    }
}
