package ru.msoko.core.objectivity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import ru.msoko.core.stats.Distributions;
import ru.msoko.core.stats.Tests;

/**
 * Heaping at the mark thresholds, school level (methods.md A.5 level 2): among a school's works with
 * t−2..t+1 primary points, how many sit at t..t+1, against the reference share; the thresholds «3», «4»,
 * «5» are combined by Fisher's method. The reference is the schools of the same result level (see
 * {@link #levelGroups}) without the schools flagged in a first pass (the cleanest population available
 * without a controlled-objectivity sample, A.5 step 2).
 */
final class HeapingRule implements Rule {

    @Override
    public List<Finding> apply(AnalysisContext ctx, int year) {
        List<Finding> out = new ArrayList<>();
        Map<Integer, Pooled> pooled = new HashMap<>();
        for (ProcedureData p : ctx.data.procedures()) {
            MarkThresholds t = p.key.year() == year ? ctx.thresholds(p) : MarkThresholds.UNKNOWN;
            if (t.known()) {
                apply(ctx, p, t, out, pooled);
            }
        }
        pooled.forEach((school, pool) -> out.add(pool.finding(ctx, school, year)));
        return out;
    }

    /**
     * All the works of a school in a year taken together: the per-threshold tests of every procedure
     * combined by Fisher's method, and the pooled excess. A school of twenty pupils per grade rarely
     * has enough works near one threshold of one work to be tested with power, yet lenient marking in
     * every work adds up. Our extension of A.5 level 2 (the same test, combined over procedures); it is
     * reported on the unit «все работы» of the procedure kind.
     */
    private static final class Pooled {
        private final List<Double> p = new ArrayList<>();
        private int window;
        private double excess;
        private int procedures;
        private String kind;

        void add(Test t, String kindCode) {
            for (double v : t.ps) {
                p.add(v);
            }
            window += t.window;
            excess += t.excess * t.window;
            procedures++;
            kind = kindCode;
        }

        Finding finding(AnalysisContext ctx, int school, int year) {
            double combined = Tests.fisherCombined(p.stream().mapToDouble(Double::doubleValue).toArray());
            double share = excess / window;
            Unit unit = new Unit(ru.msoko.core.domain.ProcedureKind.fromCode(kind).orElseThrow(), year, ALL_WORKS, 0);
            double threshold = ctx.settings.get(Parameter.A5_EXCESS);
            boolean holds = procedures >= 2 && combined < ctx.settings.get(Parameter.A5_P)
                    && window >= ctx.settings.getInt(Parameter.A5_MIN_WINDOW_N) && share >= threshold;
            if (!holds) {
                return Finding.notHolding(school, unit, SignCode.THRESHOLD_HEAPING, window, share, threshold, combined);
            }
            return Finding.holding(school, unit, SignCode.THRESHOLD_HEAPING, window, share, threshold, combined, false,
                    Evidence.of("работ", procedures, "в_окнах", window, "превышение", share),
                    "Во всех " + procedures + " " + Ru.plural(procedures, "работе", "работах", "работах") + " " + kind
                            + " этого года вместе: у границ отметок («3», «4», «5») работ ОО на пороге или сразу над ним на "
                            + Ru.pct(share) + " больше, чем по региону (" + window + " работ в окнах у порогов; объединённый "
                            + Ru.p(combined) + "). По отдельной работе данных мало, но «дотягивание» повторяется во всех.");
        }
    }

    static final String ALL_WORKS = "все работы";

    /** Size of analysis_sign.evidence (V5__analysis_runs.sql). */
    static final int EVIDENCE_LIMIT = 8000;

    /** The evidence as it is, or without the expected histogram (always its last part) when it is too long. */
    static String withinColumn(String evidence) {
        return evidence.length() <= EVIDENCE_LIMIT ? evidence : evidence.substring(0, evidence.lastIndexOf("|ожидаемо="));
    }

