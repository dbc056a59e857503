package ru.msoko.core.objectivity;

import java.util.Arrays;
import java.util.List;
import ru.msoko.core.stats.Tests;

/**
 * Answer similarity within a class (methods.md G.4), score-based GBT index (van der Linden &amp;
 * Sotaridona 2006) on items (a task with its criteria, see {@link ItemModel}): for a pair, h = the number of
 * items where both gave the same response although it is not full marks (matching full marks are expected; matching partial, zero or missing
 * answers are the informative part). Under independence each match has probability P_j = the share of
 * pupils of the copier's total-score band who gave that response to item j, so h is Poisson-binomial.
 * GBT was chosen over ω because it is exact for the short task vectors of ВПР (no normal approximation).
 * Pairs with p below α = 0.001, Bonferroni-corrected within the class, are linked; a connected group of
 * at least three pupils is the sign.
 */
final class SimilarityRule implements PerProcedureRule {

    private static final int BANDS = ScoreBands.DECILES;
    /**
     * Fewer than three informative matches are never linked: even rare shared answers on two tasks are
     * too thin a basis for a copying sign, and skipping them keeps the pair loop fast.
     */
    private static final int MIN_MATCHES = 3;
    /** Matches below this z cannot reach α = 0.001 after Bonferroni, so the exact tail is skipped. */
    private static final double PRESCREEN_Z = 3.0;

    @Override
    public boolean appliesTo(ProcedureData p) {
        return p.hasTasks() && p.taskCount() >= 5;
    }

    @Override
    public void apply(AnalysisContext ctx, ProcedureData p, List<Finding> out) {
        ItemModel model = ItemModel.fit(p, ctx.scoreBands(p), BANDS);
        Unit unit = Unit.of(p.key);
        int minCluster = ctx.settings.getInt(Parameter.G4_CLUSTER);
        for (int s = 0; s < p.schoolCount(); s++) {
            int[] rows = byClass(p, p.starts[s], p.starts[s + 1]);
            int classes = 0;
            int bestCluster = 0;
            int bestClassSize = 0;
            double bestP = 1;
            for (int from = 0; from < rows.length; ) {
                int to = from;
                while (to < rows.length && p.classId[rows[to]] == p.classId[rows[from]]) {
                    to++;
                }
                if (to - from >= minCluster) {
                    classes++;
                    ClassResult r = testClass(ctx, p, model, Arrays.copyOfRange(rows, from, to));
                    if (r.cluster > bestCluster || (r.cluster == bestCluster && r.p < bestP)) {
                        bestCluster = r.cluster;
                        bestClassSize = to - from;
                        bestP = r.p;
                    }
                }
                from = to;
            }
            if (classes == 0) {
                continue;
            }
            double pValue = Math.min(1, bestP * classes);
            int school = p.schools[s];
            int n = p.starts[s + 1] - p.starts[s];
            if (bestCluster < minCluster) {
                out.add(Finding.notHolding(school, unit, SignCode.ANSWER_SIMILARITY, n, bestCluster, minCluster, pValue));
                continue;
            }
            out.add(Finding.holding(school, unit, SignCode.ANSWER_SIMILARITY, n, bestCluster, minCluster, pValue, false,
                    Evidence.of("группа", bestCluster, "в_классе", bestClassSize, "классов", classes),
                    "В одном классе у " + bestCluster + " из " + bestClassSize + " участников совпадают баллы по заданиям, "
                            + "в том числе неверные и частично верные ответы, чаще, чем это возможно случайно при их уровне "
                            + "подготовки (" + Ru.p(pValue) + " с поправкой на число пар и классов). Совпадающие "
                            + "профили выполнения — типичный след списывания или подсказок."));
        }
    }

