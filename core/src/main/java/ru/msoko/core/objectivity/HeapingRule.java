package ru.msoko.core.objectivity;

import java.util.ArrayList;
import java.util.List;
import ru.msoko.core.stats.Distributions;
import ru.msoko.core.stats.Tests;

/**
 * Heaping at the mark thresholds, school level (methods.md A.5 level 2): among a school's works with
 * t−2..t+1 primary points, how many sit at t..t+1, against the reference share; the thresholds «3», «4»,
 * «5» are combined by Fisher's method. The reference is the region without the schools flagged in a
 * first pass (the cleanest population available without a controlled-objectivity sample, A.5 step 2).
 */
final class HeapingRule implements Rule {

    @Override
    public List<Finding> apply(AnalysisContext ctx, int year) {
        List<Finding> out = new ArrayList<>();
        for (ProcedureData p : ctx.data.procedures()) {
            MarkThresholds t = p.key.year() == year ? ctx.thresholds(p) : MarkThresholds.UNKNOWN;
            if (t.known()) {
                apply(ctx, p, t, out);
            }
        }
        return out;
    }

    private void apply(AnalysisContext ctx, ProcedureData p, MarkThresholds t, List<Finding> out) {
        int max = (int) Math.ceil(p.maxTotal());
        if (!(max > 0)) {
            max = t.minimum(5) + 2;
        }
        int[][] hist = new int[p.schoolCount()][];
        long[] region = new long[max + 1];
        for (int s = 0; s < p.schoolCount(); s++) {
            hist[s] = histogram(p, s, max);
            for (int j = 0; j <= max; j++) {
                region[j] += hist[s][j];
            }
        }
        boolean[] flagged = new boolean[p.schoolCount()];
        Test[] first = new Test[p.schoolCount()];
        for (int s = 0; s < p.schoolCount(); s++) {
            first[s] = test(ctx, hist[s], without(region, hist[s]), t);
            flagged[s] = first[s] != null && first[s].holds;
        }
        long[] clean = region.clone();
        for (int s = 0; s < p.schoolCount(); s++) {
            if (flagged[s]) {
                subtract(clean, hist[s]);
            }
        }
        Unit unit = Unit.of(p.key);
        for (int s = 0; s < p.schoolCount(); s++) {
            Test r = test(ctx, hist[s], flagged[s] ? clean : without(clean, hist[s]), t);
            if (r == null) {
                continue;
            }
            int school = p.schools[s];
            double threshold = ctx.settings.get(Parameter.A5_EXCESS);
            out.add(r.holds
                    ? Finding.holding(school, unit, SignCode.THRESHOLD_HEAPING, r.window, r.excess, threshold, r.p, false,
                    r.evidence(hist[s], t), r.explanation(t))
                    : Finding.notHolding(school, unit, SignCode.THRESHOLD_HEAPING, r.window, r.excess, threshold, r.p));
        }
    }

    private static int[] histogram(ProcedureData p, int s, int max) {
        int[] h = new int[max + 1];
        for (int i = p.starts[s]; i < p.starts[s + 1]; i++) {
            float v = p.primary[i];
            if (!Float.isNaN(v) && v >= 0 && v <= max && v == Math.rint(v)) {
                h[(int) v]++;
            }
        }
        return h;
    }

    private static long[] without(long[] region, int[] school) {
        long[] r = region.clone();
        subtract(r, school);
        return r;
    }

    private static void subtract(long[] region, int[] school) {
        for (int j = 0; j < region.length; j++) {
            region[j] -= school[j];
        }
    }

    private static Test test(AnalysisContext ctx, int[] h, long[] ref, MarkThresholds t) {
        int w = ctx.settings.getInt(Parameter.A5_WINDOW);
        List<Double> ps = new ArrayList<>();
        int windowTotal = 0;
        double excessSum = 0;
        int[] x = new int[3];
        int[] nw = new int[3];
        double[] pi = new double[3];
        for (int k = 3; k <= 5; k++) {
            int th = t.minimum(k);
            if (th - w < 0 || th + w - 1 >= h.length) {
                continue;
            }
            long refBelow = 0;
            long refAbove = 0;
            for (int j = th - w; j < th; j++) {
                nw[k - 3] += h[j];
                refBelow += ref[j];
            }
            for (int j = th; j < th + w; j++) {
                x[k - 3] += h[j];
                nw[k - 3] += h[j];
                refAbove += ref[j];
            }
            if (nw[k - 3] == 0 || refBelow + refAbove == 0) {
                continue;
            }
            pi[k - 3] = (double) refAbove / (refBelow + refAbove);
            ps.add(Distributions.binomialUpperTail(x[k - 3], nw[k - 3], pi[k - 3]));
            windowTotal += nw[k - 3];
            excessSum += x[k - 3] - nw[k - 3] * pi[k - 3];
        }
        if (ps.isEmpty() || windowTotal < ctx.settings.getInt(Parameter.MIN_N_EXACT)) {
            return null;
        }
        double p = Tests.fisherCombined(ps.stream().mapToDouble(Double::doubleValue).toArray());
        double excess = excessSum / windowTotal;
        boolean holds = p < ctx.settings.get(Parameter.A5_P) && windowTotal >= ctx.settings.getInt(Parameter.A5_MIN_WINDOW_N)
                && excess >= ctx.settings.get(Parameter.A5_EXCESS);
        return new Test(p, windowTotal, excess, holds, x, nw, pi, w);
    }

    private record Test(double p, int window, double excess, boolean holds, int[] x, int[] nw, double[] pi, int w) {

        String evidence(int[] h, MarkThresholds t) {
            return Evidence.of("шкала", t.toString(), "на_пороге", x, "в_окне", nw, "доля_региона", pi,
                    "гистограмма", h);
        }

        String explanation(MarkThresholds t) {
            StringBuilder sb = new StringBuilder();
            for (int k = 3; k <= 5; k++) {
                if (nw[k - 3] == 0) {
                    continue;
                }
                int th = t.minimum(k);
                sb.append(sb.length() == 0 ? "" : " ")
                        .append("Среди работ ОО с ").append(th - w).append("–").append(th + w - 1)
                        .append(" первичными баллами ").append(x[k - 3]).append(" из ").append(nw[k - 3])
                        .append(" оказались ровно на границе отметки «").append(k).append("» или сразу над ней (по региону ")
                        .append(Ru.pct(pi[k - 3])).append(").");
            }
            return sb + " Вероятность такого скопления случайно p = " + Ru.p(p)
                    + ". Скопление работ у границы отметки — типичный след «дотягивания» баллов при проверке.";
        }
    }
}
