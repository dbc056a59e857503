package ru.msoko.app.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.ForbiddenException;
import ru.msoko.app.web.NotFoundException;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.objectivity.SignCode;
import ru.msoko.core.objectivity.Zone;

/**
 * Two schools of one year, or one school in two years, side by side: zone, signs of the latest analysis run and the
 * results per procedure with the region's mean. A group of fewer than {@link #MIN_GROUP} participants shows neither
 * mean nor marks (a school's small class must not be identifiable, and its numbers say nothing).
 */
@Service
class Comparisons {

    /** Fewer participants than this: no mean, no marks. */
    static final int MIN_GROUP = 10;
    static final String SMALL = "менее 10 участников";

    /** The zone of a side. */
    public record ZoneView(String code, String label, double score, String explanation) {
    }

    /** A sign of a side: its code, title, strength (the marker class) and whether it counts toward the zone. */
    public record SignView(long id, String procedure, String subject, int grade, String sign, String title,
                           String strength, boolean counted) {
        String key() {
            return procedure + "|" + subject + "|" + grade + "|" + sign;
        }

        /** «ВПР 5 кл., Математика». */
        public String where() {
            return procedure + (grade > 0 ? " " + grade + " кл." : "") + ", " + subject;
        }
    }

    /** One side: a school in a year. */
    public record Side(String code, String name, String municipality, String schoolType, String settlement, int year,
                       ZoneView zone, List<SignView> signs) {
    }

    /**
     * A school's results in one procedure: the participants, and the mean and marks «2»…«5» — both null when there
     * are fewer than 10 participants ({@code note} then says so), or when the school did not write it.
     */
    public record Cell(long participants, Double mean, List<Long> marks, String note) {
        static final Cell NONE = new Cell(0, null, null, "не писали");

        public boolean present() {
            return participants > 0;
        }

        /** The share of a mark in per cent, for the page («2» is index 0). */
        public long share(int i) {
            long all = marks == null ? 0 : marks.stream().mapToLong(Long::longValue).sum();
            return all == 0 ? 0 : Math.round(100.0 * marks.get(i) / all);
        }
    }

    /** One procedure of the comparison: the cells of both sides and the region's mean in each side's year. */
    public record Line(String procedure, String subject, int grade, Cell left, Cell right, Double regionLeft,
                       Double regionRight) {
        /** The school's mean minus the region's, when both are shown. */
        public Double deltaLeft() {
            return delta(left, regionLeft);
        }

        public Double deltaRight() {
            return delta(right, regionRight);
        }

        private static Double delta(Cell c, Double region) {
            return c.mean() == null || region == null ? null : c.mean() - region;
        }
    }

    /**
     * The comparison. {@code mode} is {@code schools} (two schools, one year) or {@code years} (one school, two
     * years: {@code gained} and {@code lost} are the signs that appeared and went away); {@code run} is the analysis
     * run the zones and signs come from (null before the first run).
     */
    public record Comparison(String mode, Long run, Side left, Side right, List<Line> lines, List<SignView> gained,
                             List<SignView> lost) {
        public boolean zoneChanged() {
            return !Objects.equals(left.zone() == null ? null : left.zone().code(),
                    right.zone() == null ? null : right.zone().code());
        }
    }

    /** A request the comparison cannot answer: the page says why and shows the form again. */
    public static final class Unanswerable extends RuntimeException {
        Unanswerable(String message) {
            super(message);
        }
    }

    private final CompareQueries queries;

    Comparisons(CompareQueries queries) {
        this.queries = queries;
    }

    /** Two schools in a year (the latest year of the run, else of the first school's results, when null). */
    public Comparison schools(Scope scope, List<String> codes, Integer year) {
        List<String> distinct = codes.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        if (distinct.size() != 2) {
            throw new Unanswerable(distinct.size() < 2 ? "Выберите две разные школы для сравнения."
                    : "Сравнить можно две школы; выбрано " + distinct.size() + ".");
        }
        CompareQueries.School a = school(scope, distinct.get(0));
        CompareQueries.School b = school(scope, distinct.get(1));
        Long run = queries.latestRun().orElse(null);
        int y = year != null ? year : defaultYear(run, a);
        return compare("schools", run, a, y, b, y);
    }

    /** One school in two years (its two latest years with results or a zone, when not given). */
    public Comparison years(Scope scope, String code, List<Integer> years) {
        CompareQueries.School s = school(scope, code.strip());
        Long run = queries.latestRun().orElse(null);
        List<Integer> chosen = years.stream().filter(Objects::nonNull).distinct().sorted().toList();
        if (chosen.isEmpty()) {
            List<Integer> own = queries.years(s.id(), run);
            if (own.size() < 2) {
                throw new Unanswerable(own.isEmpty() ? "У школы ещё нет ни результатов, ни зоны риска."
                        : "У школы есть данные только за " + own.get(0) + " год: сравнивать не с чем.");
            }
            chosen = List.of(own.get(1), own.get(0));
        }
        if (chosen.size() != 2) {
            throw new Unanswerable("Выберите два разных года для сравнения.");
        }
        return compare("years", run, s, chosen.get(0), s, chosen.get(1));
    }

    /** The schools of the scope to choose from (the form of the page). */
    public List<CompareQueries.School> choices(Scope scope) {
        return queries.schools(scope);
    }

    /** Every year with results or zones (the form of the page). */
    public List<Integer> allYears() {
        return queries.allYears(queries.latestRun().orElse(null));
    }