    private void apply(AnalysisContext ctx, ProcedureData p, MarkThresholds t, List<Finding> out, Map<Integer, Pooled> pooled) {
        int max = (int) Math.ceil(p.maxTotal());
        if (!(max > 0)) {
            max = t.minimum(5) + 2;
        }
        int[][] hist = new int[p.schoolCount()][];
        for (int s = 0; s < p.schoolCount(); s++) {
            hist[s] = histogram(p, s, max);
        }
        int[] level = levelGroups(ctx, ctx.summary(p));
        long[][] reference = references(hist, level, new boolean[hist.length], max);
        boolean[] flagged = new boolean[p.schoolCount()];
        for (int s = 0; s < p.schoolCount(); s++) {
            Test first = test(ctx, hist[s], without(reference[level[s]], hist[s]), t);
            flagged[s] = first != null && first.holds;
        }
        long[][] clean = references(hist, level, flagged, max);
        Unit unit = Unit.of(p.key);
        for (int s = 0; s < p.schoolCount(); s++) {
            long[] ref = flagged[s] ? clean[level[s]] : without(clean[level[s]], hist[s]);
            Test r = test(ctx, hist[s], ref, t);
            if (r == null) {
                continue;
            }
            int school = p.schools[s];
            if (Procedures.isDiagnostic(p.key.kind())) {
                pooled.computeIfAbsent(school, k -> new Pooled()).add(r, p.key.kind().code());
            }
            double threshold = ctx.settings.get(Parameter.A5_EXCESS);
            out.add(r.holds
                    ? Finding.holding(school, unit, SignCode.THRESHOLD_HEAPING, r.window, r.excess, threshold, r.p, false,
                    r.evidence(hist[s], expected(ref, hist[s]), t), r.explanation(t))
                    : Finding.notHolding(school, unit, SignCode.THRESHOLD_HEAPING, r.window, r.excess, threshold, r.p));
        }
    }

    /**
     * Schools grouped by the level of their result (quintiles of the school mean). The share of works
     * just above a threshold depends on where the threshold sits on the school's own distribution: for a
     * strong school the density still rises at the «5» threshold, so against the whole region an honest
     * gymnasium looks like heaping. The reference is therefore taken from schools of the same level — the
     * confound the demo region's honest gymnasiums revealed. Schools with fewer than min n works share the
     * group of their mean as well.
     */
    private static int[] levelGroups(AnalysisContext ctx, ProcedureSummary summary) {
        double[] means = summary.reliableMeans();
        java.util.Arrays.sort(means);
        int[] group = new int[summary.n.length];
        if (means.length < 5 * LEVELS) {
            return group;
        }
        for (int s = 0; s < group.length; s++) {
            double m = summary.mean[s];
            int g = 0;
            while (g < LEVELS - 1 && m > means[(g + 1) * means.length / LEVELS]) {
                g++;
            }
            group[s] = g;
        }
        return group;
    }

    private static final int LEVELS = 5;

    /** Histogram of each level group, without the excluded schools. */
    private static long[][] references(int[][] hist, int[] level, boolean[] excluded, int max) {
        long[][] ref = new long[LEVELS][max + 1];
        for (int s = 0; s < hist.length; s++) {
            if (!excluded[s]) {
                for (int j = 0; j <= max; j++) {
                    ref[level[s]][j] += hist[s][j];
                }
            }
        }
        return ref;
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

    /**
     * The school's histogram as the reference would have it (A.5): the reference share of works at each score
     * times the school's number of works, to one decimal — what the page draws as the expected curve. One
     * decimal keeps the evidence short (a score scale of 100 points stays under 1,000 characters).
     */
    static double[] expected(long[] ref, int[] school) {
        long total = 0;
        int n = 0;
        for (int j = 0; j < ref.length; j++) {
            total += ref[j];
            n += school[j];
        }
        double[] e = new double[ref.length];
        for (int j = 0; j < e.length && total > 0; j++) {
            e[j] = Math.round(10.0 * n * ref[j] / total) / 10.0;
        }
        return e;
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
        double[] pArray = ps.stream().mapToDouble(Double::doubleValue).toArray();
        double p = Tests.fisherCombined(pArray);
        double excess = excessSum / windowTotal;
        boolean holds = p < ctx.settings.get(Parameter.A5_P) && windowTotal >= ctx.settings.getInt(Parameter.A5_MIN_WINDOW_N)
                && excess >= ctx.settings.get(Parameter.A5_EXCESS);
        return new Test(p, windowTotal, excess, holds, x, nw, pi, w, pArray);
    }

    private record Test(double p, int window, double excess, boolean holds, int[] x, int[] nw, double[] pi, int w,
                        double[] ps) {

        /**
         * The numbers of the test, the school's histogram and the expected one. The expected histogram is left
         * out should the whole exceed the stored column (analysis_sign.evidence varchar(8000)) — only on a scale of
         * several hundred points; the page then draws the bars alone.
         */
        String evidence(int[] h, double[] expected, MarkThresholds t) {
            String full = Evidence.of("шкала", t.toString(), "шкала_источник", t.source.title, "на_пороге", x, "в_окне", nw, "доля_региона", pi,
                    "гистограмма", h, "ожидаемо", expected);
            return withinColumn(full);
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
            return sb + " Вероятность такого скопления случайно " + Ru.p(p)
                    + ". Скопление работ у границы отметки — типичный след «дотягивания» баллов при проверке.";
        }
    }
}
