package ru.msoko.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoRegionGeneratorTest {

    @TempDir
    static Path dir;
    static DemoManifest demo;

    @BeforeAll
    static void generate() throws IOException {
        demo = new DemoRegionGenerator(DemoSettings.standard()).writeTo(dir.resolve("a"));
    }

    private static List<String[]> rows(String file) throws IOException {
        return Files.readAllLines(dir.resolve("a").resolve(file)).stream().skip(1).map(l -> l.split(";", -1)).toList();
    }

    private static String[] header(String file) throws IOException {
        return Files.readAllLines(dir.resolve("a").resolve(file)).get(0).split(";", -1);
    }

    @Test
    void sameSettingsGiveIdenticalFilesAndAnotherSeedDoesNot() throws Exception {
        DemoManifest again = new DemoRegionGenerator(DemoSettings.standard()).writeTo(dir.resolve("b"));
        DemoManifest other = new DemoRegionGenerator(new DemoSettings(1, 8, 150, 2024, 3, 1 / 14.0)).writeTo(dir.resolve("c"));
        for (int i = 0; i < demo.resultFiles().size(); i++) {
            assertThat(sha(again.resultFiles().get(i))).isEqualTo(sha(demo.resultFiles().get(i)));
        }
        assertThat(sha(again.schoolsFile())).isEqualTo(sha(demo.schoolsFile()));
        assertThat(sha(again.plantedFile())).isEqualTo(sha(demo.plantedFile()));
        assertThat(sha(other.resultFiles().get(0))).isNotEqualTo(sha(demo.resultFiles().get(0)));
    }

    @Test
    void sizeIsWhatTheDemoAndTheBenchmarkNeed() throws IOException {
        long lines = 0;
        for (Path f : demo.resultFiles()) {
            try (var s = Files.lines(f)) {
                lines += s.count() - 1;
            }
        }
        assertThat(lines).isEqualTo(demo.resultRows()).isBetween(250_000L, 450_000L);
        assertThat(rows("schools.csv")).hasSize(150);
        assertThat(rows("schools.csv").stream().map(r -> r[2]).distinct()).hasSize(8);
        assertThat(rows("schools.csv").stream().map(r -> r[5]).collect(Collectors.toSet()))
                .contains("СОШ", "ООШ", "НОШ", "гимназия", "лицей", "СОШ с УИОП", "интернат");
    }

    @Test
    void everyRowHasTheHeadersColumnsAndEverySchoolIsInTheDirectory() throws IOException {
        Set<String> codes = new HashSet<>();
        for (String[] s : rows("schools.csv")) {
            codes.add(s[0]);
            for (String alias : s[4].split("\\|")) {
                codes.add(alias.replaceAll("@.*", ""));
            }
        }
        for (Path f : demo.resultFiles()) {
            String name = f.getFileName().toString();
            int columns = header(name).length;
            int school = List.of(header(name)).indexOf("school_code");
            for (String[] r : rows(name)) {
                assertThat(r).as(name).hasSize(columns);
                assertThat(codes).as(name).contains(r[school]);
            }
        }
    }

    @Test
    void marksFollowTheOfficialScaleAndTasksStayWithinTheirMaximum() throws IOException {
        for (Work w : Work.vpr()) {
            String name = "results-vpr-2025-" + (w.subject().startsWith("М") ? "math" : "russian") + "-" + w.grade()
                    + ".csv";
            String[] header = header(name);
            for (String[] r : rows(name)) {
                if (r[9].equals("отсутствовал")) {
                    assertThat(r[header.length - 4]).isEmpty();
                    assertThat(r[10]).isEmpty();
                    assertThat(r[header.length - 1]).isEmpty();
                    continue;
                }
                int sum = 0;
                for (int t = 0; t < w.max().length; t++) {
                    String v = r[10 + t];
                    int score = v.equals("X") ? 0 : Integer.parseInt(v);
                    assertThat(score).isBetween(0, w.max()[t]);
                    assertThat(header[10 + t]).endsWith("(" + w.max()[t] + "б)");
                    sum += score;
                }
                assertThat(Integer.parseInt(r[header.length - 4])).isEqualTo(sum);
                assertThat(Integer.parseInt(r[header.length - 3])).isEqualTo(Scales.mark(sum, w.thresholds()));
                if (!r[header.length - 1].isEmpty()) {
                    assertThat(Integer.parseInt(r[header.length - 1])).isBetween(0, w.total());
                }
            }
        }
    }

    @Test
    void theSamePupilsMoveUpAGradeEachYear() throws IOException {
        Map<String, String> grade4of2024 = new HashMap<>();
        for (String[] r : rows("results-vpr-2024-math-4.csv")) {
            grade4of2024.put(r[6], r[5]);
        }
        long found = rows("results-vpr-2025-math-5.csv").stream().filter(r -> r[5].equals(grade4of2024.get(r[6])))
                .count();
        assertThat(found).isGreaterThan(grade4of2024.size() * 8 / 10);
    }

    @Test
    void aboutOneSchoolInFourteenManipulatesWithEveryKindAndStrengthAndEveryTrapIsThere() {
        RegionFiles region = new RegionFiles(dir.resolve("a"));
        Set<String> kinds = region.manipulators.keySet().stream().map(k -> k.replaceAll("/.*", ""))
                .collect(Collectors.toSet());
        Set<String> strengths = region.manipulators.keySet().stream().map(k -> k.replaceAll(".*/", ""))
                .collect(Collectors.toSet());
        assertThat(kinds).hasSize(Manipulation.values().length);
        assertThat(strengths).containsExactlyInAnyOrder("BLATANT", "MEDIUM", "SUBTLE");
        assertThat(region.manipulators.values().stream().mapToInt(Set::size).sum()).isBetween(9, 13);
        for (Trap trap : Trap.values()) {
            assertThat(region.traps.get(trap.name())).as(trap.name()).isNotEmpty();
        }
        assertThat(region.manipulators.values().stream().flatMap(Set::stream))
                .allSatisfy(s -> assertThat(region.perGrade(s)).isGreaterThanOrEqualTo(15));
    }

    @Test
    void ogeAndEgeRowsCarryAnnualMarksAndEgeRowsMedalCandidates() throws IOException {
        assertThat(header("results-oge-2025.csv")).contains("annual_mark");
        assertThat(header("results-ege-2025.csv")).contains("annual_mark", "medal_candidate");
        assertThat(rows("results-oge-2025.csv")).allSatisfy(r -> assertThat(r[10]).isIn("3", "4", "5"));
        assertThat(rows("results-ege-2025.csv")).allSatisfy(r -> {
            assertThat(r[11]).isIn("0", "1");
            assertThat(r[10]).isIn("3", "4", "5");
            if (r[11].equals("1")) {
                assertThat(r[10]).isEqualTo("5");
            }
        });
        assertThat(rows("results-ege-2025.csv").stream().filter(r -> r[11].equals("1"))).isNotEmpty();
    }

    @Test
    void gymnasiumsAreStrongAndHonestTraps() throws IOException {
        Set<String> gymnasiums = rows("schools.csv").stream().filter(s -> s[5].equals("гимназия")).map(s -> s[0])
                .collect(Collectors.toSet());
        assertThat(gymnasiums).isNotEmpty();
        assertThat(rows("planted.csv").stream().filter(r -> gymnasiums.contains(r[0])))
                .allSatisfy(r -> assertThat(r[3]).isEqualTo("STRONG_GYMNASIUM"));
        double gymnasiumOge = meanOge(rows("schools.csv").stream().filter(s -> s[5].equals("гимназия"))
                .map(s -> s[4].replaceAll(".*\\|", "")).collect(Collectors.toSet()));
        double allOge = meanOge(null);
        assertThat(gymnasiumOge).isGreaterThan(allOge + 2);
    }

    @Test
    void benchmarkSettingsGiveMoreThanAMillionRowsAsTheJavadocSays() {
        // ~2 370 rows per school in the standard region → 600 schools ≈ 1.4 million
        assertThat(demo.resultRows() * 600 / 150).isGreaterThan(1_000_000);
    }

    private double meanOge(Set<String> giaCodes) throws IOException {
        return rows("results-oge-2025.csv").stream().filter(r -> giaCodes == null || giaCodes.contains(r[5]))
                .filter(r -> r[3].equals("Математика")).mapToInt(r -> Integer.parseInt(r[8])).average().orElseThrow();
    }

    private static String sha(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }
}
