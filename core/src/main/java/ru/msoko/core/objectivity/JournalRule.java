package ru.msoko.core.objectivity;

import java.util.List;
import ru.msoko.core.stats.Agreement;
import ru.msoko.core.stats.Distributions;

/**
 * Work mark vs journal mark (methods.md A.3): the ФИС ОКО groups «понизили / подтвердили / повысили»
 * per school against the region. ВПР above the journal for many pupils (F_up) supports ВПР
 * non-objectivity ({@code JOURNAL_DEFLATED}: the journal is lower than the work); ВПР below the journal
 * (F_down) means inflated current marks ({@code JOURNAL_INFLATED}, a separate track).
 */
final class JournalRule implements PerProcedureRule {

    @Override
    public boolean appliesTo(ProcedureData p) {
        return Procedures.isDiagnostic(p.key.kind());
    }

    @Override
    public void apply(AnalysisContext ctx, ProcedureData p, List<Finding> out) {
        int[] region = new int[3];
        int[][] perSchool = new int[p.schoolCount()][3];
        for (int s = 0; s < p.schoolCount(); s++) {
            for (int i = p.starts[s]; i < p.starts[s + 1]; i++) {
                if (p.mark[i] != ProcedureData.NO_MARK && p.journal[i] != ProcedureData.NO_MARK) {
                    int c = Integer.compare(p.mark[i], p.journal[i]) + 1; // 0 = понизили, 1 = подтвердили, 2 = повысили
                    perSchool[s][c]++;
                    region[c]++;
                }
            }
        }
        int total = region[0] + region[1] + region[2];
        if (total == 0) {
            return;
        }
        double rDown = (double) region[0] / total;
        double rEq = (double) region[1] / total;
        double rUp = (double) region[2] / total;
        ObjectivitySettings st = ctx.settings;
        Unit unit = Unit.of(p.key);
        for (int s = 0; s < p.schoolCount(); s++) {
            int[] c = perSchool[s];
            int n = c[0] + c[1] + c[2];
            if (n < ctx.minN()) {
                continue;
            }
            int school = p.schools[s];
            double up = (double) c[2] / n;
            double down = (double) c[0] / n;
            double zUp = z(up, rUp, n);
            double zDown = z(down, rDown, n);
            double pUp = pValue(c[2], n, rUp, zUp);
            double pDown = pValue(c[0], n, rDown, zDown);
            boolean fUp = up >= st.get(Parameter.A3_UP_SHARE) && zUp >= st.get(Parameter.A3_Z);
            boolean fDown = down >= st.get(Parameter.A3_DOWN_SHARE) && zDown >= st.get(Parameter.A3_Z);
            String evidence = fUp || fDown ? evidence(p, s, c, rDown, rEq, rUp) : null;
            out.add(fUp
                    ? Finding.holding(school, unit, SignCode.JOURNAL_DEFLATED, n, up, st.get(Parameter.A3_UP_SHARE), pUp,
                    false, evidence, "Из " + n + " участников " + Ru.pct(up) + " получили за работу отметку выше, чем по журналу (по региону "
                            + Ru.pct(rUp) + "). Доля совпадения отметок — " + Ru.pct((double) c[1] / n)
                            + ". Массовое повышение отметок за работу относительно текущих отметок самого учителя нетипично и требует проверки условий проведения и проверки работ.")
                    : Finding.notHolding(school, unit, SignCode.JOURNAL_DEFLATED, n, up, st.get(Parameter.A3_UP_SHARE), pUp));
            out.add(fDown
                    ? Finding.holding(school, unit, SignCode.JOURNAL_INFLATED, n, down, st.get(Parameter.A3_DOWN_SHARE), pDown,
                    false, evidence, "Из " + n + " участников " + Ru.pct(down) + " получили за работу отметку ниже журнальной (по региону "
                            + Ru.pct(rDown) + "): текущие отметки, вероятно, завышены.")
                    : Finding.notHolding(school, unit, SignCode.JOURNAL_INFLATED, n, down, st.get(Parameter.A3_DOWN_SHARE), pDown));
        }
    }

    private static double z(double share, double reference, int n) {
        if (reference <= 0 || reference >= 1) {
            return share > reference ? Double.POSITIVE_INFINITY : 0;
        }
        return (share - reference) / Math.sqrt(reference * (1 - reference) / n);
    }

    /** Exact binomial tail when n·r < 5 (methods.md A.3 small samples), the normal tail otherwise. */
    private static double pValue(int k, int n, double r, double z) {
        if (n * r < 5 || n * (1 - r) < 5) {
            return Distributions.binomialUpperTail(k, n, r);
        }
        return Distributions.normalUpperTail(z);
    }

    private static String evidence(ProcedureData p, int s, int[] c, double rDown, double rEq, double rUp) {
        int n = c[0] + c[1] + c[2];
        int[] work = new int[n];
        int[] journal = new int[n];
        for (int i = p.starts[s], j = 0; i < p.starts[s + 1]; i++) {
            if (p.mark[i] != ProcedureData.NO_MARK && p.journal[i] != ProcedureData.NO_MARK) {
                work[j] = p.mark[i];
                journal[j++] = p.journal[i];
            }
        }
        double kappa = Agreement.quadraticWeightedKappa(work, journal, 2, 5);
        return Evidence.of("понизили", c[0], "подтвердили", c[1], "повысили", c[2],
                "регион_понизили", rDown, "регион_подтвердили", rEq, "регион_повысили", rUp, "каппа_взв", kappa);
    }
}
