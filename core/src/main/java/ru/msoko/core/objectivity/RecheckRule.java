package ru.msoko.core.objectivity;

import java.util.List;
import ru.msoko.core.stats.Tests;

/**
 * Re-check of works by experts (methods.md A.8): per school and procedure, the share of re-checked works
 * whose mark changed and the mean difference δ = school score − expert score with a one-sided paired
 * Wilcoxon test. Confirmed when ≥ 15% of marks changed, or δ ≥ 1 point with p &lt; 0.05.
 */
final class RecheckRule implements PerProcedureRule {

    private static final double P = 0.05;

    @Override
    public boolean appliesTo(ProcedureData p) {
        return true;
    }

    @Override
    public void apply(AnalysisContext ctx, ProcedureData p, List<Finding> out) {
        MarkThresholds scale = ctx.thresholds(p);
        Unit unit = Unit.of(p.key);
        ObjectivitySettings st = ctx.settings;
        for (int s = 0; s < p.schoolCount(); s++) {
            double[] delta = new double[p.starts[s + 1] - p.starts[s]];
            int n = 0;
            int changed = 0;
            for (int i = p.starts[s]; i < p.starts[s + 1]; i++) {
                if (Float.isNaN(p.recheck[i]) || Float.isNaN(p.primary[i])) {
                    continue;
                }
                delta[n++] = p.primary[i] - p.recheck[i];
                if (scale.known() && scale.markOf(p.primary[i]) != scale.markOf(p.recheck[i])) {
                    changed++;
                }
            }
            if (n < st.getInt(Parameter.MIN_N_EXACT)) {
                continue;
            }
            double[] d = java.util.Arrays.copyOf(delta, n);
            double mean = java.util.Arrays.stream(d).average().orElse(0);
            double pValue = mean > 0 ? Tests.wilcoxonSignedRankGreater(d) : 1.0;
            double share = (double) changed / n;
            boolean holds = share >= st.get(Parameter.A8_CHANGED) || (mean >= st.get(Parameter.A8_DELTA) && pValue < P);
            int school = p.schools[s];
            if (!holds) {
                out.add(Finding.notHolding(school, unit, SignCode.RECHECK_DISCREPANCY, n, share, st.get(Parameter.A8_CHANGED), pValue));
                continue;
            }
            out.add(Finding.holding(school, unit, SignCode.RECHECK_DISCREPANCY, n, share, st.get(Parameter.A8_CHANGED), pValue,
                    false, Evidence.of("перепроверено", n, "изменилась_отметка", changed, "средняя_разница", mean),
                    "При перепроверке " + changed + " из " + n + " " + Ru.plural(n, "работы", "работ", "работ") + " (≈"
                            + Ru.pct(share) + ") отметка изменилась; средняя разница баллов ОО и эксперта "
                            + Ru.num(mean, 2) + " (" + Ru.p(pValue) + ")."));
        }
    }
}
