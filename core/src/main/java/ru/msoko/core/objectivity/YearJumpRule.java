package ru.msoko.core.objectivity;

import java.util.ArrayList;
import java.util.List;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.stats.Distributions;

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
        List<ProcedureSummary> past = new ArrayList<>();
        for (int back = 1; back <= 2; back++) {
            ctx.summary(new Procedure.Key(p.key.kind(), p.key.year() - back, p.key.subjectCode(), p.key.grade()))
                    .ifPresent(past::add);
        }
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
            double sum = 0;
            double pupilSum = 0;
            double pupilVar = 0;
            int k = 0;
            StringBuilder history = new StringBuilder();
            for (ProcedureSummary prev : past) {
                int ps = prev.slotOf(school);
                if (ps >= 0 && prev.reliable(ps)) {
                    double z = prev.z(ps);
                    sum += z;
                    pupilSum += pupilZ(prev, ps);
                    pupilVar += pupilVariance(prev, ps);
                    k++;
                    history.append(history.length() == 0 ? "" : ", ").append(prev.data.key.year()).append(": ").append(Ru.num(z, 2));
                }
            }
            if (k == 0) {
                continue;
            }
            double zNow = now.z(slot);
            double jump = zNow - sum / k;
            double pupilJump = pupilZ(now, slot) - pupilSum / k;
            double pValue = Distributions.normalUpperTail(pupilJump / Math.sqrt(pupilVariance(now, slot) + pupilVar / (k * k)));
            if (!(jump >= threshold && pValue < SIGNIFICANCE)) {
                out.add(Finding.notHolding(school, unit, SignCode.YEAR_JUMP, now.n[slot], jump, threshold, pValue));
                continue;
            }
            out.add(Finding.holding(school, unit, SignCode.YEAR_JUMP, now.n[slot], jump, threshold, pValue, false,
                    Evidence.of("Z", zNow, "прошлые", history.toString()),
                    "Результат " + p.key.grade() + " класса по предмету «" + p.key.subjectCode() + "» вырос на "
                            + Ru.num(jump, 2) + " ст. откл. по сравнению со средним за предыдущие годы (Z " + history
                            + " → " + Ru.num(zNow, 2) + " в " + p.key.year()
                            + " г.). Если тип ОО и программа не менялись, такой скачок требует объяснения."));
        }
    }

    /** The school's mean in pupil-level standard units of its procedure. */
    private static double pupilZ(ProcedureSummary s, int slot) {
        return (s.mean[slot] - s.studentMean) / s.studentSd;
    }

    /** Sampling variance of {@link #pupilZ}. */
    private static double pupilVariance(ProcedureSummary s, int slot) {
        double sd = s.sd[slot] / s.studentSd;
        return sd * sd / s.n[slot];
    }
}
