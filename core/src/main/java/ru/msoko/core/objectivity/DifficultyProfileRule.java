package ru.msoko.core.objectivity;

import java.util.Arrays;
import java.util.List;

/**
 * Rosobrnadzor criterion 2 (methods.md A.2): easy tasks below the region while hard tasks are above it.
 * The simple rule (D_easy &lt; 0, D_hard &gt; 0, gap ≥ 0.15) and the slope form (WLS of d_j on difficulty,
 * permutation test). Two guards of ours: the simple rule also needs a permutation p below 0.05 (small-sample
 * noise), and the slope form also needs the inversion itself (easy tasks below the region, hard ones above).
 * Without the latter, every strong school is flagged: under an item-response model a school of high ability
 * gains most on the hard tasks (and a weak one loses most on the easy tasks), so a positive slope alone is
 * normal for both — the demo region's honest gymnasiums showed exactly that.
 */
final class DifficultyProfileRule implements PerProcedureRule {

    private static final double SIMPLE_RULE_P = 0.05;

    @Override
    public boolean appliesTo(ProcedureData p) {
        return p.hasTasks() && p.taskCount() >= 4;
    }

    @Override
    public void apply(AnalysisContext ctx, ProcedureData p, List<Finding> out) {
        double[] region = TaskProfile.solveRates(p, 0, p.n);
        int k = p.taskCount();
        boolean[] easy = new boolean[k];
        boolean[] hard = new boolean[k];
        classify(ctx, region, easy, hard);
        double[] difficulty = new double[k];
        double[] weight = new double[k];
        for (int j = 0; j < k; j++) {
            difficulty[j] = 1 - region[j];
            weight[j] = p.taskMax[j];
        }
        ObjectivitySettings st = ctx.settings;
        Unit unit = Unit.of(p.key);
        for (int s = 0; s < p.schoolCount(); s++) {
            int n = p.starts[s + 1] - p.starts[s];
            if (n < ctx.minN()) {
                continue;
            }
            double[] school = TaskProfile.solveRates(p, p.starts[s], p.starts[s + 1]);
            double[] d = new double[k];
            for (int j = 0; j < k; j++) {
                d[j] = school[j] - region[j];
            }
            double dEasy = weightedMean(d, weight, easy);
            double dHard = weightedMean(d, weight, hard);
            double b = TaskProfile.slope(d, difficulty, weight);
            int schoolIndex = p.schools[s];
            long seed = Seeds.of(ctx.school(schoolIndex).code(), p.key);
            double pValue = b > 0 && dEasy < 0 && dHard > 0
                    ? SequentialPermutation.slopePValue(d, difficulty, weight, st.getInt(Parameter.A2_PERMUTATIONS), seed)
                    : 1.0;
            double gap = dHard - dEasy;
            boolean inverted = dEasy < 0 && dHard > 0;
            boolean simple = inverted && gap >= st.get(Parameter.A2_GAP) && pValue < SIMPLE_RULE_P;
            boolean slope = inverted && b > 0 && pValue < st.get(Parameter.A2_SLOPE_P);
            if (!(simple || slope)) {
                out.add(Finding.notHolding(schoolIndex, unit, SignCode.HARD_BETTER_THAN_EASY, n, gap, st.get(Parameter.A2_GAP), pValue));
                continue;
            }
            String text = "Задания базового уровня ученики ОО выполнили " + (dEasy < 0 ? "хуже" : "лучше")
                    + " среднего по региону (на " + Ru.num(Math.abs(dEasy) * 100, 1) + " п.п.), а трудные задания — "
                    + (dHard > 0 ? "лучше" : "хуже") + " (на " + Ru.num(Math.abs(dHard) * 100, 1)
                    + " п.п.); наклон профиля по трудности " + Ru.num(b, 2) + " (перестановочный тест " + Ru.p(pValue)
                    + "). Такой профиль нетипичен: обычно школа, сильная в сложных заданиях, ещё сильнее в простых. "
                    + "Это может указывать на подсказки или необъективную проверку заданий с развёрнутым ответом.";
            out.add(Finding.holding(schoolIndex, unit, SignCode.HARD_BETTER_THAN_EASY, n, gap, st.get(Parameter.A2_GAP),
                    pValue, false, Evidence.of("D_easy", dEasy, "D_hard", dHard, "наклон", b, "задания",
                            String.join(" ", p.layout.tasks().stream().map(t -> t.label()).toList()),
                            "решаемость_ОО", school, "решаемость_региона", region), text));
        }
    }

    /**
     * Easy: regional solve rate ≥ 0.70; hard: ≤ 0.40 (methods.md A.2). When a work has fewer than two tasks
     * on either side, the easiest and the hardest quarter of its tasks are used instead (our adaptation,
     * so that works without very easy or very hard tasks are still tested).
     */
    private static void classify(AnalysisContext ctx, double[] region, boolean[] easy, boolean[] hard) {
        int e = 0;
        int h = 0;
        for (int j = 0; j < region.length; j++) {
            easy[j] = region[j] >= ctx.settings.get(Parameter.A2_EASY);
            hard[j] = region[j] <= ctx.settings.get(Parameter.A2_HARD);
            e += easy[j] ? 1 : 0;
            h += hard[j] ? 1 : 0;
        }
        if (e >= 2 && h >= 2) {
            return;
        }
        double[] sorted = region.clone();
        Arrays.sort(sorted);
        int quarter = Math.max(2, region.length / 4);
        double low = sorted[quarter - 1];
        double high = sorted[region.length - quarter];
        for (int j = 0; j < region.length; j++) {
            easy[j] = region[j] >= high;
            hard[j] = region[j] <= low;
        }
    }

    private static double weightedMean(double[] d, double[] w, boolean[] include) {
        double s = 0;
        double sw = 0;
        for (int j = 0; j < d.length; j++) {
            if (include[j]) {
                s += w[j] * d[j];
                sw += w[j];
            }
        }
        return sw == 0 ? Double.NaN : s / sw;
    }
}
