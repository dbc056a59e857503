package ru.msoko.core.objectivity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.stats.Tests;

/**
 * School-stage winners and prize-winners at the municipal stage (methods.md E): the confirmation rate
 * (≥ 50% of the maximum or a municipal prize) against the rest of the municipality, by Fisher's exact
 * test, and the collapse rate (&lt; 25% of the maximum).
 */
final class OlympiadRule implements Rule {

    private static final double CONFIRMED = 0.5;
    private static final double COLLAPSED = 0.25;

    @Override
    public List<Finding> apply(AnalysisContext ctx, int year) {
        List<Finding> out = new ArrayList<>();
        TreeSet<String> subjects = new TreeSet<>();
        for (ProcedureData p : ctx.data.procedures(ProcedureKind.OLYMPIAD_SCHOOL, year)) {
            subjects.add(p.key.subjectCode());
        }
        for (String subject : subjects) {
            apply(ctx, year, subject, out);
        }
        return out;
    }

    /** One municipal-stage result: share of the maximum and whether it won a place. */
    private record Later(double share, boolean placed) {
    }

    private void apply(AnalysisContext ctx, int year, String subject, List<Finding> out) {
        Map<Integer, Later> municipal = new HashMap<>();
        for (ProcedureData p : ctx.data.procedures(ProcedureKind.OLYMPIAD_MUNICIPAL, year)) {
            if (!p.key.subjectCode().equals(subject)) {
                continue;
            }
            for (int i = 0; i < p.n; i++) {
                double score = Float.isNaN(p.primary[i]) ? p.testScore[i] : p.primary[i];
                double share = score / p.maxScore[i];
                boolean placed = p.status[i] == ProcedureData.STATUS_WINNER || p.status[i] == ProcedureData.STATUS_PRIZE_WINNER;
                municipal.put(p.participant[i], new Later(share, placed));
            }
        }
        if (municipal.isEmpty()) {
            return;
        }
        int schools = ctx.data.schools().size();
        int[] confirmed = new int[schools];
        int[] collapsed = new int[schools];
        int[] total = new int[schools];
        for (ProcedureData p : ctx.data.procedures(ProcedureKind.OLYMPIAD_SCHOOL, year)) {
            if (!p.key.subjectCode().equals(subject)) {
                continue;
            }
            for (int i = 0; i < p.n; i++) {
                Later later = municipal.get(p.participant[i]);
                boolean placedAtSchool = p.status[i] == ProcedureData.STATUS_WINNER || p.status[i] == ProcedureData.STATUS_PRIZE_WINNER;
                if (later == null || !placedAtSchool) {
                    continue;
                }
                total[p.school[i]]++;
                confirmed[p.school[i]] += later.placed || later.share >= CONFIRMED ? 1 : 0;
                collapsed[p.school[i]] += later.share < COLLAPSED ? 1 : 0;
            }
        }
        Map<String, int[]> byMunicipality = new HashMap<>();
        for (int s = 0; s < schools; s++) {
            int[] m = byMunicipality.computeIfAbsent(ctx.school(s).municipalityCode(), k -> new int[2]);
            m[0] += confirmed[s];
            m[1] += total[s];
        }
        Unit unit = Unit.pooled(new Procedure.Key(ProcedureKind.OLYMPIAD_SCHOOL, year, subject, 1));
        ObjectivitySettings st = ctx.settings;
        for (int s = 0; s < schools; s++) {
            if (total[s] < st.getInt(Parameter.E_MIN_N)) {
                continue;
            }
            int[] m = byMunicipality.get(ctx.school(s).municipalityCode());
            int restConfirmed = m[0] - confirmed[s];
            int restTotal = m[1] - total[s];
            double cr = (double) confirmed[s] / total[s];
            double crMunicipality = (double) m[0] / m[1];
            double collapse = (double) collapsed[s] / total[s];
            double p = Tests.fisherExactLess(confirmed[s], total[s] - confirmed[s], restConfirmed, restTotal - restConfirmed);
            boolean low = cr <= st.get(Parameter.E_CONFIRMATION_RATIO) * crMunicipality && p < 0.05;
            boolean collapses = collapse >= st.get(Parameter.E_COLLAPSE);
            if (!(low || collapses)) {
                out.add(Finding.notHolding(s, unit, SignCode.OLYMPIAD_NOT_CONFIRMED, total[s], cr, crMunicipality * 0.5, p));
                continue;
            }
            out.add(Finding.holding(s, unit, SignCode.OLYMPIAD_NOT_CONFIRMED, total[s], cr, crMunicipality * 0.5, p, false,
                    Evidence.of("подтвердили", confirmed[s], "провалили", collapsed[s], "всего", total[s],
                            "доля_муниципалитета", crMunicipality),
                    "Из " + total[s] + " победителей и призёров школьного этапа ОО по предмету «" + subject
                            + "», участвовавших в муниципальном этапе, только " + confirmed[s] + " (" + Ru.pct(cr)
                            + ") набрали не менее 50% баллов или стали призёрами (по муниципалитету " + Ru.pct(crMunicipality)
                            + "); менее 25% максимума набрали " + collapsed[s] + ". Результаты школьного этапа не "
                            + "подтверждаются на муниципальном."));
        }
    }
}
