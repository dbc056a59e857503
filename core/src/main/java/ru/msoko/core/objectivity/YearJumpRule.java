package ru.msoko.core.objectivity;

import java.util.List;

/**
 * A sharp rise against the two previous years, same grade (methods.md A.6): J = Z_t − mean(Z_{t−1}, Z_{t−2}),
 * with the previous years that exist. A weak sign alone (cohorts differ), hence supporting. Our guard: the
 * rise must also be significant given the sampling error of the school means (a z-test in pupil-level
 * units, p &lt; 0.01, then the run's FDR), because the Z of a school of ten pupils swings by a whole
 * between-school SD from one cohort to the next.
 */
final class YearJumpRule implements PerProcedureRule {

    private static final double SIGNIFICANCE = 0.01;

    @Override
    public boolean appliesTo(ProcedureData p) {
        return Procedures.isDiagnostic(p.key.kind());
    }

    @Override
    public void apply(AnalysisContext ctx, ProcedureData p, List<Finding> out) {
        ProcedureSummary now = ctx.summary(p);
        PastYears past = PastYears.before(ctx, p.key);
        if (past.isEmpty()) {
            return;
        }
        double threshold = ctx.settings.get(Parameter.A6_JUMP);
        Unit unit = Unit.of(p.key);
        for (int slot = 0; slot < p.schoolCount(); slot++) {
            if (!now.reliable(slot)) {
                continue;
            }
            int school = p.schools[slot];
            PastYears.School before = past.of(school, (summary, s) -> true);
            if (before == null) {
                continue;
            }
            double zNow = now.z(slot);
            double jump = before.change(now, slot);
            double pValue = before.pValue(now, slot, true);
            if (!(jump >= threshold && pValue < SIGNIFICANCE)) {
                out.add(Finding.notHolding(school, unit, SignCode.YEAR_JUMP, now.n[slot], jump, threshold, pValue));
                continue;
            }
            out.add(Finding.holding(school, unit, SignCode.YEAR_JUMP, now.n[slot], jump, threshold, pValue, false,
                    Evidence.of("Z", zNow, "прошлые", before.history()),
                    "Результат " + p.key.grade() + " класса по предмету «" + p.key.subjectCode() + "» вырос на "
                            + Ru.num(jump, 2) + " ст. откл. по сравнению со средним за предыдущие годы (Z " + before.history()
                            + " → " + Ru.num(zNow, 2) + " в " + p.key.year()
                            + " г.). Если тип ОО и программа не менялись, такой скачок требует объяснения."));
        }
    }
}
