package ru.msoko.core.objectivity;

import java.util.List;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.stats.Tests;

/**
 * Annual marks against the ОГЭ marks of the same pupils (methods.md C.1, after the Dutch inspectorate's
 * «verschil SE–CE»): D = mean(annual − exam mark) ≥ 0.5 with a one-sided Wilcoxon signed-rank p &lt; 0.05.
 * Only a positive difference counts. A sign of inflated internal marks: the separate track.
 */
final class SchoolExamRule implements PerProcedureRule {

    private static final double P = 0.05;
    private static final double LARGE = 1.0;

    @Override
    public boolean appliesTo(ProcedureData p) {
        return p.key.kind() == ProcedureKind.OGE;
    }

    @Override
    public void apply(AnalysisContext ctx, ProcedureData p, List<Finding> out) {
        double threshold = ctx.settings.get(Parameter.C1_GAP);
        Unit unit = Unit.of(p.key);
        for (int s = 0; s < p.schoolCount(); s++) {
            double[] diff = new double[p.starts[s + 1] - p.starts[s]];
            int n = 0;
            for (int i = p.starts[s]; i < p.starts[s + 1]; i++) {
                if (p.annual[i] != ProcedureData.NO_MARK && p.mark[i] != ProcedureData.NO_MARK) {
                    diff[n++] = p.annual[i] - p.mark[i];
                }
            }
            if (n < ctx.minN()) {
                continue;
            }
            double[] d = java.util.Arrays.copyOf(diff, n);
            double mean = java.util.Arrays.stream(d).average().orElse(0);
            double pValue = mean > 0 ? Tests.wilcoxonSignedRankGreater(d) : 1.0;
            int school = p.schools[s];
            if (!(mean >= threshold && pValue < P)) {
                out.add(Finding.notHolding(school, unit, SignCode.SCHOOL_MARKS_INFLATED, n, mean, threshold, pValue));
                continue;
            }
            out.add(Finding.holding(school, unit, SignCode.SCHOOL_MARKS_INFLATED, n, mean, threshold, pValue, false,
                    Evidence.of("разница", mean, "участников", n),
                    "Годовые отметки выпускников 9 классов по предмету «" + p.key.subjectCode() + "» в среднем на "
                            + Ru.num(mean, 2) + " балла выше отметок, полученных ими на ОГЭ (порог внимания "
                            + Ru.num(threshold, 1) + "; высокий — " + Ru.num(LARGE, 1) + "; " + Ru.p(pValue) + ")."));
        }
    }
}
