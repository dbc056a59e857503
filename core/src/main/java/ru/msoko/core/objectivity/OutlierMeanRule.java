package ru.msoko.core.objectivity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.msoko.core.stats.Distributions;
import ru.msoko.core.stats.EmpiricalBayes;
import ru.msoko.core.stats.Intervals;
import ru.msoko.core.stats.Interval;

/**
 * The school mean against its group of comparable schools (methods.md B.1): a Student-t interval, and
 * the empirical-Bayes shrunken mean so that a school of six pupils is not «the best in the region» by
 * chance. A level classification: it explains, it does not count towards the zone on its own.
 */
final class OutlierMeanRule implements PerProcedureRule {

    @Override
    public boolean appliesTo(ProcedureData p) {
        return !p.key.kind().isOlympiad();
    }

    @Override
    public void apply(AnalysisContext ctx, ProcedureData p, List<Finding> out) {
        ProcedureSummary s = ctx.summary(p);
        ComparisonGroups groups = ComparisonGroups.of(ctx, s);
        Map<String, double[]> sums = new HashMap<>();
        for (int slot = 0; slot < s.n.length; slot++) {
            if (s.reliable(slot)) {
                double[] acc = sums.computeIfAbsent(groups.key(slot), k -> new double[2]);
                acc[0] += s.mean[slot] * s.n[slot];
                acc[1] += s.n[slot];
            }
        }
        EmpiricalBayes.Shrunk[] shrunk = shrink(s);
        double level = ctx.settings.get(Parameter.OUTLIER_P);
        double z = Distributions.normalQuantile(1 - level);
        Unit unit = Unit.of(p.key);
        for (int slot = 0; slot < s.n.length; slot++) {
            if (s.n[slot] < ctx.settings.getInt(Parameter.MIN_N_EXACT) || !(s.sd[slot] > 0)) {
                continue;
            }
            double[] acc = sums.get(groups.key(slot));
            double own = s.reliable(slot) ? s.mean[slot] * s.n[slot] : 0;
            double weight = acc == null ? 0 : acc[1] - (s.reliable(slot) ? s.n[slot] : 0);
            if (weight <= 0) {
                continue;
            }
            double mu = (acc[0] - own) / weight;
            double t = (s.mean[slot] - mu) / (s.sd[slot] / Math.sqrt(s.n[slot]));
            double pValue = Distributions.studentTUpperTail(t, s.n[slot] - 1);
            double shrunkLow = shrunk[slot].mean() - z * shrunk[slot].sd();
            boolean holds = pValue < level && shrunkLow > mu;
            int school = p.schools[slot];
            double diff = shrunk[slot].mean() - mu;
            if (!holds) {
                out.add(Finding.notHolding(school, unit, SignCode.OUTLIER_MEAN, s.n[slot], diff, 0, pValue));
                continue;
            }
            Interval ci = Intervals.studentT(s.mean[slot], s.sd[slot], s.n[slot], ctx.settings.get(Parameter.CONFIDENCE));
            String text = "Средний результат ОО " + Ru.num(s.mean[slot], 1) + " (" + s.metricName + "; "
                    + Math.round(ctx.settings.get(Parameter.CONFIDENCE) * 100) + "% ДИ " + Ru.num(ci.low(), 1) + "–"
                    + Ru.num(ci.high(), 1) + ", с поправкой на малую выборку " + Ru.num(shrunk[slot].mean(), 1)
                    + ") выше среднего по группе сопоставимых ОО региона (" + Ru.num(mu, 1) + "; группа: "
                    + groups.description(slot) + "). Это уровень результатов, а не признак необъективности сам по себе.";
            out.add(Finding.holding(school, unit, SignCode.OUTLIER_MEAN, s.n[slot], diff, 0, pValue, false,
                    Evidence.of("среднее", s.mean[slot], "ди_низ", ci.low(), "ди_верх", ci.high(), "сжатое",
                            shrunk[slot].mean(), "сжатое_sd", shrunk[slot].sd(), "группа", mu, "группа_описание",
                            groups.description(slot)), text));
        }
    }

    /** Shrinks the means of the schools with at least two results; the others get NaN (never tested). */
    private static EmpiricalBayes.Shrunk[] shrink(ProcedureSummary s) {
        int[] index = new int[s.n.length];
        int k = 0;
        for (int i = 0; i < s.n.length; i++) {
            if (s.n[i] >= 2 && s.sd[i] > 0) {
                index[k++] = i;
            }
        }
        double[] means = new double[k];
        double[] variances = new double[k];
        int[] sizes = new int[k];
        for (int j = 0; j < k; j++) {
            means[j] = s.mean[index[j]];
            variances[j] = s.sd[index[j]] * s.sd[index[j]];
            sizes[j] = s.n[index[j]];
        }
        EmpiricalBayes.Shrunk[] shrunk = k < 3 ? new EmpiricalBayes.Shrunk[0] : EmpiricalBayes.shrink(means, variances, sizes);
        EmpiricalBayes.Shrunk[] all = new EmpiricalBayes.Shrunk[s.n.length];
        Arrays.fill(all, new EmpiricalBayes.Shrunk(Double.NaN, Double.NaN, Double.NaN));
        for (int j = 0; j < shrunk.length; j++) {
            all[index[j]] = shrunk[j];
        }
        return all;
    }
}
