package ru.msoko.core.objectivity;

/**
 * The outcome of one rule on one school and unit: every test is kept (also the ones that do not hold),
 * because the false discovery rate is controlled over all tests of a run. Evidence and explanation
 * are written only when the rule holds.
 */
final class Finding {

    final int school;
    final Unit unit;
    final SignCode code;
    final int n;
    final double value;
    final double threshold;
    /** One-sided p-value of the rule's test, or NaN for rules without one. */
    final double p;
    final boolean holds;
    /** The rule holds but the school is exempt from it (a profile school for A.1/B.2): shown, not counted. */
    final boolean exempt;
    final String evidence;
    final String explanation;
    double q = Double.NaN;

    private Finding(int school, Unit unit, SignCode code, int n, double value, double threshold, double p,
                    boolean holds, boolean exempt, String evidence, String explanation) {
        this.school = school;
        this.unit = unit;
        this.code = code;
        this.n = n;
        this.value = value;
        this.threshold = threshold;
        this.p = p;
        this.holds = holds;
        this.exempt = exempt;
        this.evidence = evidence;
        this.explanation = explanation;
    }

    /** A test that did not hold: only its p-value matters (for the FDR). */
    static Finding notHolding(int school, Unit unit, SignCode code, int n, double value, double threshold, double p) {
        return new Finding(school, unit, code, n, value, threshold, p, false, false, null, null);
    }

    static Finding holding(int school, Unit unit, SignCode code, int n, double value, double threshold, double p,
                           boolean exempt, String evidence, String explanation) {
        return new Finding(school, unit, code, n, value, threshold, p, true, exempt, evidence, explanation);
    }

    boolean hasP() {
        return !Double.isNaN(p);
    }
}
