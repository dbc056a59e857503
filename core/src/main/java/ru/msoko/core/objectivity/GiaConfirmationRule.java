package ru.msoko.core.objectivity;

import java.util.List;
import ru.msoko.core.stats.Correlation;
import ru.msoko.core.stats.Distributions;

/**
 * Rosobrnadzor criterion 1 (methods.md A.1): a ВПР result well above the region that the school's own
 * ОГЭ/ЕГЭ in the subject do not confirm. Profile schools get the sign with «не учитывается».
 */
final class GiaConfirmationRule implements PerProcedureRule {

    @Override
    public boolean appliesTo(ProcedureData p) {
        return Procedures.isDiagnostic(p.key.kind());
    }

    @Override
    public void apply(AnalysisContext ctx, ProcedureData p, List<Finding> out) {
        ProcedureSummary s = ctx.summary(p);
        GiaLevels gia = ctx.giaLevels(p);
        double[] giaLevels = gia.knownLevels();
        double[] means = s.reliableMeans();
        if (giaLevels.length < 3 || means.length < 3) {
            return;
        }
        ObjectivitySettings st = ctx.settings;
        Unit unit = Unit.of(p.key);
        for (int slot = 0; slot < p.schoolCount(); slot++) {
            int school = p.schools[slot];
            if (!s.reliable(slot) || !gia.known(school) || !(s.sd[slot] > 0)) {
                continue;
            }
            double mu = s.regionMeanWithout(slot);
            double sigma = s.regionSdWithout(slot);
            double t = (s.mean[slot] - mu) / (s.sd[slot] / Math.sqrt(s.n[slot]));
            double p1 = Distributions.studentTUpperTail(t, s.n[slot] - 1);
            double effect = (s.mean[slot] - mu) / sigma;
            double pVpr = Correlation.percentileRank(means, s.mean[slot]);
            double pGia = Correlation.percentileRank(giaLevels, gia.level[school]);
            boolean high = t >= st.get(Parameter.A1_T)
                    && (effect >= st.get(Parameter.A1_EFFECT) || pVpr >= st.get(Parameter.A1_PERCENTILE));
            boolean notConfirmed = pGia <= st.get(Parameter.A1_GIA_PERCENTILE) || pVpr - pGia >= st.get(Parameter.A1_GAP);
            if (!(high && notConfirmed)) {
                out.add(Finding.notHolding(school, unit, SignCode.NOT_CONFIRMED_BY_GIA, s.n[slot], effect,
                        st.get(Parameter.A1_EFFECT), p1));
                continue;
            }
            boolean exempt = ctx.profile(school);
            String exam = p.key.grade() >= 10 ? "ЕГЭ" : "ОГЭ";
            String text = "Результат ОО по " + p.key.kind().code() + " (" + p.key.subjectCode() + ", " + p.key.grade()
                    + " класс) — " + Ru.num(s.mean[slot], 1) + " (" + s.metricName + "), что выше среднего по региону ("
                    + Ru.num(mu, 1) + ") на " + Ru.num(effect, 2) + " ст. откл. между ОО и выше, чем у " + Ru.pct(pVpr)
                    + " школ региона. При этом результаты " + exam + " этой ОО по тому же предмету за "
                    + st.getInt(Parameter.A1_GIA_YEARS) + " года находятся на уровне " + Math.round(pGia * 100)
                    + "-го процентиля. " + (exempt
                    ? "ОО является лицеем, гимназией или школой с углублённым изучением: признак показан, но не учитывается (профильная ОО)."
                    : "ОО не является лицеем/гимназией с углублённым изучением предмета. Высокий результат не подтверждается независимой оценкой.");
            out.add(Finding.holding(school, unit, SignCode.NOT_CONFIRMED_BY_GIA, s.n[slot], effect,
                    st.get(Parameter.A1_EFFECT), p1, exempt,
                    Evidence.of("среднее", s.mean[slot], "регион", mu, "sigma_R", sigma, "t", t, "процентиль_ВПР", pVpr,
                            "процентиль_ГИА", pGia, "ГИА_z", gia.level[school], "ГИА_n", gia.n[school]), text));
        }
    }
}
