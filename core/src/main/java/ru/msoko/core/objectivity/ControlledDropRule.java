package ru.msoko.core.objectivity;

import java.util.List;

/**
 * Drop under controlled objectivity (methods.md A.8 step 1): a school whose ВПР was run with independent
 * observers in the room (the canonical {@code observed} flag on its works) is compared with its own
 * uncontrolled results of the two previous years, same subject and grade: D = Z_controlled − mean(Z_before).
 * A drop D ≤ −1.0 confirms that the earlier results were not objective — a confirming marker, as a
 * re-check is. Our guards, as for A.6: the procedure counts as controlled at the school when at least half
 * of its works were observed (a setting: the ФИС ОКО sample lists schools, the files mark works), and the
 * drop must be significant against the sampling error of the school means (pupil-level z-test, p &lt; 0.05,
 * then the run's FDR), because a school of ten pupils moves by a whole SD between cohorts by chance.
 */
final class ControlledDropRule implements PerProcedureRule {

    private static final double SIGNIFICANCE = 0.05;

    @Override
    public boolean appliesTo(ProcedureData p) {
        return Procedures.isDiagnostic(p.key.kind());
    }

    @Override
    public void apply(AnalysisContext ctx, ProcedureData p, List<Finding> out) {
        double controlled = ctx.settings.get(Parameter.A8_CONTROLLED);
        ProcedureSummary now = ctx.summary(p);
        PastYears past = PastYears.before(ctx, p.key);
        if (past.isEmpty()) {
            return;
        }
        double threshold = -ctx.settings.get(Parameter.A8_DROP);
        Unit unit = Unit.of(p.key);
        for (int slot = 0; slot < p.schoolCount(); slot++) {
            if (!now.reliable(slot) || observedShare(p, slot) < controlled) {
                continue;
            }
            int school = p.schools[slot];
            PastYears.School before = past.of(school, (summary, s) -> observedShare(summary.data, s) < controlled);
            if (before == null) {
                continue;
            }
            double drop = before.change(now, slot);
            double pValue = before.pValue(now, slot, false);
            if (!(drop <= threshold && pValue < SIGNIFICANCE)) {
                out.add(Finding.notHolding(school, unit, SignCode.CONTROLLED_DROP, now.n[slot], drop, threshold, pValue));
                continue;
            }
            double zNow = now.z(slot);
            out.add(Finding.holding(school, unit, SignCode.CONTROLLED_DROP, now.n[slot], drop, threshold, pValue, false,
                    Evidence.of("Z", zNow, "прошлые", before.history(), "под_контролем", observedShare(p, slot)),
                    "ВПР " + p.key.grade() + " класса по предмету «" + p.key.subjectCode() + "» в " + p.key.year()
                            + " г. прошла с независимыми наблюдателями, и результат ОО упал на " + Ru.num(-drop, 2)
                            + " ст. откл. по сравнению с прошлыми годами без контроля (Z " + before.history() + " → "
                            + Ru.num(zNow, 2) + "; " + Ru.p(pValue) + "). Такое падение подтверждает, что прежние "
                            + "результаты были завышены."));
        }
    }

    /** Share of the school's works written with an independent observer in the room. */
    static double observedShare(ProcedureData p, int slot) {
        int observed = 0;
        for (int i = p.starts[slot]; i < p.starts[slot + 1]; i++) {
            if ((p.flags[i] & ProcedureData.FLAG_OBSERVED) != 0) {
                observed++;
            }
        }
        return (double) observed / (p.starts[slot + 1] - p.starts[slot]);
    }
}
