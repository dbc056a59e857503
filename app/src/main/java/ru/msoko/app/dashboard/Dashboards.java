package ru.msoko.app.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.msoko.app.dashboard.Change.Good;
import ru.msoko.app.dashboard.DashboardQueries.KindSums;
import ru.msoko.app.dashboard.DashboardQueries.Level;
import ru.msoko.app.dashboard.DashboardQueries.ProcedureSums;
import ru.msoko.app.dashboard.DashboardQueries.Unit;
import ru.msoko.app.dashboard.DashboardQueries.ZoneCount;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.RussianFormat;
import ru.msoko.core.privacy.SmallCells;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.objectivity.Zone;

/**
 * Builds what the dashboard shows for a year: the key numbers of the user's territory with their change against
 * the year before, and one row per municipality (region users) or per school (municipality users) with the same
 * numbers; for a school user, its own card. Every number comes from the scoped queries; nothing is computed twice.
 */
@Component
class Dashboards {

    private static final RussianFormat FMT = new RussianFormat();
    private final DashboardQueries queries;
    private final OverviewCache cache;
    /** Small cells: no mean of fewer works than this (the school page's limit, {@code msoko.privacy.min-group}). */
    private final int minGroup;

    Dashboards(DashboardQueries queries, OverviewCache cache, SmallCells cells) {
        this.queries = queries;
        this.cache = cache;
        this.minGroup = cells.minGroup();
    }

    /** A key-number tile: the number with its change, and what it counts (in the plural form the number needs). */
    record Tile(String label, Change change, String href) {
    }

    /** A row of the table: a municipality or a school, with its numbers of the year and their change. */
    record Row(Unit unit, String href, Change participants, List<Change> zones, ZoneCell zone, Change signs,
               List<Change> means) {
    }

    /** A school's zone in the year, and what it was the year before. */
    record ZoneCell(String code, String label, String change, String css) {
        static final ZoneCell NONE = new ZoneCell("", "—", "", "neutral");
    }

    /** The overview of a region or a municipality for a year. */
    record Overview(int year, Level level, List<Tile> tiles, List<Row> rows, boolean analysed, boolean previousData,
                    List<Indicator> indicators) {
    }

    /** The zones the dashboard counts, in the order of the columns. */
    static final List<Zone> ZONES = List.of(Zone.values());
    static final List<Indicator> INDICATORS = List.of(Indicator.values());

    /** Years with results within the scope, newest first; reused while the data is unchanged. */
    List<Integer> years(Scope scope) {
        return cache.get(List.of("years", scope), () -> List.copyOf(queries.years(scope)));
    }

    /** The newest year with results anywhere in the region; reused while the data is unchanged. */
    Optional<Integer> regionLatestYear() {
        return cache.get("regionLatestYear", queries::regionLatestYear);
    }

    /** Results loaded per procedure kind and year within the scope; reused while the data is unchanged. */
    List<DashboardQueries.LoadedRow> loaded(Scope scope) {
        return cache.get(List.of("loaded", scope), () -> List.copyOf(queries.loaded(scope)));
    }

    /** The overview of the scope (or of one municipality of it) for a year; reused while the data is unchanged. */
    Overview overview(Scope scope, Level level, long municipality, int year) {
        return cache.get(List.of(scope, level, municipality, year), () -> compute(scope, level, municipality, year));
    }

