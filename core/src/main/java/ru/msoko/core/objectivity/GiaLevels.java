package ru.msoko.core.objectivity;

import java.util.Arrays;
import java.util.List;
import ru.msoko.core.domain.ProcedureKind;

/**
 * Each school's level at the state exams in one subject over the last years (methods.md A.1 step 5):
 * the school's mean of standardised student results, averaged over the ОГЭ (for ВПР grades up to 9)
 * or ЕГЭ (grades 10–11) of years t−k+1..t, weighted by participants.
 */
final class GiaLevels {

    /** Level per school index (NaN when the school has fewer than min n exam results), and its n. */
    final double[] level;
    final int[] n;

    private GiaLevels(double[] level, int[] n) {
        this.level = level;
        this.n = n;
    }

    static GiaLevels of(AnalysisContext ctx, String subject, int grade, int year) {
        int years = ctx.settings.getInt(Parameter.A1_GIA_YEARS);
        ProcedureKind kind = grade >= 10 ? ProcedureKind.EGE : ProcedureKind.OGE;
        List<ProcedureData> exams = ctx.stateExams(subject, year - years + 1, year, kind);
        int schools = ctx.data.schools().size();
        double[] sum = new double[schools];
        int[] n = new int[schools];
        for (ProcedureData p : exams) {
            ProcedureSummary s = ctx.summary(p);
            if (!(s.studentSd > 0)) {
                continue;
            }
            for (int slot = 0; slot < p.schoolCount(); slot++) {
                if (s.n[slot] > 0) {
                    int school = p.schools[slot];
                    sum[school] += s.n[slot] * (s.mean[slot] - s.studentMean) / s.studentSd;
                    n[school] += s.n[slot];
                }
            }
        }
        double[] level = new double[schools];
        Arrays.fill(level, Double.NaN);
        for (int i = 0; i < schools; i++) {
            if (n[i] >= ctx.minN()) {
                level[i] = sum[i] / n[i];
            }
        }
        return new GiaLevels(level, n);
    }

    boolean known(int school) {
        return !Double.isNaN(level[school]);
    }

    double[] knownLevels() {
        return Arrays.stream(level).filter(v -> !Double.isNaN(v)).toArray();
    }
}
