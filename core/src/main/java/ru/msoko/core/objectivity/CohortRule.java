package ru.msoko.core.objectivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.stats.Correlation;
import ru.msoko.core.stats.Distributions;

/**
 * The same pupils one year later (methods.md A.4, G.1): a high result in grade g that the same pupils do
 * not show in grade g+1 ({@code COHORT_JUMP}), or that the grade-8 ВПР shows and the grade-9 ОГЭ does not
 * ({@code NOT_CONFIRMED_NEXT_PROCEDURE}). Pupils are linked by their pseudonymous key; only pupils present
 * in both years count. Z is school-level: the school's mean of standardised pupil results, standardised
 * over schools; the documented rule is Z ≥ 1 in the first year and Δ = Z₂ − Z₁ ≤ −1.
 * <p>Our guard (the student variant of B.2): a school picked for its high first year falls back a little by
 * chance alone (regression to the mean), so the fall must also be significant against the region's own
 * pupil trajectory — each pupil's second result regressed on the first over the whole region, and the
 * school's mean residual tested one-sided with Student's t (p enters the run's FDR). Jacob–Levitt's
 * SCORECOMP and its regional percentile are reported as evidence; a percentile alone would flag 5% of
 * schools by construction.
 */
final class CohortRule implements Rule {

    private static final double RESIDUAL_P = 0.01;

    @Override
    public List<Finding> apply(AnalysisContext ctx, int year) {
        List<Finding> out = new ArrayList<>();
        for (ProcedureData first : ctx.data.procedures()) {
            if (first.key.year() != year || !Procedures.isDiagnostic(first.key.kind())) {
                continue;
            }
            Procedure.Key nextGrade = new Procedure.Key(first.key.kind(), year + 1, first.key.subjectCode(), first.key.grade() + 1);
            if (first.key.grade() < 11) {
                ctx.data.procedure(nextGrade).ifPresent(next -> compare(ctx, first, next, SignCode.COHORT_JUMP, out));
            }
            if (first.key.grade() == 8) {
                nextExam(ctx, first).ifPresent(next -> compare(ctx, first, next, SignCode.NOT_CONFIRMED_NEXT_PROCEDURE, out));
            }
        }
        return out;
    }

    private static Optional<ProcedureData> nextExam(AnalysisContext ctx, ProcedureData first) {
        return ctx.stateExams(first.key.subjectCode(), first.key.year() + 1, first.key.year() + 1, ProcedureKind.OGE)
                .stream().filter(p -> p.key.grade() == 9).findFirst();
    }

    /** Linked pupils: school slot in the first procedure and standardised results in both. */
    private record Pairs(int[] slot, double[] z1, double[] z2, int size) {
    }

    private void compare(AnalysisContext ctx, ProcedureData first, ProcedureData next, SignCode code, List<Finding> out) {
        ProcedureSummary a = ctx.summary(first);
        ProcedureSummary b = ctx.summary(next);
        if (!(a.studentSd > 0) || !(b.studentSd > 0)) {
            return;
        }
        Pairs pairs = link(first, next, a, b);
        if (pairs.size < 30) {
            return;
        }
        int slots = first.schoolCount();
        int[] linked = new int[slots];
        double[] z1 = new double[slots];
        double[] z2 = new double[slots];
        for (int i = 0; i < pairs.size; i++) {
            linked[pairs.slot[i]]++;
            z1[pairs.slot[i]] += pairs.z1[i];
            z2[pairs.slot[i]] += pairs.z2[i];
        }
        for (int s = 0; s < slots; s++) {
            z1[s] = linked[s] == 0 ? Double.NaN : z1[s] / linked[s];
            z2[s] = linked[s] == 0 ? Double.NaN : z2[s] / linked[s];
        }
        standardise(z1, linked, ctx.minN());
        standardise(z2, linked, ctx.minN());
        Residuals residuals = Residuals.of(pairs, slots);
        double[] delta = new double[slots];
        for (int s = 0; s < slots; s++) {
            delta[s] = z2[s] - z1[s];
        }
        double[] scorecomp = scorecomp(z1, delta, linked, ctx.minN());
        emit(ctx, first, next, code, new School(z1, z2, delta, scorecomp, linked, residuals), out);
    }

