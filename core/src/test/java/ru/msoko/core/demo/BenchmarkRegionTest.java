package ru.msoko.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark region is a usable ground truth: every kind × strength and every trap is there, and each
 * planted manipulation leaves its statistical trace in the written files at the planted school-years —
 * the stronger, the clearer — and not in the matched honest schools (ordinary schools with 15+ pupils per
 * grade that appear nowhere in the ground truth).
 */
class BenchmarkRegionTest {

    private static final String HONEST = "HONEST";
    private static final int FIRST = 2024;
    private static final int LAST = 2026;

    @TempDir
    static Path dir;
    static RegionFiles region;
    /** metric → group ("KIND/STRENGTH" or HONEST) → {numerator, denominator}. */
    static final Map<String, Map<String, double[]>> metrics = new HashMap<>();
    /** "code;year" → {sum of ВПР percent of maximum, works}; the same for ОГЭ. */
    static final Map<String, double[]> vprPercent = new HashMap<>();
    static final Map<String, double[]> ogePercent = new HashMap<>();
    /** "code;year;subject;grade" → {sum of percent, works}, for grades 4 and 5; "year;subject;grade" → region. */
    static final Map<String, double[]> gradePercent = new HashMap<>();
    static final Map<String, double[]> regionPercent = new HashMap<>();
    /** "code;year" → {0, re-checked works}. */
    static final Map<String, double[]> rechecked = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        new DemoRegionGenerator(DemoSettings.benchmark(42, 600)).writeTo(dir);
        region = new RegionFiles(dir);
        Map<String, Work> works = Work.vpr().stream()
                .collect(Collectors.toMap(w -> w.subject() + w.grade(), Function.identity()));
        for (int year = FIRST; year <= LAST; year++) {
            for (Work w : Work.vpr()) {
                vpr("results-vpr-" + year + "-" + (w.subject().startsWith("М") ? "math" : "russian") + "-"
                        + w.grade() + ".csv", works);
            }
            exams(year);
        }
    }

    private static String group(String code, int year) {
        String m = region.manipulated.get(code + ";" + year);
        return m != null ? m : region.matchedHonest(code) ? HONEST : null;
    }

    private static void add(String metric, String group, double num, double den) {
        if (group != null) {
            double[] v = metrics.computeIfAbsent(metric, k -> new HashMap<>()).computeIfAbsent(group,
                    k -> new double[2]);
            v[0] += num;
            v[1] += den;
        }
    }

    private static void sum(Map<String, double[]> map, String key, double value) {
        double[] v = map.computeIfAbsent(key, k -> new double[2]);
        v[0] += value;
        v[1]++;
    }

    private static double mean(double[] v) {
        return v[0] / v[1];
    }

    private static void vpr(String file, Map<String, Work> works) {
        Map<String, List<String>> classA = new HashMap<>();
        region.rows(file, (h, r) -> {
            if (r[h.indexOf("variant")].equals("отсутствовал")) {
                return;
            }
            Work w = works.get(r[3] + r[4]);
            int year = Integer.parseInt(r[1]);
            String code = r[5];
            String g = group(code, year);
            int first = h.indexOf("variant") + 1;
            int primary = Integer.parseInt(r[h.indexOf("primary_score")]);
            int mark = Integer.parseInt(r[h.indexOf("mark")]);
            int journal = Integer.parseInt(r[h.indexOf("journal_mark")]);
            String recheck = r[h.indexOf("rechecked_score")];
            double percent = (double) primary / w.total();
            sum(vprPercent, code + ";" + year, percent);
            if (w.grade() <= 5) {
                sum(gradePercent, code + ";" + year + ";" + w.subject() + ";" + w.grade(), percent);
                sum(regionPercent, year + ";" + w.subject() + ";" + w.grade(), percent);
            }
            for (int k = 0; k < 2; k++) {
                int t = w.thresholds()[k];
                if (primary >= t - 2 && primary <= t + 1) {
                    add("heaping", g, primary >= t ? 1 : 0, 1);
                }
            }
            add("journal above", g, journal > mark ? 1 : 0, 1);
            int tasks = w.max().length;
            for (int t = 0; t < tasks; t++) {
                double position = (double) t / (tasks - 1);
                int score = r[first + t].equals("X") ? 0 : Integer.parseInt(r[first + t]);
                if (position > 0.6) {
                    add("hard", g, score, w.max()[t]);
                } else if (position < 0.4) {
                    add("easy", g, score, w.max()[t]);
                }
            }
            if (!recheck.isEmpty()) {
                int lowered = primary - Integer.parseInt(recheck);
                add("recheck lowered", g, lowered >= 1 ? 1 : 0, 1);
                add("recheck off by more than one", g, Math.abs(lowered) > 1 ? 1 : 0, 1);
                sum(rechecked, code + ";" + year, 1);
            }
            if (r[7].endsWith("А") && primary > 0 && primary < w.total()) {
                classA.computeIfAbsent(code + ";" + year, k -> new ArrayList<>())
                        .add(String.join(";", Arrays.copyOfRange(r, first, first + tasks)));
            }
        });
        classA.forEach((key, vectors) -> {
            String g = group(key.substring(0, key.indexOf(';')), Integer.parseInt(key.substring(key.indexOf(';') + 1)));
            Set<String> seen = new HashSet<>();
            Set<String> repeated = new HashSet<>();
            for (String v : vectors) {
                if (!seen.add(v)) {
                    repeated.add(v);
                }
            }
            add("identical vectors", g, vectors.stream().filter(repeated::contains).count(), vectors.size());
        });
    }

    private static void exams(int year) {
        region.rows("results-oge-" + year + ".csv", (h, r) -> {
            String code = region.byGiaCode.get(r[5]);
            int max = r[3].startsWith("Р") ? Scales.OGE_RUSSIAN_MAX : Scales.OGE_MATHS_MAX;
            sum(ogePercent, code + ";" + year, Double.parseDouble(r[h.indexOf("primary_score")]) / max);
            add("annual minus ОГЭ", group(code, year),
                    Integer.parseInt(r[h.indexOf("annual_mark")]) - Integer.parseInt(r[h.indexOf("mark")]), 1);
        });
        region.rows("results-ege-" + year + ".csv", (h, r) -> {
            String g = group(region.byGiaCode.get(r[5]), year);
            if (r[3].equals("Русский язык")) {
                boolean candidate = r[h.indexOf("medal_candidate")].equals("1");
                add("candidates", g, candidate ? 1 : 0, 1);
                if (candidate) {
                    add("candidates below 70", g, Integer.parseInt(r[h.indexOf("score")]) < 70 ? 1 : 0, 1);
                }
            }
        });
        region.rows("results-vsosh-" + year + ".csv", (h, r) -> {
            if (r[0].equals("ВсОШ-МЭ")) {
                add("confirmed at the municipal stage", group(r[5], year), Double.parseDouble(r[7]) >= 25 ? 1 : 0, 1);
            }
        });
    }

    private static double value(String metric, String group) {
        double[] v = metrics.get(metric).get(group);
        assertThat(v).as(metric + " for " + group).isNotNull();
        return mean(v);
    }

    /** BLATANT above MEDIUM above SUBTLE above the matched honest schools by at least {@code margin}. */
    private static void graded(String kind, String metric, double margin) {
        double honest = value(metric, HONEST);
        double blatant = value(metric, kind + "/BLATANT");
        double medium = value(metric, kind + "/MEDIUM");
        double subtle = value(metric, kind + "/SUBTLE");
        assertThat(blatant).as(kind + " " + metric + " blatant vs medium").isGreaterThan(medium);
        assertThat(medium).as(kind + " " + metric + " medium vs subtle").isGreaterThan(subtle);
        assertThat(subtle).as(kind + " " + metric + " subtle vs honest " + honest).isGreaterThan(honest + margin);
    }

    @Test
    void everyKindAndStrengthIsPlantedAtLeastThreeTimesInSchoolsWithFifteenPupilsPerGrade() {
        for (Manipulation kind : Manipulation.values()) {
            for (Strength strength : Strength.values()) {
                Set<String> schools = region.manipulators.getOrDefault(kind + "/" + strength, Set.of());
                assertThat(schools.stream().filter(s -> region.perGrade(s) >= 15)).as(kind + "/" + strength)
                        .hasSizeGreaterThanOrEqualTo(3);
            }
        }
    }

    @Test
    void aboutOneSchoolInFiveManipulatesAndNeverAGymnasiumOrLyceum() {
        Set<String> manipulating = region.manipulators.values().stream().flatMap(Set::stream)
                .collect(Collectors.toSet());
        assertThat(manipulating.size()).isBetween(110, 130);
        assertThat(manipulating).allSatisfy(s -> assertThat(region.schools.get(s)[5]).isIn(RegionFiles.ORDINARY));
    }

    @Test
    void everyTrapIsThereAtLeastFiveTimesAndIsWhatItSays() {
        for (Trap trap : Trap.values()) {
            assertThat(region.traps.get(trap.name())).as(trap.name()).hasSizeGreaterThanOrEqualTo(5);
        }
        Set<String> gymnasiums = region.schools.values().stream().filter(s -> s[5].equals("гимназия")
                || s[5].equals("лицей")).map(s -> s[0]).collect(Collectors.toSet());
        assertThat(region.traps.get("STRONG_GYMNASIUM")).isEqualTo(gymnasiums);
        assertThat(region.traps.get("TINY_SCHOOL")).allSatisfy(s -> assertThat(region.perGrade(s)).isBetween(2, 8));
        assertThat(region.traps.get("HONEST_LOW")).allSatisfy(s -> assertThat(region.schools.get(s)[10]).isEqualTo("1"));
        // strong and confirmed: gymnasiums are well above the region in ВПР and in ОГЭ
        double allVpr = mean(vprPercent.values());
        double allOge = mean(ogePercent.values());
        assertThat(meanOf(vprPercent, gymnasiums, 2025)).isGreaterThan(allVpr + 0.08);
        assertThat(meanOf(ogePercent, gymnasiums, 2025)).isGreaterThan(allOge + 0.08);
        assertThat(meanOf(vprPercent, region.traps.get("HONEST_LOW"), 2025)).isLessThan(allVpr - 0.05);
    }

    @Test
    void aRealImprovementRisesInOneYearAndStaysUpInВПРAndОГЭ() {
        Set<String> improving = region.traps.get("REAL_IMPROVEMENT");
        assertThat(region.planted.stream().filter(r -> r[3].equals("REAL_IMPROVEMENT")).map(r -> r[1]))
                .containsOnly("2025", "2026");
        for (Map<String, double[]> exam : List.of(vprPercent, ogePercent)) {
            double before = meanOf(exam, improving, 2024) - meanOf(exam, region.schools.keySet(), 2024);
            double rise = meanOf(exam, improving, 2025) - meanOf(exam, region.schools.keySet(), 2025);
            double stays = meanOf(exam, improving, 2026) - meanOf(exam, region.schools.keySet(), 2026);
            assertThat(rise).isGreaterThan(before + 0.06);
            assertThat(stays).isGreaterThan(before + 0.06);
        }
    }

    @Test
    void groundTruthIsWellFormed() throws IOException {
        assertThat(Files.readAllLines(dir.resolve("planted.csv")).get(0))
                .isEqualTo("school_code;year;role;kind;strength");
        Set<String> kinds = Arrays.stream(Manipulation.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> trapKinds = Arrays.stream(Trap.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> distinct = new HashSet<>();
        Map<String, String> kindOf = new HashMap<>();
        for (String[] r : region.planted) {
            assertThat(r).hasSize(5);
            assertThat(region.schools).containsKey(r[0]);
            assertThat(Integer.parseInt(r[1])).isBetween(FIRST, LAST);
            assertThat(distinct.add(String.join(";", r))).as("duplicate " + String.join(";", r)).isTrue();
            if (r[2].equals("manipulation")) {
                assertThat(r[3]).isIn(kinds);
                assertThat(r[4]).isIn("BLATANT", "MEDIUM", "SUBTLE");
                assertThat(kindOf.putIfAbsent(r[0], r[3] + r[4])).as("one kind per school").isIn(null, r[3] + r[4]);
            } else {
                assertThat(r[2]).isEqualTo("trap");
                assertThat(r[3]).isIn(trapKinds);
                assertThat(r[4]).isEmpty();
            }
        }
        Set<String> trapSchools = region.traps.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(trapSchools).doesNotContainAnyElementsOf(kindOf.keySet());
        // a manipulation goes on every year from its first one to the last
        for (String code : kindOf.keySet()) {
            List<Integer> years = region.planted.stream().filter(r -> r[0].equals(code) && r[2].equals("manipulation"))
                    .map(r -> Integer.parseInt(r[1])).sorted().toList();
            assertThat(years.get(years.size() - 1)).isEqualTo(LAST);
            assertThat(years).hasSize(LAST - years.get(0) + 1);
        }
    }

    @Test
    void lenientMarkingHeapsWorksAtTheThresholds() {
        // share of works at threshold..threshold+1 among threshold−2..threshold+1 («3» and «4»)
        assertThat(value("heaping", HONEST)).isBetween(0.4, 0.6);
        graded("LENIENT_MARKING", "heaping", 0.1);
    }

    @Test
    void hintsMakeHardTasksSolvedNearlyAsOftenAsEasyOnes() {
        Function<String, Double> gap = g -> value("hard", g) - value("easy", g);
        double honest = gap.apply(HONEST);
        assertThat(honest).isLessThan(-0.2);
        assertThat(gap.apply("HINTS/BLATANT")).isGreaterThan(gap.apply("HINTS/MEDIUM"));
        assertThat(gap.apply("HINTS/MEDIUM")).isGreaterThan(gap.apply("HINTS/SUBTLE"));
        assertThat(gap.apply("HINTS/SUBTLE")).isGreaterThan(honest + 0.1);
    }

    @Test
    void copyingLeavesIdenticalTaskVectorsInOneClass() {
        assertThat(value("identical vectors", HONEST)).isLessThan(0.02);
        graded("COPYING", "identical vectors", 0.2);
    }

    @Test
    void inflatedJournalsAreAboveTheWork() {
        graded("JOURNAL_INFLATED", "journal above", 0.1);
    }

    @Test
    void inflatedВПРIsNotConfirmedByTheSchoolsОГЭ() {
        Map<String, List<Double>> gaps = new HashMap<>();
        vprPercent.forEach((key, v) -> {
            double[] oge = ogePercent.get(key);
            String[] k = key.split(";");
            String g = group(k[0], Integer.parseInt(k[1]));
            if (oge != null && g != null) {
                gaps.computeIfAbsent(g, x -> new ArrayList<>()).add(mean(v) - mean(oge));
            }
        });
        gaps.forEach((g, list) -> add("ВПР minus ОГЭ", g, list.stream().mapToDouble(d -> d).sum(), list.size()));
        graded("INFLATED_NOT_CONFIRMED", "ВПР minus ОГЭ", 0.03);
    }

    @Test
    void anInflatedGrade4IsBackToNormalInGrade5AYearLater() {
        gradePercent.forEach((key, v) -> {
            String[] k = key.split(";");
            int year = Integer.parseInt(k[1]);
            double[] next = gradePercent.get(k[0] + ";" + (year + 1) + ";" + k[2] + ";5");
            if (k[3].equals("4") && next != null) {
                double then = mean(v) - mean(regionPercent.get(year + ";" + k[2] + ";4"));
                double later = mean(next) - mean(regionPercent.get((year + 1) + ";" + k[2] + ";5"));
                add("grade 4 above its grade 5", group(k[0], year), then - later, 1);
            }
        });
        assertThat(Math.abs(value("grade 4 above its grade 5", HONEST))).isLessThan(0.02);
        graded("COHORT_INFLATED", "grade 4 above its grade 5", 0.03);
    }

    @Test
    void inflatedMedalCandidatesAreNotConfirmedByTheЕГЭ() {
        assertThat(value("candidates below 70", HONEST)).isLessThan(0.1);
        assertThat(value("candidates", HONEST)).isBetween(0.05, 0.2);
        graded("MEDAL_INFLATED", "candidates below 70", 0.1);
        assertThat(value("candidates", "MEDAL_INFLATED/BLATANT")).isGreaterThan(value("candidates", HONEST) * 1.8);
    }

    @Test
    void inflatedSchoolStageWinnersAreNotConfirmedAtTheMunicipalStage() {
        double honest = value("confirmed at the municipal stage", HONEST);
        double blatant = value("confirmed at the municipal stage", "OLYMPIAD_INFLATED/BLATANT");
        double medium = value("confirmed at the municipal stage", "OLYMPIAD_INFLATED/MEDIUM");
        double subtle = value("confirmed at the municipal stage", "OLYMPIAD_INFLATED/SUBTLE");
        assertThat(blatant).isLessThan(medium);
        assertThat(medium).isLessThan(subtle);
        assertThat(subtle).isLessThan(honest - 0.1);
        assertThat(blatant).isLessThan(honest * 0.6);
    }

    @Test
    void honestAnnualMarksAreALittleAboveTheОГЭAndInflatedOnesFarAbove() {
        assertThat(value("annual minus ОГЭ", HONEST)).isBetween(0.1, 0.3);
        graded("SCHOOL_EXAM_INFLATED", "annual minus ОГЭ", 0.2);
        assertThat(value("annual minus ОГЭ", "SCHOOL_EXAM_INFLATED/BLATANT")).isGreaterThan(1.0);
    }

    @Test
    void reCheckFindsTheLiftedWorksAndAgreesWithHonestMarking() {
        // honest schools: the expert agrees within one point, now and then one point off
        assertThat(value("recheck off by more than one", HONEST)).isZero();
        assertThat(value("recheck lowered", HONEST)).isLessThan(0.06);
        graded("LENIENT_MARKING", "recheck lowered", 0.03);
        // about 20 works per sampled school-year; every lenient school in its first year, ~10% of the others
        Map<String, double[]> sampled = rechecked;
        assertThat(sampled.values()).allSatisfy(v -> assertThat(v[1]).isBetween(1.0, 20.0));
        assertThat(sampled.values().stream().filter(v -> v[1] == 20).count()).isGreaterThan(sampled.size() / 2);
        for (String[] r : region.planted) {
            if (r[3].equals("LENIENT_MARKING") && r[1].equals(firstYear(r[0]))) {
                assertThat(sampled).containsKey(r[0] + ";" + r[1]);
            }
        }
        long control = sampled.keySet().stream().filter(k -> !region.manipulated.getOrDefault(k, "")
                .startsWith("LENIENT")).count();
        assertThat((double) control / (region.schools.size() * 3)).isBetween(0.07, 0.13);
    }

    private static String firstYear(String code) {
        return region.planted.stream().filter(r -> r[0].equals(code) && r[2].equals("manipulation")).map(r -> r[1])
                .min(String::compareTo).orElseThrow();
    }

    private static double mean(Collection<double[]> values) {
        return values.stream().mapToDouble(BenchmarkRegionTest::mean).average().orElseThrow();
    }

    private static double meanOf(Map<String, double[]> byCodeYear, Set<String> codes, int year) {
        return mean(codes.stream().map(c -> byCodeYear.get(c + ";" + year)).filter(v -> v != null).toList());
    }
}
