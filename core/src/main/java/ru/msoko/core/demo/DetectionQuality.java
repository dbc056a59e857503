package ru.msoko.core.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import ru.msoko.core.objectivity.AnalysisResult;
import ru.msoko.core.objectivity.RiskAssessment;
import ru.msoko.core.objectivity.Zone;

/**
 * How well an analysis finds what the generator planted (its {@code planted.csv}): per manipulation
 * kind and strength, the recall of the red zone (and of red or yellow); the precision of the red zone
 * over all school-years; the red and yellow school-years of each trap. The unit is the school-year.
 * Manipulations of internal marks (journal, annual marks) belong to the separate track, so their recall
 * is that of the track, not of the zone.
 */
public final class DetectionQuality {

    /** Recall counts of one kind × strength. */
    public record Recall(String kind, String strength, int planted, int red, int redOrYellow) {
        public double recall() {
            return planted == 0 ? Double.NaN : (double) red / planted;
        }
    }

    /** Red and yellow school-years of one trap. */
    public record Trap(String kind, int schoolYears, int red, int yellow) {
    }

    private final Map<String, Recall> recall;
    private final Map<String, Trap> traps;
    private final int redTotal;
    private final int redPlanted;
    private final int honestSchoolYears;
    private final int honestRed;

    private DetectionQuality(Map<String, Recall> recall, Map<String, Trap> traps, int redTotal, int redPlanted,
                             int honestSchoolYears, int honestRed) {
        this.recall = recall;
        this.traps = traps;
        this.redTotal = redTotal;
        this.redPlanted = redPlanted;
        this.honestSchoolYears = honestSchoolYears;
        this.honestRed = honestRed;
    }

    private static final List<String> INTERNAL_TRACK = List.of("JOURNAL_INFLATED", "SCHOOL_EXAM_INFLATED");

    public static DetectionQuality evaluate(Path planted, AnalysisResult result) throws IOException {
        Map<String, RiskAssessment> zones = new HashMap<>();
        for (RiskAssessment r : result.risk()) {
            zones.put(r.schoolCode() + "|" + r.year(), r);
        }
        Map<String, String[]> manipulations = new HashMap<>();
        Map<String, Recall> recall = new TreeMap<>();
        Map<String, Trap> traps = new TreeMap<>();
        for (String line : Files.readAllLines(planted, StandardCharsets.UTF_8).subList(1, Files.readAllLines(planted).size())) {
            String[] f = line.split(";", -1);
            String key = f[0] + "|" + f[1];
            RiskAssessment r = zones.get(key);
            Zone zone = r == null ? Zone.INSUFFICIENT_DATA : r.zone();
            if (f[2].equals("manipulation")) {
                manipulations.put(key, f);
                boolean internal = INTERNAL_TRACK.contains(f[3]);
                boolean found = internal ? r != null && !r.internalAssessment().isEmpty() : zone == Zone.RED;
                boolean foundOrYellow = found || (!internal && zone == Zone.YELLOW);
                recall.merge(f[3] + " " + f[4], new Recall(f[3], f[4], 1, found ? 1 : 0, foundOrYellow ? 1 : 0),
                        (a, b) -> new Recall(a.kind(), a.strength(), a.planted() + 1, a.red() + b.red(),
                                a.redOrYellow() + b.redOrYellow()));
            } else {
                traps.merge(f[3], new Trap(f[3], 1, zone == Zone.RED ? 1 : 0, zone == Zone.YELLOW ? 1 : 0),
                        (a, b) -> new Trap(a.kind(), a.schoolYears() + 1, a.red() + b.red(), a.yellow() + b.yellow()));
            }
        }
        int red = 0;
        int redPlanted = 0;
        int honest = 0;
        int honestRed = 0;
        for (RiskAssessment r : result.risk()) {
            boolean planted0 = manipulations.containsKey(r.schoolCode() + "|" + r.year());
            red += r.zone() == Zone.RED ? 1 : 0;
            redPlanted += r.zone() == Zone.RED && planted0 ? 1 : 0;
            honest += planted0 ? 0 : 1;
            honestRed += !planted0 && r.zone() == Zone.RED ? 1 : 0;
        }
        return new DetectionQuality(recall, traps, red, redPlanted, honest, honestRed);
    }

    public double precision() {
        return redTotal == 0 ? Double.NaN : (double) redPlanted / redTotal;
    }

    public Map<String, Recall> recall() {
        return recall;
    }

    public Map<String, Trap> traps() {
        return traps;
    }

    public int honestRed() {
        return honestRed;
    }

    /** Recall of the red zone over the kinds of one strength (internal-track kinds excluded). */
    public double recall(String strength) {
        int planted = 0;
        int found = 0;
        for (Recall r : recall.values()) {
            if (r.strength().equals(strength) && !INTERNAL_TRACK.contains(r.kind())) {
                planted += r.planted();
                found += r.red();
            }
        }
        return planted == 0 ? Double.NaN : (double) found / planted;
    }

    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "red zone: %d school-years, %d planted -> precision %.3f; honest school-years red: %d of %d%n",
                redTotal, redPlanted, precision(), honestRed, honestSchoolYears));
        sb.append(String.format(Locale.ROOT, "%-24s %-8s %8s %6s %8s %13s%n", "kind", "strength", "planted", "red", "recall",
                "red or yellow"));
        recall.values().forEach(r -> sb.append(String.format(Locale.ROOT, "%-24s %-8s %8d %6d %8.2f %13d%s%n", r.kind(),
                r.strength(), r.planted(), r.red(), r.recall(), r.redOrYellow(),
                INTERNAL_TRACK.contains(r.kind()) ? "  (separate track: found = track sign)" : "")));
        for (String s : List.of("BLATANT", "MEDIUM", "SUBTLE")) {
            sb.append(String.format(Locale.ROOT, "recall of red, %s kinds: %.3f%n", s, recall(s)));
        }
        sb.append(String.format(Locale.ROOT, "%-24s %12s %6s %7s%n", "trap", "school-years", "red", "yellow"));
        traps.values().forEach(t -> sb.append(String.format(Locale.ROOT, "%-24s %12d %6d %7d%n", t.kind(), t.schoolYears(),
                t.red(), t.yellow())));
        return sb.toString();
    }
}