    private static Pairs link(ProcedureData first, ProcedureData next, ProcedureSummary a, ProcedureSummary b) {
        long[] nextRows = rowsByParticipant(next);
        int[] slot = new int[first.n];
        double[] z1 = new double[first.n];
        double[] z2 = new double[first.n];
        int k = 0;
        for (int s = 0; s < first.schoolCount(); s++) {
            for (int i = first.starts[s]; i < first.starts[s + 1]; i++) {
                int j = find(nextRows, first.participant[i]);
                if (j >= 0 && !Double.isNaN(a.metric[i]) && !Double.isNaN(b.metric[j])) {
                    slot[k] = s;
                    z1[k] = (a.metric[i] - a.studentMean) / a.studentSd;
                    z2[k] = (b.metric[j] - b.studentMean) / b.studentSd;
                    k++;
                }
            }
        }
        return new Pairs(slot, z1, z2, k);
    }

    /** Per school: mean residual of z₂ on z₁ (region-wide OLS), in residual SD units, and its one-sided p. */
    private record Residuals(double[] mean, double[] p) {

        static Residuals of(Pairs pairs, int slots) {
            double mx = 0;
            double my = 0;
            for (int i = 0; i < pairs.size; i++) {
                mx += pairs.z1[i];
                my += pairs.z2[i];
            }
            mx /= pairs.size;
            my /= pairs.size;
            double sxy = 0;
            double sxx = 0;
            for (int i = 0; i < pairs.size; i++) {
                sxy += (pairs.z1[i] - mx) * (pairs.z2[i] - my);
                sxx += (pairs.z1[i] - mx) * (pairs.z1[i] - mx);
            }
            double slope = sxx == 0 ? 0 : sxy / sxx;
            double[] sum = new double[slots];
            double[] sq = new double[slots];
            int[] n = new int[slots];
            double total = 0;
            for (int i = 0; i < pairs.size; i++) {
                double e = pairs.z2[i] - (my + slope * (pairs.z1[i] - mx));
                sum[pairs.slot[i]] += e;
                sq[pairs.slot[i]] += e * e;
                n[pairs.slot[i]]++;
                total += e * e;
            }
            double sigma = Math.sqrt(total / Math.max(1, pairs.size - 2));
            double[] mean = new double[slots];
            double[] p = new double[slots];
            for (int s = 0; s < slots; s++) {
                mean[s] = n[s] == 0 ? Double.NaN : sum[s] / n[s] / sigma;
                double var = n[s] < 2 ? Double.NaN : (sq[s] - sum[s] * sum[s] / n[s]) / (n[s] - 1);
                double t = var > 0 ? (sum[s] / n[s]) / Math.sqrt(var / n[s]) : Double.NaN;
                p[s] = Double.isNaN(t) ? Double.NaN : Distributions.studentTUpperTail(-t, n[s] - 1);
            }
            return new Residuals(mean, p);
        }
    }

    /** Per-school numbers of one comparison. */
    private record School(double[] z1, double[] z2, double[] delta, double[] scorecomp, int[] linked, Residuals residuals) {
    }

    private static double[] scorecomp(double[] z1, double[] delta, int[] linked, int minN) {
        double[] firsts = java.util.stream.IntStream.range(0, z1.length).filter(s -> linked[s] >= minN)
                .mapToDouble(s -> z1[s]).toArray();
        double[] deltas = java.util.stream.IntStream.range(0, z1.length).filter(s -> linked[s] >= minN)
                .mapToDouble(s -> delta[s]).toArray();
        double[] scorecomp = new double[z1.length];
        for (int s = 0; s < z1.length; s++) {
            if (linked[s] < minN || firsts.length < 5) {
                scorecomp[s] = Double.NaN;
                continue;
            }
            double r1 = Correlation.percentileRank(firsts, z1[s]);
            double r2 = Correlation.percentileRank(deltas, delta[s]);
            scorecomp[s] = r1 * r1 + (1 - r2) * (1 - r2);
        }
        return scorecomp;
    }

