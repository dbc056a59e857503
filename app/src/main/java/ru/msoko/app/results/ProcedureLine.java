package ru.msoko.app.results;

import java.util.List;
import java.util.Map;
import ru.msoko.app.web.Labels;
import ru.msoko.app.web.RussianFormat;
import ru.msoko.core.privacy.SmallCells;

/**
 * A row of the school page's table of procedures, its texts made in Java. A school has up to 186 procedures on the
 * demo region, and each row written with two dozen template expressions (method calls through Spring's expression
 * language, interpreted) made rendering most of the page's CPU time (docs/benchmarks.md, «Page speed under 50
 * users»). A small group's row carries no mean and no marks at all (DESIGN §8): only what the page shows for it.
 */
record ProcedureLine(int year, String procedure, String procedureTitle, String subject, int grade,
                     String participants, String absent, boolean hidden, String mean, String regionMean,
                     String marksLabel, List<Bar> bars, String marksText, String passText) {

    /** One coloured part of the marks bar: its classes («m3 w40») and its tooltip. */
    record Bar(String css, String title) {
    }

    /** The row of {@code p}; {@code regionMeans} by assessment id. */
    static ProcedureLine of(SchoolQueries.ProcedureRow p, Map<Long, Double> regionMeans, SmallCells cells,
                            Labels labels, RussianFormat fmt) {
        boolean hidden = cells.hides(p.participants());
        String regionMean = fmt.decimal(regionMeans.get(p.assessmentId()));
        String participants = fmt.integer(p.participants());
        String absent = fmt.integer(p.absent());
        String procedure = labels.procedure(p.kind());
        String title = labels.procedureTitle(p.kind());
        if (hidden) {
            return new ProcedureLine(p.year(), procedure, title, p.subject(), p.grade(), participants, absent, true,
                    null, regionMean, null, List.of(), null, null);
        }
        String mean = p.meanTest() != null ? fmt.decimal(p.meanTest()) + " (тест.)" : fmt.decimal(p.meanPrimary());
        long[] m = p.marks();
        long marked = p.marked();
        List<Bar> bars = marked == 0 ? List.of() : List.of(bar(2, m[0], marked, fmt), bar(3, m[1], marked, fmt),
                bar(4, m[2], marked, fmt), bar(5, m[3], marked, fmt));
        String label = marked == 0 ? null : "2: " + m[0] + ", 3: " + m[1] + ", 4: " + m[2] + ", 5: " + m[3];
        String text = marked == 0 ? null : m[0] + " / " + m[1] + " / " + m[2] + " / " + m[3];
        String pass = marked == 0 && p.passed() + p.failed() > 0
                ? "зачёт: " + p.passed() + ", незачёт: " + p.failed() : null;
        return new ProcedureLine(p.year(), procedure, title, p.subject(), p.grade(), participants, absent, false, mean,
                regionMean, label, bars, text, pass);
    }

    private static Bar bar(int mark, long n, long marked, RussianFormat fmt) {
        return new Bar("m" + mark + " w" + fmt.share(n, marked),
                "«" + mark + "»: " + n + " (" + fmt.percent(n, marked) + ")");
    }
}
