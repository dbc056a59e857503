package ru.msoko.core.objectivity;

import java.util.ArrayList;
import java.util.List;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.SchoolType;
import ru.msoko.core.stats.Distributions;
import ru.msoko.core.stats.Regression;

/**
 * ВПР level against the level expected from the school's ОГЭ/ЕГЭ and context (methods.md B.2):
 * Z_ВПР = α + β·G + γ·social index + δ·type + ε over the schools with n ≥ min n, fitted robustly (Huber)
 * so that the flagged schools do not pull the line; the sign holds for a standardised residual ≥ 2.
 * It repeats much of A.1's information, so it is supporting, not strong (our choice).
 */
final class ContextResidualRule implements PerProcedureRule {

    @Override
    public boolean appliesTo(ProcedureData p) {
        return Procedures.isDiagnostic(p.key.kind());
    }

    @Override
    public void apply(AnalysisContext ctx, ProcedureData p, List<Finding> out) {
        ProcedureSummary s = ctx.summary(p);
        GiaLevels gia = ctx.giaLevels(p);
        List<Integer> slots = new ArrayList<>();
        for (int slot = 0; slot < p.schoolCount(); slot++) {
            if (s.reliable(slot) && gia.known(p.schools[slot])) {
                slots.add(slot);
            }
        }
        if (slots.size() < ctx.settings.getInt(Parameter.B2_MIN_SCHOOLS)) {
            return;
        }
        double meanSes = slots.stream().map(sl -> ctx.school(p.schools[sl]).context().sesIndex())
                .filter(v -> v != null).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double[][] raw = new double[slots.size()][];
        double[] y = new double[slots.size()];
        for (int i = 0; i < slots.size(); i++) {
            int slot = slots.get(i);
            School school = ctx.school(p.schools[slot]);
            Double ses = school.context().sesIndex();
            raw[i] = new double[] {gia.level[p.schools[slot]], ses == null ? meanSes : ses,
                    Units.profile(school.type()) ? 1 : 0,
                    school.type() == SchoolType.EVENING || school.type() == SchoolType.CORRECTIONAL ? 1 : 0};
            y[i] = s.z(slot);
        }
        double[][] x = Design.withoutConstantColumns(raw);
        Regression.Fit fit = Regression.huber(x, y);
        if (!(fit.residualScale() > 0)) {
            return;
        }
        double threshold = ctx.settings.get(Parameter.B2_RESIDUAL);
        Unit unit = Unit.of(p.key);
        for (int i = 0; i < slots.size(); i++) {
            int slot = slots.get(i);
            int school = p.schools[slot];
            double r = fit.residuals()[i] / fit.residualScale();
            double pValue = Distributions.normalUpperTail(r);
            if (!(r >= threshold)) {
                out.add(Finding.notHolding(school, unit, SignCode.CONTEXT_RESIDUAL, s.n[slot], r, threshold, pValue));
                continue;
            }
            boolean exempt = ctx.profile(school);
            out.add(Finding.holding(school, unit, SignCode.CONTEXT_RESIDUAL, s.n[slot], r, threshold, pValue, exempt,
                    Evidence.of("Z_ВПР", y[i], "ожидаемый_Z", y[i] - fit.residuals()[i], "ГИА_z", raw[i][0],
                            "индекс_контекста", raw[i][1]),
                    "Результат ВПР (" + p.key.subjectCode() + ", " + p.key.grade() + " класс; Z = " + Ru.num(y[i], 2)
                            + ") выше ожидаемого по результатам ГИА этой ОО и её социальному контексту (ожидалось "
                            + Ru.num(y[i] - fit.residuals()[i], 2) + "; стандартизованный остаток " + Ru.num(r, 2) + ")."
                            + (exempt ? " Профильная ОО: признак показан, но не учитывается." : "")));
        }
    }
}