    private static void emit(AnalysisContext ctx, ProcedureData first, ProcedureData next, SignCode code, School sc,
                             List<Finding> out) {
        ObjectivitySettings st = ctx.settings;
        double[] reliable = Arrays.stream(sc.scorecomp).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double p95 = reliable.length == 0 ? Double.NaN
                : reliable[(int) Math.min(reliable.length - 1, Math.floor(st.get(Parameter.A4_SCORECOMP) * reliable.length))];
        Unit unit = Unit.of(first.key);
        for (int s = 0; s < first.schoolCount(); s++) {
            if (sc.linked[s] < ctx.minN() || Double.isNaN(sc.residuals.p[s])) {
                continue;
            }
            int school = first.schools[s];
            double p = sc.residuals.p[s];
            boolean holds = sc.z1[s] >= st.get(Parameter.A4_Z) && sc.delta[s] <= st.get(Parameter.A4_DROP) && p < RESIDUAL_P;
            if (!holds) {
                out.add(Finding.notHolding(school, unit, code, sc.linked[s], sc.delta[s], st.get(Parameter.A4_DROP), p));
                continue;
            }
            String nextName = next.key.kind().code() + " " + next.key.grade() + " класса " + next.key.year() + " г.";
            out.add(Finding.holding(school, unit, code, sc.linked[s], sc.delta[s], st.get(Parameter.A4_DROP), p, false,
                    Evidence.of("Z1", sc.z1[s], "Z2", sc.z2[s], "дельта", sc.delta[s], "остаток", sc.residuals.mean[s],
                            "SCORECOMP", sc.scorecomp[s], "SCORECOMP_p95", p95, "следующая", nextName),
                    "В " + first.key.year() + " г. результат " + first.key.grade() + " класса ОО по предмету «"
                            + first.key.subjectCode() + "» был значительно выше регионального (Z = " + Ru.num(sc.z1[s], 2)
                            + "), а через год те же " + sc.linked[s] + " "
                            + Ru.plural(sc.linked[s], "обучающийся", "обучающихся", "обучающихся") + " (" + nextName
                            + ") показали результат на " + Ru.num(Math.abs(sc.delta[s]), 2) + " ст. откл. ниже (Z = "
                            + Ru.num(sc.z2[s], 2) + "); с учётом обычной для региона динамики учеников отставание — "
                            + Ru.num(Math.abs(sc.residuals.mean[s]), 2) + " ст. откл. (" + Ru.p(p)
                            + "). Высокий результат не подтвердился."));
        }
    }

    /** School means of pupil z-scores → standardised over the schools with enough linked pupils. */
    private static void standardise(double[] z, int[] linked, int minN) {
        double sum = 0;
        double sq = 0;
        int k = 0;
        for (int s = 0; s < z.length; s++) {
            if (linked[s] >= minN) {
                sum += z[s];
                sq += z[s] * z[s];
                k++;
            }
        }
        if (k < 2) {
            return;
        }
        double mean = sum / k;
        double sd = Math.sqrt(Math.max(1e-12, (sq - sum * sum / k) / (k - 1)));
        for (int s = 0; s < z.length; s++) {
            z[s] = (z[s] - mean) / sd;
        }
    }

    /** Rows of a procedure as {@code participant << 32 | row}, sorted, for binary search. */
    private static long[] rowsByParticipant(ProcedureData p) {
        long[] keys = new long[p.n];
        for (int i = 0; i < p.n; i++) {
            keys[i] = ((long) p.participant[i] << 32) | i;
        }
        Arrays.sort(keys);
        return keys;
    }

    private static int find(long[] keys, int participant) {
        int at = Arrays.binarySearch(keys, (long) participant << 32);
        int i = at >= 0 ? at : -at - 1;
        return i < keys.length && (int) (keys[i] >>> 32) == participant ? (int) keys[i] : -1;
    }
}
