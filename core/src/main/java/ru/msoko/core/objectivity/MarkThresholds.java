package ru.msoko.core.objectivity;

import ru.msoko.core.scales.MarkScale;

/**
 * The minimum primary score of the marks 3, 4 and 5 of one procedure. They change by subject and year
 * (methods.md A.5 traps), so they are never constants: an imported official scale gives them (the scale of
 * every variant of that procedure, year, subject and grade), or they are read
 * off the data itself — the smallest primary score that received the mark, accepted only when the
 * (score, mark) pairs agree with one monotone scale (at most 1% of works contradict it).
 */
final class MarkThresholds {

    /** Where the thresholds come from; the evidence of a sign names it. */
    enum Source {
        SCALE("официальная шкала"), DATA("выведена из отметок"), NONE("нет");

        final String title;

        Source(String title) {
            this.title = title;
        }
    }

    static final MarkThresholds UNKNOWN = new MarkThresholds(new int[0], Source.NONE);

    /** {@code min[0]} = minimum for «3», {@code min[1]} for «4», {@code min[2]} for «5». */
    private final int[] min;
    final Source source;

    private MarkThresholds(int[] min, Source source) {
        this.min = min;
        this.source = source;
    }

    static MarkThresholds of(int three, int four, int five) {
        return new MarkThresholds(new int[] {three, four, five}, Source.DATA);
    }

    /**
     * The thresholds of an imported official scale (the lower ends of its bands «3», «4», «5»); unknown for a
     * scale without those three marks (a pass/fail scale).
     */
    static MarkThresholds of(MarkScale scale) {
        int[] min = {-1, -1, -1};
        for (MarkScale.Band b : scale.bands()) {
            if (b.mark() >= 3 && b.mark() <= 5) {
                min[b.mark() - 3] = b.from();
            }
        }
        return min[0] < 0 || min[1] < 0 || min[2] < 0 ? UNKNOWN : new MarkThresholds(min, Source.SCALE);
    }

    boolean known() {
        return min.length == 3;
    }

    /** Minimum primary score of mark {@code k} (3..5). */
    int minimum(int k) {
        return min[k - 3];
    }

    int markOf(double primary) {
        int m = 2;
        for (int k = 3; k <= 5; k++) {
            if (primary >= min[k - 3]) {
                m = k;
            }
        }
        return m;
    }

    static MarkThresholds infer(ProcedureData p) {
        int[] min = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int pairs = 0;
        for (int i = 0; i < p.n; i++) {
            if (p.mark[i] == ProcedureData.NO_MARK || Float.isNaN(p.primary[i]) || p.primary[i] != Math.rint(p.primary[i])) {
                continue;
            }
            pairs++;
            for (int k = 3; k <= p.mark[i]; k++) {
                min[k - 3] = Math.min(min[k - 3], (int) p.primary[i]);
            }
        }
        if (pairs < 30 || min[0] == Integer.MAX_VALUE || min[1] == Integer.MAX_VALUE || min[2] == Integer.MAX_VALUE
                || !(min[0] < min[1] && min[1] < min[2])) {
            return UNKNOWN;
        }
        MarkThresholds t = new MarkThresholds(min, Source.DATA);
        int contradictions = 0;
        for (int i = 0; i < p.n; i++) {
            if (p.mark[i] != ProcedureData.NO_MARK && !Float.isNaN(p.primary[i]) && t.markOf(p.primary[i]) != p.mark[i]) {
                contradictions++;
            }
        }
        return contradictions <= pairs / 100 ? t : UNKNOWN;
    }

    @Override
    public String toString() {
        return known() ? "«3» от " + min[0] + ", «4» от " + min[1] + ", «5» от " + min[2] : "шкала неизвестна";
    }
}
