package ru.msoko.core.objectivity;

import java.util.ArrayList;
import java.util.List;
import ru.msoko.core.stats.Distributions;

/**
 * Distribution-shape anomalies (methods.md A.7, supporting): too many «5» (exact binomial p &lt; 0.001 and
 * +25 p.p. over the region), a missing low tail (no «2» while at least 3 were expected), a compressed
 * spread (SD ≤ half the region's with a mean above it).
 */
final class ShapeRule implements PerProcedureRule {

    @Override
    public boolean appliesTo(ProcedureData p) {
        return Procedures.isDiagnostic(p.key.kind());
    }

    @Override
    public void apply(AnalysisContext ctx, ProcedureData p, List<Finding> out) {
        ProcedureSummary s = ctx.summary(p);
        int[] region = new int[6];
        for (int[] m : s.marks) {
            for (int k = 2; k <= 5; k++) {
                region[k] += m[k];
            }
        }
        int regionTotal = region[2] + region[3] + region[4] + region[5];
        if (regionTotal == 0) {
            return;
        }
        double r5 = (double) region[5] / regionTotal;
        double r2 = (double) region[2] / regionTotal;
        ObjectivitySettings st = ctx.settings;
        Unit unit = Unit.of(p.key);
        for (int slot = 0; slot < p.schoolCount(); slot++) {
            int n = s.markTotal(slot);
            if (n < ctx.minN()) {
                continue;
            }
            double share5 = (double) s.marks[slot][5] / n;
            double pTop = Distributions.binomialUpperTail(s.marks[slot][5], n, r5);
            boolean top = pTop < st.get(Parameter.A7_TOP_P) && share5 - r5 >= st.get(Parameter.A7_TOP_EXCESS);
            boolean noTail = s.marks[slot][2] == 0 && n * r2 >= 3;
            boolean compressed = s.reliable(slot) && s.sd[slot] / s.studentSd <= st.get(Parameter.A7_SPREAD)
                    && s.mean[slot] > s.regionMeanWithout(slot);
            int count = (top ? 1 : 0) + (noTail ? 1 : 0) + (compressed ? 1 : 0);
            int school = p.schools[slot];
            if (count == 0) {
                out.add(Finding.notHolding(school, unit, SignCode.DISTRIBUTION_SHAPE, n, share5, r5, pTop));
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (top) {
                parts.add("доля «5» " + Ru.pct(share5) + " при " + Ru.pct(r5) + " по региону (" + Ru.p(pTop) + ")");
            }
            if (noTail) {
                parts.add("нет ни одной «2», хотя по региональной доле ожидалось " + Ru.num(n * r2, 1));
            }
            if (compressed) {
                parts.add("разброс результатов в " + Ru.num(s.studentSd / s.sd[slot], 1)
                        + " раза меньше регионального при результате выше среднего");
            }
            out.add(Finding.holding(school, unit, SignCode.DISTRIBUTION_SHAPE, n, share5, r5, top ? pTop : Double.NaN, false,
                    Evidence.of("отметки", new int[] {s.marks[slot][2], s.marks[slot][3], s.marks[slot][4], s.marks[slot][5]},
                            "регион", new int[] {region[2], region[3], region[4], region[5]}),
                    "Нетипичная форма распределения: " + String.join("; ", parts) + ". Сам по себе не признак, только в сочетании с другими."));
        }
    }
}