    /** Row indices of [from, to) ordered by class (stable). */
    /**
     * Row indices of [from, to) ordered by class (stable), without blank works: pupils who attempted fewer
     * than two tasks all «match» each other on every task, which says nothing about copying (the real Altai
     * exports hold such rows for pupils present but with an empty form).
     */
    private static int[] byClass(ProcedureData p, int from, int to) {
        return java.util.stream.IntStream.range(from, to).filter(i -> attempted(p, i) >= 2).boxed()
                .sorted((a, b) -> Integer.compare(p.classId[a], p.classId[b]))
                .mapToInt(Integer::intValue).toArray();
    }

    private static int attempted(ProcedureData p, int row) {
        int n = 0;
        for (int j = 0; j < p.taskCount(); j++) {
            n += p.task(row, j) >= 0 ? 1 : 0;
        }
        return n;
    }

    private record ClassResult(int cluster, double p) {
    }

    private static ClassResult testClass(AnalysisContext ctx, ProcedureData p, ItemModel model, int[] rows) {
        int m = rows.length;
        int pairs = m * (m - 1) / 2;
        double alpha = ctx.settings.get(Parameter.G4_ALPHA);
        int[] parent = new int[m];
        for (int i = 0; i < m; i++) {
            parent[i] = i;
        }
        double minP = 1;
        double[] probabilities = new double[p.taskCount()];
        Expectation expected = Expectation.of(model, rows);
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                int h = informativeMatches(model, rows[a], rows[b]);
                if (h < MIN_MATCHES || (h < expected.bound(b, model.band(rows[a])) && h < expected.bound(a, model.band(rows[b])))) {
                    continue;
                }
                // either pupil may be the source, so both directions and twice the pairs in the correction
                double pab = Math.min(pairP(model, rows[a], rows[b], h, probabilities),
                        pairP(model, rows[b], rows[a], h, probabilities));
                double adjusted = Math.min(1, pab * 2 * pairs);
                minP = Math.min(minP, adjusted);
                if (adjusted < alpha) {
                    union(parent, a, b);
                }
            }
        }
        int[] size = new int[m];
        int largest = 0;
        for (int i = 0; i < m; i++) {
            largest = Math.max(largest, ++size[find(parent, i)]);
        }
        return new ClassResult(largest == 1 ? 0 : largest, minP);
    }

    /** Items where both gave the same response that is not full marks (the same in both directions). */
    private static int informativeMatches(ItemModel model, int a, int b) {
        int h = 0;
        for (int it = 0; it < model.items(); it++) {
            int ca = model.category(a, it);
            if (ca == model.category(b, it) && !model.full(a, it)) {
                h++;
            }
        }
        return h;
    }

    /** GBT p-value that {@code copier} matches {@code source} on the {@code h} informative items. */
    private static double pairP(ItemModel model, int copier, int source, int h, double[] buffer) {
        int used = 0;
        int band = model.band(copier);
        for (int it = 0; it < model.items(); it++) {
            if (!model.full(source, it)) {
                buffer[used++] = model.probability(band, it, model.category(source, it));
            }
        }
        return Tests.poissonBinomialUpperTail(Arrays.copyOf(buffer, used), h);
    }

    /**
     * For each pupil as the source and each band of the copier: the mean + z·SD of the number of chance
     * matches over the source's informative tasks. It depends on the pair only through the copier's band,
     * so it is computed once per class and the pair loop needs nothing but the match count.
     */
    private record Expectation(double[][] bound) {

        static Expectation of(ItemModel model, int[] rows) {
            double[][] bound = new double[rows.length][BANDS];
            for (int b = 0; b < rows.length; b++) {
                for (int band = 0; band < BANDS; band++) {
                    double mean = 0;
                    double var = 0;
                    for (int it = 0; it < model.items(); it++) {
                        if (!model.full(rows[b], it)) {
                            double pj = model.probability(band, it, model.category(rows[b], it));
                            mean += pj;
                            var += pj * (1 - pj);
                        }
                    }
                    bound[b][band] = mean + PRESCREEN_Z * Math.sqrt(var);
                }
            }
            return new Expectation(bound);
        }

        double bound(int source, int copierBand) {
            return bound[source][copierBand];
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}
