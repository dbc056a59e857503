package ru.msoko.core.objectivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import ru.msoko.core.stats.Bunching;

/**
 * Region- and municipality-level bunching at the mark thresholds (methods.md A.5 level 1): which
 * procedures and thresholds are being manipulated, with a bootstrap interval. Only for areas with
 * enough works for a histogram fit.
 */
final class BunchingAnalysis {

    private static final int MIN_WORKS = 1000;

    private BunchingAnalysis() {
    }

    /** Procedures in parallel (the bootstrap dominates); rows in procedure order. */
    static List<BunchingRow> of(AnalysisContext ctx, Set<Integer> years) {
        return ctx.data.procedures().parallelStream()
                .filter(p -> years.contains(p.key.year()) && Procedures.isDiagnostic(p.key.kind()))
                .map(p -> of(ctx, p))
                .flatMap(List::stream)
                .toList();
    }

    private static List<BunchingRow> of(AnalysisContext ctx, ProcedureData p) {
        List<BunchingRow> out = new ArrayList<>();
        MarkThresholds t = ctx.thresholds(p);
        int max = (int) Math.round(p.maxTotal());
        if (!t.known() || !(max > 0)) {
            return out;
        }
        Map<String, long[]> areas = new TreeMap<>();
        long[] region = new long[max + 1];
        areas.put("регион", region);
        for (int i = 0; i < p.n; i++) {
            float v = p.primary[i];
            if (Float.isNaN(v) || v < 0 || v > max || v != Math.rint(v)) {
                continue;
            }
            region[(int) v]++;
            areas.computeIfAbsent(ctx.school(p.school[i]).municipalityCode(), k -> new long[max + 1])[(int) v]++;
        }
        areas.forEach((area, counts) -> estimate(ctx, p, t, area, counts, out));
        return out;
    }

    private static void estimate(AnalysisContext ctx, ProcedureData p, MarkThresholds t, String area, long[] counts,
                                 List<BunchingRow> out) {
        long works = 0;
        for (long c : counts) {
            works += c;
        }
        if (works < MIN_WORKS) {
            return;
        }
        int w = ctx.settings.getInt(Parameter.A5_WINDOW);
        int degree = ctx.settings.getInt(Parameter.A5_DEGREE) + (counts.length > 40 ? 2 : 0);
        for (int k = 3; k <= 5; k++) {
            int th = t.minimum(k);
            if (th - w < 0 || th + w - 1 >= counts.length || counts.length - 2 * w <= degree + 2) {
                continue;
            }
            Bunching.Estimate e = Bunching.estimate(counts, th, w, w, degree, ctx.settings.getInt(Parameter.A5_BOOTSTRAP),
                    Seeds.of(area + "|" + k, p.key));
            long[] around = new long[2 * w];
            double[] expected = new double[2 * w];
            for (int j = 0; j < 2 * w; j++) {
                around[j] = counts[th - w + j];
                expected[j] = e.counterfactual()[th - w + j];
            }
            out.add(new BunchingRow(p.key.kind().code(), p.key.year(), p.key.subjectCode(), p.key.grade(), area, k, th, works,
                    around, expected, e.missingMass(), e.excessMass(), e.shareManipulated(), e.shareInterval().low(),
                    e.shareInterval().high()));
        }
    }
}