    /** The years a school of the scope has, newest first (the form of the page). */
    public List<Integer> yearsOf(Scope scope, String code) {
        return queries.school(scope, code).map(s -> queries.years(s.id(), queries.latestRun().orElse(null)))
                .orElse(List.of());
    }

    private int defaultYear(Long run, CompareQueries.School a) {
        if (run != null) {
            List<Integer> years = queries.runYears(run);
            if (!years.isEmpty()) {
                return years.get(0);
            }
        }
        List<Integer> own = queries.years(a.id(), run);
        if (own.isEmpty()) {
            throw new Unanswerable("У школы «" + a.name() + "» ещё нет ни результатов, ни зоны риска.");
        }
        return own.get(0);
    }

    /** Refuses a school outside the scope (403, or 404 for the region) like the school page. */
    void check(Scope scope, String code) {
        school(scope, code);
    }

    /** A school of the scope; outside it the same answer as the school page (403, or 404 for the region). */
    private CompareQueries.School school(Scope scope, String code) {
        return queries.school(scope, code).orElseThrow(() -> queries.exists(code) || !scope.isRegion()
                ? new ForbiddenException("Школа «" + code + "» вне вашей территории.")
                : new NotFoundException("Школы с кодом «" + code + "» нет в справочнике."));
    }

    private Comparison compare(String mode, Long run, CompareQueries.School a, int ya, CompareQueries.School b, int yb) {
        Side left = side(run, a, ya);
        Side right = side(run, b, yb);
        Map<String, CompareQueries.ResultRow> ra = byProcedure(queries.results(a.id(), ya));
        Map<String, CompareQueries.ResultRow> rb = byProcedure(queries.results(b.id(), yb));
        List<Long> ids = new ArrayList<>();
        ra.values().forEach(r -> ids.add(r.assessmentId()));
        rb.values().forEach(r -> ids.add(r.assessmentId()));
        Map<Long, Double> region = queries.regionMeans(ids.stream().distinct().toList(), MIN_GROUP);
        List<String> keys = new ArrayList<>(ra.keySet());
        rb.keySet().stream().filter(k -> !ra.containsKey(k)).forEach(keys::add);
        keys.sort(Comparator.naturalOrder());
        List<Line> lines = new ArrayList<>();
        for (String k : keys) {
            CompareQueries.ResultRow x = ra.get(k);
            CompareQueries.ResultRow y = rb.get(k);
            CompareQueries.ResultRow any = x != null ? x : y;
            lines.add(new Line(ProcedureKind.valueOf(any.kind()).code(), any.subject(), any.grade(), cell(x), cell(y),
                    x == null ? null : region.get(x.assessmentId()), y == null ? null : region.get(y.assessmentId())));
        }
        List<SignView> gained = List.of();
        List<SignView> lost = List.of();
        if (mode.equals("years")) {
            var before = left.signs().stream().map(SignView::key).collect(Collectors.toSet());
            var after = right.signs().stream().map(SignView::key).collect(Collectors.toSet());
            gained = right.signs().stream().filter(g -> !before.contains(g.key())).toList();
            lost = left.signs().stream().filter(g -> !after.contains(g.key())).toList();
        }
        return new Comparison(mode, run, left, right, lines, gained, lost);
    }

    /** Results by «kind|subject|grade», in the order of the procedure kinds, subjects and grades. */
    private static Map<String, CompareQueries.ResultRow> byProcedure(List<CompareQueries.ResultRow> rows) {
        Map<String, CompareQueries.ResultRow> out = new LinkedHashMap<>();
        for (CompareQueries.ResultRow r : rows) {
            out.put(String.format("%02d|%s|%02d", ProcedureKind.valueOf(r.kind()).ordinal(), r.subject(), r.grade()), r);
        }
        return out;
    }

    static Cell cell(CompareQueries.ResultRow r) {
        if (r == null || r.participants() == 0) {
            return Cell.NONE;
        }
        if (r.participants() < MIN_GROUP) {
            return new Cell(r.participants(), null, null, SMALL);
        }
        return new Cell(r.participants(), r.mean(), Arrays.stream(r.marks()).boxed().toList(), null);
    }

    private Side side(Long run, CompareQueries.School s, int year) {
        ZoneView zone = null;
        List<SignView> signs = List.of();
        if (run != null) {
            zone = queries.zone(run, s.id(), year).map(z -> new ZoneView(z.zone(), label(z.zone()), z.score(),
                    z.explanation())).orElse(null);
            signs = queries.signs(run, s.id(), year).stream().map(Comparisons::sign).toList();
        }
        return new Side(s.code(), s.name(), s.municipality(), s.schoolType(), s.settlement(), year, zone, signs);
    }

    private static SignView sign(CompareQueries.SignRow g) {
        SignCode code = Arrays.stream(SignCode.values()).filter(c -> c.name().equals(g.sign())).findFirst().orElse(null);
        return new SignView(g.id(), g.procedure(), g.subject(), g.grade(), g.sign(),
                code == null ? g.sign() : code.title(),
                code == null ? "supporting" : code.markerClass().name().toLowerCase(java.util.Locale.ROOT), g.counted());
    }

    private static String label(String zone) {
        return Arrays.stream(Zone.values()).filter(z -> z.code().equals(zone)).map(Zone::label).findFirst().orElse(zone);
    }
}
