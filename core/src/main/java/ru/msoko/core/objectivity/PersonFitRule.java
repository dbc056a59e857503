package ru.msoko.core.objectivity;

import java.util.Arrays;
import java.util.List;
import ru.msoko.core.stats.Distributions;
import ru.msoko.core.stats.PersonFit;

/**
 * Person fit (methods.md A.2 step 6, G.3): the polytomous U3 of every participant on the binary steps of
 * the tasks, flagged above the (1 − α) quantile of the region's pupils with a similar primary score — the non-parametric cutoff of PerFit, since
 * no IRT model is fitted; a school's count of flagged participants is tested against Binomial(n, r),
 * r = the larger of α and the regional flag share.
 */
final class PersonFitRule implements PerProcedureRule {

    /** U3 is higher for weak pupils by nature (more guessing), so the cutoff is set within score deciles. */
    private static final int BANDS = ScoreBands.DECILES;

    @Override
    public boolean appliesTo(ProcedureData p) {
        return p.hasTasks() && p.taskCount() >= 4 && Procedures.isDiagnostic(p.key.kind());
    }

    @Override
    public void apply(AnalysisContext ctx, ProcedureData p, List<Finding> out) {
        int k = p.taskCount();
        PersonFit.Model model = PersonFit.model(p.taskMax, stepProportions(p));
        double[] u3 = new double[p.n];
        int[] buffer = new int[k];
        for (int i = 0; i < p.n; i++) {
            u3[i] = model.u3(scores(p, i, buffer));
        }
        double alpha = ctx.settings.get(Parameter.PERSON_FIT_ALPHA);
        int[] band = ctx.scoreBands(p);
        double[] cutoff = new double[BANDS];
        for (int b = 0; b < BANDS; b++) {
            int current = b;
            cutoff[b] = quantile(java.util.stream.IntStream.range(0, p.n).filter(i -> band[i] == current)
                    .mapToDouble(i -> u3[i]).toArray(), 1 - alpha);
        }
        boolean[] flaggedRows = new boolean[p.n];
        int flaggedRegion = 0;
        int definedRegion = 0;
        for (int i = 0; i < p.n; i++) {
            if (!Double.isNaN(u3[i]) && !Double.isNaN(cutoff[band[i]])) {
                definedRegion++;
                flaggedRows[i] = u3[i] > cutoff[band[i]];
                flaggedRegion += flaggedRows[i] ? 1 : 0;
            }
        }
        if (definedRegion == 0) {
            return;
        }
        double reference = Math.max(alpha, (double) flaggedRegion / definedRegion);
        Unit unit = Unit.of(p.key);
        double level = ctx.settings.get(Parameter.PERSON_FIT_P);
        for (int s = 0; s < p.schoolCount(); s++) {
            int n = 0;
            int flagged = 0;
            for (int i = p.starts[s]; i < p.starts[s + 1]; i++) {
                if (!Double.isNaN(u3[i]) && !Double.isNaN(cutoff[band[i]])) {
                    n++;
                    flagged += flaggedRows[i] ? 1 : 0;
                }
            }
            if (n < ctx.minN()) {
                continue;
            }
            double share = (double) flagged / n;
            double pValue = Distributions.binomialUpperTail(flagged, n, reference);
            int school = p.schools[s];
            if (pValue >= level) {
                out.add(Finding.notHolding(school, unit, SignCode.PERSON_MISFIT, n, share, reference, pValue));
                continue;
            }
            out.add(Finding.holding(school, unit, SignCode.PERSON_MISFIT, n, share, reference, pValue, false,
                    Evidence.of("нетипичных", flagged, "из", n, "доля_региона", reference),
                    "У " + flagged + " из " + n + " участников (" + Ru.pct(share) + ") профиль выполнения нетипичен для их "
                            + "общего балла: трудные шаги заданий выполнены, а лёгкие — нет (индекс U3 выше порога, который "
                            + "по региону превышают " + Ru.pct(reference) + " работ; " + Ru.p(pValue) + "). "
                            + "Профили показываются экспертам для проверки, а не как обвинение отдельных учеников."));
        }
    }

    /** Scores of a row with «not attempted» as 0 and anything above the maximum cut to it. */
    private static int[] scores(ProcedureData p, int row, int[] into) {
        for (int j = 0; j < into.length; j++) {
            into[j] = Math.min(p.taskMax[j], Math.max(0, p.task(row, j)));
        }
        return into;
    }

    /** Share of participants passing each step (score ≥ k for k = 1..max), in PersonFit's step order. */
    private static double[] stepProportions(ProcedureData p) {
        int steps = 0;
        for (int m : p.taskMax) {
            steps += m;
        }
        long[] passed = new long[steps];
        for (int i = 0; i < p.n; i++) {
            for (int j = 0, offset = 0; j < p.taskMax.length; offset += p.taskMax[j], j++) {
                int score = Math.min(p.taskMax[j], p.task(i, j));
                for (int step = 0; step < score; step++) {
                    passed[offset + step]++;
                }
            }
        }
        double[] share = new double[steps];
        for (int s = 0; s < steps; s++) {
            share[s] = (double) passed[s] / p.n;
        }
        return share;
    }

    private static double quantile(double[] values, double q) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length < 20) {
            return Double.NaN;
        }
        return v[Math.min(v.length - 1, (int) Math.floor(q * v.length))];
    }
}
