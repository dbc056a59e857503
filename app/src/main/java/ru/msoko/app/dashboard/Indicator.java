package ru.msoko.app.dashboard;

/**
 * The mean results of the main procedures that the dashboard shows per territory with their change: the mean ВПР
 * and ОГЭ mark (marks 2–5 of every subject and grade together, as the regional reports give «средняя отметка») and
 * the mean ЕГЭ test score (0–100). A mean of fewer works than the small-cell limit ({@code msoko.privacy.min-group},
 * 10 by default — the same limit as the school page's results) is not shown.
 */
enum Indicator {
    VPR_MARK("VPR", "ВПР", "средняя отметка", true),
    OGE_MARK("OGE", "ОГЭ", "средняя отметка", true),
    EGE_SCORE("EGE", "ЕГЭ", "средний тестовый балл", false);

    final String kind;
    final String procedure;
    final String measure;
    /** Mean mark (2–5, two decimals) or mean test score (one decimal). */
    final boolean marks;

    Indicator(String kind, String procedure, String measure, boolean marks) {
        this.kind = kind;
        this.procedure = procedure;
        this.measure = measure;
        this.marks = marks;
    }

    public String procedure() {
        return procedure;
    }

    public String measure() {
        return measure;
    }

    int digits() {
        return marks ? 2 : 1;
    }

    /** The mean of these sums, or null when there are fewer than {@code minGroup} works behind it. */
    Double mean(long mark2, long mark3, long mark4, long mark5, double testSum, long testN, int minGroup) {
        if (marks) {
            return mark2 + mark3 + mark4 + mark5 < minGroup ? null : meanMark(mark2, mark3, mark4, mark5);
        }
        return testN < minGroup ? null : testSum / testN;
    }

    /** The mean of marks 2–5 given how many of each; null when there are none. */
    static Double meanMark(long mark2, long mark3, long mark4, long mark5) {
        long n = mark2 + mark3 + mark4 + mark5;
        return n == 0 ? null : (2.0 * mark2 + 3.0 * mark3 + 4.0 * mark4 + 5.0 * mark5) / n;
    }
}
