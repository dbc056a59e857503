package ru.msoko.core.objectivity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.stats.Distributions;

/**
 * Medal candidates whose marks the ЕГЭ does not confirm (methods.md C.2, Приказ Минпросвещения № 730).
 * The candidate flag does not say which degree is claimed, so a candidate counts as confirmed when the
 * weaker (II степень) condition holds: Russian ≥ 60 and another subject ≥ 60, or «5» in base
 * mathematics. K_fail per school against the region by an exact binomial test.
 */
final class MedalRule implements Rule {

    private static final String RUSSIAN = "русский язык";

    @Override
    public List<Finding> apply(AnalysisContext ctx, int year) {
        List<ProcedureData> exams = ctx.data.procedures(ProcedureKind.EGE, year);
        Map<Integer, Candidate> candidates = new HashMap<>();
        for (ProcedureData p : exams) {
            boolean russian = Units.subjectFamily(p.key.subjectCode()).equals(RUSSIAN);
            for (int i = 0; i < p.n; i++) {
                if (p.hasFlag(i, ProcedureData.FLAG_MEDAL_CANDIDATE)) {
                    candidates.computeIfAbsent(p.participant[i], k -> new Candidate()).add(p, i, russian);
                }
            }
        }
        int schools = ctx.data.schools().size();
        int[] n = new int[schools];
        int[] failed = new int[schools];
        int regionN = 0;
        int regionFailed = 0;
        for (Candidate c : candidates.values()) {
            if (c.school < 0) {
                continue;
            }
            boolean fail = !c.confirmed(ctx.settings.get(Parameter.C2_RUSSIAN));
            n[c.school]++;
            failed[c.school] += fail ? 1 : 0;
            regionN++;
            regionFailed += fail ? 1 : 0;
        }
        List<Finding> out = new ArrayList<>();
        if (regionN == 0) {
            return out;
        }
        double r = (double) regionFailed / regionN;
        Unit unit = Unit.pooled(new Procedure.Key(ProcedureKind.EGE, year, "медали", 11));
        ObjectivitySettings st = ctx.settings;
        for (int s = 0; s < schools; s++) {
            if (n[s] < st.getInt(Parameter.C2_MIN_N)) {
                continue;
            }
            double k = (double) failed[s] / n[s];
            double p = Distributions.binomialUpperTail(failed[s], n[s], r);
            boolean holds = k >= st.get(Parameter.C2_FAIL) || (k - r >= 0.25 && p < 0.05);
            if (!holds) {
                out.add(Finding.notHolding(s, unit, SignCode.MEDAL_NOT_CONFIRMED, n[s], k, st.get(Parameter.C2_FAIL), p));
                continue;
            }
            out.add(Finding.holding(s, unit, SignCode.MEDAL_NOT_CONFIRMED, n[s], k, st.get(Parameter.C2_FAIL), p, false,
                    Evidence.of("претендентов", n[s], "не_подтвердили", failed[s], "регион", r),
                    "Из " + n[s] + " выпускников ОО, имеющих по итоговым отметкам основания для медали, " + failed[s]
                            + " не подтвердили их на ЕГЭ (не набрали " + Math.round(st.get(Parameter.C2_RUSSIAN))
                            + " баллов по русскому языку и ещё одному предмету; по региону не подтвердили " + Ru.pct(r) + ")."));
        }
        return out;
    }

    /** One candidate's ЕГЭ results. */
    private static final class Candidate {
        int school = -1;
        double russian = Double.NaN;
        double bestOther = Double.NaN;
        boolean baseMathFive;

        void add(ProcedureData p, int row, boolean isRussian) {
            double score = p.testScore[row];
            if (isRussian) {
                russian = score;
                school = p.school[row];
            } else if (!Double.isNaN(score)) {
                bestOther = Double.isNaN(bestOther) ? score : Math.max(bestOther, score);
            } else if (p.mark[row] == 5 && Units.subjectFamily(p.key.subjectCode()).equals("математика")) {
                baseMathFive = true;
            }
        }

        boolean confirmed(double minimum) {
            return russian >= minimum && (bestOther >= minimum || baseMathFive);
        }
    }
}
