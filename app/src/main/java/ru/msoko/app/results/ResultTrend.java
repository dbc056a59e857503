package ru.msoko.app.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ru.msoko.app.charts.ChartModel;
import ru.msoko.app.charts.ChartModel.Column;
import ru.msoko.app.charts.ChartModel.Format;
import ru.msoko.app.charts.ChartModel.Series;
import ru.msoko.app.charts.ChartModel.Table;
import ru.msoko.core.domain.ProcedureKind;

/**
 * A school's results over the years, one chart per procedure × subject × grade: the school's mean against the
 * region's mean of the same assessment, year by year. A year with fewer than {@code minGroup} participants shows
 * no school mean (the small-cell rule of DESIGN §8: with a handful of pupils a mean tells who scored what).
 */
final class ResultTrend {

    /** What the table says instead of a hidden mean. */
    static String suppressed(int minGroup) {
        return "скрыто: меньше " + minGroup + " участников";
    }

    private ResultTrend() {
    }

    /** Procedure × subject × grade: what a line of years belongs to; {@code key} is how a request names it. */
    record Group(String kind, String subject, int grade) {
        public String key() {
            return kind + "|" + subject + "|" + grade;
        }

        public String label() {
            return ProcedureKind.valueOf(kind).code() + (grade > 0 ? " " + grade + " кл." : "") + ", " + subject;
        }

        static Group of(SchoolQueries.ProcedureRow r) {
            return new Group(r.kind(), r.subject(), r.grade());
        }
    }

    /** A group with how many years it has, for the choice on the page. */
    record Choice(Group group, int years) {
        public String key() {
            return group.key();
        }

        public String label() {
            return group.label() + " — " + years + " " + ru.msoko.app.web.RussianFormat.plural(years, "год", "года", "лет");
        }
    }

    /** The groups of a school's results, the one with the most years first (olympiads apart: no comparable mean). */
    static List<Choice> choices(List<SchoolQueries.ProcedureRow> rows) {
        Map<Group, Long> years = new LinkedHashMap<>();
        for (SchoolQueries.ProcedureRow r : rows) {
            if (!r.olympiad()) {
                years.merge(Group.of(r), 1L, Long::sum);
            }
        }
        return years.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue().intValue()))
                .sorted(Comparator.comparingInt(Choice::years).reversed()
                        .thenComparing(c -> c.group().kind()).thenComparing(c -> c.group().subject())
                        .thenComparingInt(c -> c.group().grade()))
                .toList();
    }

    /**
     * The chart of one group. A year with several assessments of the group (two variants) keeps the one with the
     * most participants.
     *
     * @param regionMeans the region's mean per assessment id (SchoolQueries#regionMeans)
     * @param minGroup    the fewest participants whose mean is shown
     */
    static ChartModel chart(Group group, List<SchoolQueries.ProcedureRow> rows, Map<Long, Double> regionMeans,
                            int minGroup) {
        Map<Integer, SchoolQueries.ProcedureRow> byYear = new TreeMap<>();
        for (SchoolQueries.ProcedureRow r : rows) {
            if (!r.olympiad() && Group.of(r).equals(group)) {
                byYear.merge(r.year(), r, (a, b) -> a.participants() >= b.participants() ? a : b);
            }
        }
        boolean test = byYear.values().stream().anyMatch(r -> r.meanTest() != null);
        List<String> years = new ArrayList<>();
        List<Double> school = new ArrayList<>();
        List<Double> region = new ArrayList<>();
        List<List<Object>> table = new ArrayList<>();
        int hidden = 0;
        for (SchoolQueries.ProcedureRow r : byYear.values()) {
            boolean small = r.participants() < minGroup;
            hidden += small ? 1 : 0;
            Double mean = small ? null : r.meanTest() != null ? r.meanTest() : r.meanPrimary();
            Double regionMean = regionMeans.get(r.assessmentId());
            years.add(r.year() + (small ? "\n(скрыто)" : "")); // the axis says why the school's point is missing
            school.add(mean);
            region.add(regionMean);
            table.add(Arrays.asList(String.valueOf(r.year()), r.participants(), small ? suppressed(minGroup) : mean, regionMean));
        }
        String measure = test ? "Средний тестовый балл" : "Средний первичный балл";
        return new ChartModel("trend", group.label() + ": средний балл ОО и региона по годам",
                measure + " школы и региона по годам (" + years.size() + " " + ru.msoko.app.web.RussianFormat.plural(
                        years.size(), "год", "года", "лет") + ")"
                        + (hidden > 0 ? "; за " + hidden + " " + ru.msoko.app.web.RussianFormat.plural(hidden, "год", "года", "лет")
                        + " среднее школы скрыто: меньше " + minGroup + " участников." : "."),
                "Год", measure, false, years,
                List.of(Series.of("ОО", "line", ChartModel.SCHOOL, school), Series.of("регион", "line", ChartModel.REGION, region)),
                List.of(), new Table(List.of(new Column("Год", Format.TEXT), new Column("Участников", Format.INTEGER),
                        new Column("Средний балл ОО", Format.DECIMAL), new Column("Средний по региону", Format.DECIMAL)),
                        table), "");
    }

    /** The group a request names ({@code kind|subject|grade}); empty when it is not one of the school's. */
    static java.util.Optional<Group> find(List<Choice> choices, String key) {
        return choices.stream().map(Choice::group).filter(g -> g.key().equals(key)).findFirst();
    }
}