    private Overview compute(Scope scope, Level level, long municipality, int year) {
        List<Unit> units = queries.units(scope, level, municipality);
        Map<Long, Map<Integer, Tally>> tallies = tallies(queries.sums(scope, level, municipality, year));
        Long run = queries.latestRun().orElse(null);
        List<ZoneCount> zones = run == null ? List.of() : queries.zones(scope, level, municipality, run, year);
        Map<Long, Map<Integer, Long>> signs = run == null || level != Level.SCHOOL ? Map.of()
                : queries.signs(scope, municipality, run, year);
        boolean analysed = zones.stream().anyMatch(z -> z.year() == year);
        boolean previousZones = zones.stream().anyMatch(z -> z.year() == year - 1);
        List<Row> rows = new ArrayList<>();
        Tally all = new Tally();
        Tally allBefore = new Tally();
        for (Unit u : units) {
            Map<Integer, Tally> t = tallies.getOrDefault(u.id(), Map.of());
            Tally now = t.getOrDefault(year, new Tally());
            Tally before = t.get(year - 1);
            all.add(now);
            allBefore.add(before);
            List<Change> zoneChanges = ZONES.stream().map(z -> analysed
                    ? Change.count(count(zones, u.id(), year, z), previousZones ? count(zones, u.id(), year - 1, z) : null,
                    year - 1, z == Zone.RED || z == Zone.YELLOW ? Good.DOWN : Good.NEITHER)
                    : Change.none()).toList();
            Map<Integer, Long> s = signs.getOrDefault(u.id(), Map.of());
            Change signChange = !analysed ? Change.none()
                    : Change.count(s.getOrDefault(year, 0L), previousZones ? s.getOrDefault(year - 1, 0L) : null,
                    year - 1, Good.DOWN);
            rows.add(new Row(u, href(level, u), participants(now, before, year), zoneChanges,
                    level == Level.SCHOOL ? zoneCell(zones, u.id(), year) : ZoneCell.NONE, signChange,
                    INDICATORS.stream().map(i -> now.change(i, before, year, minGroup)).toList()));
        }
        boolean previousData = tallies.values().stream().anyMatch(t -> t.containsKey(year - 1));
        // a column per indicator that some row shows: no column of dashes for a procedure not loaded (the table
        // must fit 1366 px)
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < INDICATORS.size(); i++) {
            int column = i;
            if (rows.stream().anyMatch(r -> !r.means().get(column).value().equals("—"))) {
                shown.add(i);
            }
        }
        rows = rows.stream().map(r -> new Row(r.unit(), r.href(), r.participants(), r.zones(), r.zone(), r.signs(),
                shown.stream().map(r.means()::get).toList())).toList();
        List<Tile> tiles = tiles(units, all, previousData ? allBefore : null, zones, analysed, previousZones, year);
        if (municipality != 0) { // the risk page lists the whole territory of the user, not this municipality
            tiles = tiles.stream().map(t -> new Tile(t.label(), t.change(), null)).toList();
        }
        return new Overview(year, level, tiles, rows, analysed, previousData,
                shown.stream().map(INDICATORS::get).toList());
    }

    private List<Tile> tiles(List<Unit> units, Tally now, Tally before, List<ZoneCount> zones, boolean analysed,
                             boolean previousZones, int year) {
        List<Tile> tiles = new ArrayList<>();
        long schools = units.stream().mapToLong(Unit::schools).sum();
        tiles.add(new Tile(RussianFormat.plural(schools, "школа", "школы", "школ"),
                new Change(FMT.integer(schools), "", "neutral", ""), null));
        tiles.add(new Tile(RussianFormat.plural(now.participants, "работа участника", "работы участников",
                "работ участников") + " в " + year + " году", participants(now, before, year), null));
        if (analysed) {
            for (Zone z : List.of(Zone.RED, Zone.YELLOW)) {
                long n = zones.stream().filter(c -> c.year() == year && c.zone().equals(z.code()))
                        .mapToLong(ZoneCount::schools).sum();
                Long b = previousZones ? zones.stream().filter(c -> c.year() == year - 1 && c.zone().equals(z.code()))
                        .mapToLong(ZoneCount::schools).sum() : null;
                String where = z == Zone.RED ? "в красной зоне" : "в жёлтой зоне";
                tiles.add(new Tile(RussianFormat.plural(n, "школа ", "школы ", "школ ") + where,
                        Change.count(n, b, year - 1, Good.DOWN, "школа " + where, "школы " + where, "школ " + where),
                        "/risk?year=" + year + "&zone=" + z.code()));
            }
        }
        for (Indicator i : INDICATORS) {
            Change c = now.change(i, before, year, minGroup);
            if (c.delta().isEmpty() && c.value().equals("—")) {
                continue; // no such procedure this year: no empty tile
            }
            tiles.add(new Tile(i.procedure + ": " + i.measure, c, null));
        }
        return tiles;
    }

    private static Change participants(Tally now, Tally before, int year) {
        return Change.count(now.participants, before == null ? null : before.participants, year - 1, Good.NEITHER);
    }

    private static String href(Level level, Unit u) {
        return level == Level.MUNICIPALITY ? "/dashboard/municipalities/" + u.id() + "/schools" : "/schools/" + u.code();
    }

    private static long count(List<ZoneCount> zones, long unit, int year, Zone zone) {
        return zones.stream().filter(z -> z.unit() == unit && z.year() == year && z.zone().equals(zone.code()))
                .mapToLong(ZoneCount::schools).sum();
    }

    private static ZoneCell zoneCell(List<ZoneCount> zones, long school, int year) {
        String now = zones.stream().filter(z -> z.unit() == school && z.year() == year).map(ZoneCount::zone)
                .findFirst().orElse(null);
        String before = zones.stream().filter(z -> z.unit() == school && z.year() == year - 1).map(ZoneCount::zone)
                .findFirst().orElse(null);
        return zoneCell(now, before, year - 1);
    }

    /** The zone with its change: «в 2024 году: зелёная», red for a worse zone, green for a better one. */
    static ZoneCell zoneCell(String now, String before, int previousYear) {
        if (now == null) {
            return ZoneCell.NONE;
        }
        String label = label(now);
        if (before == null) {
            return new ZoneCell(now, label, "", "neutral");
        }
        if (before.equals(now)) {
            return new ZoneCell(now, label, "= как в " + previousYear + " году", "same");
        }
        int diff = rank(now) - rank(before);
        String css = rank(now) < 0 || rank(before) < 0 ? "neutral" : diff > 0 ? "worse" : "better";
        String arrow = css.equals("neutral") ? "" : diff > 0 ? "▲ " : "▼ ";
        return new ZoneCell(now, label, arrow + "в " + previousYear + " году: " + label(before), css);
    }

    static String label(String zone) {
        return Arrays.stream(Zone.values()).filter(z -> z.code().equals(zone)).map(Zone::label).findFirst().orElse(zone);
    }

    /** Green < yellow < red; «недостаточно данных» has no rank. */
    private static int rank(String zone) {
        return switch (zone) {
            case "green" -> 0;
            case "yellow" -> 1;
            case "red" -> 2;
            default -> -1;
        };
    }

    private static Map<Long, Map<Integer, Tally>> tallies(List<KindSums> sums) {
        Map<Long, Map<Integer, Tally>> out = new HashMap<>();
        for (KindSums s : sums) {
            out.computeIfAbsent(s.unit(), k -> new HashMap<>()).computeIfAbsent(s.year(), k -> new Tally()).add(s);
        }
        return out;
    }

    /** Participants of every procedure and the sums behind each indicator, of one unit (or all) in one year. */
    static final class Tally {
        long participants;
        final Map<Indicator, long[]> marks = new LinkedHashMap<>();
        final Map<Indicator, double[]> tests = new LinkedHashMap<>();

        void add(KindSums s) {
            participants += s.participants();
            for (Indicator i : INDICATORS) {
                if (i.kind.equals(s.kind())) {
                    long[] m = marks.computeIfAbsent(i, k -> new long[4]);
                    m[0] += s.mark2();
                    m[1] += s.mark3();
                    m[2] += s.mark4();
                    m[3] += s.mark5();
                    double[] t = tests.computeIfAbsent(i, k -> new double[2]);
                    t[0] += s.testSum();
                    t[1] += s.testN();
                }
            }
        }

        void add(Tally other) {
            if (other == null) {
                return;
            }
            participants += other.participants;
            other.marks.forEach((i, m) -> {
                long[] mine = marks.computeIfAbsent(i, k -> new long[4]);
                for (int j = 0; j < 4; j++) {
                    mine[j] += m[j];
                }
            });
            other.tests.forEach((i, t) -> {
                double[] mine = tests.computeIfAbsent(i, k -> new double[2]);
                mine[0] += t[0];
                mine[1] += t[1];
            });
        }

        Double mean(Indicator i, int minGroup) {
            long[] m = marks.getOrDefault(i, new long[4]);
            double[] t = tests.getOrDefault(i, new double[2]);
            return i.mean(m[0], m[1], m[2], m[3], t[0], (long) t[1], minGroup);
        }

        Change change(Indicator i, Tally before, int year, int minGroup) {
            return Change.mean(mean(i, minGroup), before == null ? null : before.mean(i, minGroup), year - 1,
                    i.digits(), Good.UP);
        }
    }

    // ----- the school's own card

    /** One procedure of the school: this year's participants and mean against the same procedure a year before. */
    record ProcedureRow(String procedure, String title, String subject, int grade, String participants,
                        String participantsBefore, Change mean, String measure) {
    }

    /** The school's card: its zone per year, its signs and its procedures this year and the year before. */
    record SchoolCard(int year, List<Tile> tiles, List<ZoneCell> history, List<Integer> historyYears,
                      List<ProcedureRow> procedures, boolean analysed) {
    }

    SchoolCard school(Scope scope, Unit school, int year) {
        Long run = queries.latestRun().orElse(null);
        List<DashboardQueries.SchoolYear> years = run == null ? List.of() : queries.schoolYears(scope, school.id(), run);
        var now = years.stream().filter(y -> y.year() == year).findFirst();
        var before = years.stream().filter(y -> y.year() == year - 1).findFirst();
        List<ProcedureSums> sums = queries.procedures(scope, school.id(), year);
        List<ProcedureRow> procedures = procedures(sums, year, minGroup);
        long participants = sums.stream().filter(p -> p.year() == year).mapToLong(ProcedureSums::participants).sum();
        boolean previous = sums.stream().anyMatch(p -> p.year() == year - 1);
        long participantsBefore = sums.stream().filter(p -> p.year() == year - 1)
                .mapToLong(ProcedureSums::participants).sum();
        List<Tile> tiles = new ArrayList<>();
        tiles.add(new Tile(RussianFormat.plural(participants, "работа участника", "работы участников",
                "работ участников") + " в " + year + " году",
                Change.count(participants, previous ? participantsBefore : null, year - 1, Good.NEITHER), null));
        if (now.isPresent()) {
            ZoneCell z = zoneCell(now.get().zone(), before.map(DashboardQueries.SchoolYear::zone).orElse(null), year - 1);
            tiles.add(new Tile("зона риска в " + year + " году", new Change(z.label(), z.change(), z.css(), ""), null));
            long signs = now.get().signs();
            tiles.add(new Tile(RussianFormat.plural(signs, "признак", "признака", "признаков") + " необъективности",
                    Change.count(signs, before.map(DashboardQueries.SchoolYear::signs).orElse(null), year - 1, Good.DOWN,
                            "признак", "признака", "признаков"), null));
        }
        List<ZoneCell> history = new ArrayList<>();
        String previousZone = null;
        for (var y : years) {
            history.add(zoneCell(y.zone(), previousZone, y.year() - 1));
            previousZone = y.zone();
        }
        return new SchoolCard(year, tiles, history, years.stream().map(DashboardQueries.SchoolYear::year).toList(),
                procedures, now.isPresent());
    }

    /**
     * This year's procedures of the school, each against the same procedure (kind, subject, grade) a year before.
     * The mean is the mean mark where the procedure gives marks, else the test score (ЕГЭ), else the primary score;
     * it is not shown for fewer participants than the small-cell limit.
     */
    private static List<ProcedureRow> procedures(List<ProcedureSums> sums, int year, int minGroup) {
        Map<String, ProcedureSums> before = new HashMap<>();
        sums.stream().filter(p -> p.year() == year - 1).forEach(p -> before.put(key(p), p));
        List<ProcedureRow> rows = new ArrayList<>();
        for (ProcedureSums p : sums) {
            if (p.year() != year || ProcedureKind.valueOf(p.kind()).isOlympiad()) {
                continue;
            }
            ProcedureSums b = before.get(key(p));
            Measure m = Measure.of(p);
            Double meanBefore = b == null ? null : m.mean(b, minGroup);
            rows.add(new ProcedureRow(ProcedureKind.valueOf(p.kind()).code(), ProcedureKind.valueOf(p.kind()).title(),
                    p.subject(), p.grade(), FMT.integer(p.participants()),
                    b == null ? "—" : FMT.integer(b.participants()),
                    Change.mean(m.mean(p, minGroup), meanBefore, year - 1, m.digits, Good.UP), m.title));
        }
        return rows;
    }

    private static String key(ProcedureSums p) {
        return p.kind() + "|" + p.subject() + "|" + p.grade();
    }

    /** What a procedure's mean is taken of. */
    enum Measure {
        MARK("средняя отметка", 2), TEST("средний тестовый балл", 1), PRIMARY("средний первичный балл", 1);

        final String title;
        final int digits;

        Measure(String title, int digits) {
            this.title = title;
            this.digits = digits;
        }

        static Measure of(ProcedureSums p) {
            return p.mark2() + p.mark3() + p.mark4() + p.mark5() > 0 ? MARK : p.testN() > 0 ? TEST : PRIMARY;
        }

        Double mean(ProcedureSums p, int minGroup) {
            if (p.participants() < minGroup) {
                return null;
            }
            return switch (this) {
                case MARK -> Indicator.meanMark(p.mark2(), p.mark3(), p.mark4(), p.mark5());
                case TEST -> p.testN() == 0 ? null : p.testSum() / p.testN();
                case PRIMARY -> p.primaryN() == 0 ? null : p.primarySum() / p.primaryN();
            };
        }
    }
}
