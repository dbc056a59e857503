package ru.msoko.core.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** Reads the files a generated region holds, as the tests need them: streamed rows, the ground truth. */
final class RegionFiles {

    /** Types of the schools that may manipulate (the honest schools of these types are the matched pool). */
    static final Set<String> ORDINARY = Set.of("СОШ", "СОШ с УИОП", "ООШ", "интернат");

    final Path dir;
    /** schools.csv rows by school code. */
    final Map<String, String[]> schools = new HashMap<>();
    /** ГИА code → school code. */
    final Map<String, String> byGiaCode = new HashMap<>();
    /** planted.csv rows. */
    final List<String[]> planted = new ArrayList<>();
    /** "code;year" → "KIND/STRENGTH" of the manipulation going on then. */
    final Map<String, String> manipulated = new HashMap<>();
    /** "KIND/STRENGTH" → school codes. */
    final Map<String, Set<String>> manipulators = new HashMap<>();
    /** trap kind → school codes. */
    final Map<String, Set<String>> traps = new HashMap<>();
    /** Schools with any row in the ground truth. */
    final Set<String> listed = new HashSet<>();

    RegionFiles(Path dir) {
        this.dir = dir;
        rows("schools.csv", (h, r) -> {
            schools.put(r[0], r);
            byGiaCode.put(r[4].replaceAll(".*\\|", ""), r[0]);
        });
        rows("planted.csv", (h, r) -> {
            planted.add(r);
            listed.add(r[0]);
            if (r[2].equals("manipulation")) {
                manipulated.put(r[0] + ";" + r[1], r[3] + "/" + r[4]);
                manipulators.computeIfAbsent(r[3] + "/" + r[4], k -> new HashSet<>()).add(r[0]);
            } else {
                traps.computeIfAbsent(r[3], k -> new HashSet<>()).add(r[0]);
            }
        });
    }

    /** Pupils per grade of a school, from the directory (pupils / grades the type teaches). */
    int perGrade(String code) {
        String[] s = schools.get(code);
        int grades = switch (s[5]) {
            case "НОШ" -> 4;
            case "ООШ" -> 9;
            case "вечерняя" -> 3;
            default -> 11;
        };
        return Integer.parseInt(s[7]) / grades;
    }

    /** An ordinary school with 15+ pupils per grade that appears nowhere in the ground truth. */
    boolean matchedHonest(String code) {
        return ORDINARY.contains(schools.get(code)[5]) && perGrade(code) >= 15
                && !listed.contains(code);
    }

    /** Streams the data rows of a file with its header; fields split on ';' (result files hold no quotes). */
    void rows(String file, BiConsumer<List<String>, String[]> row) {
        try (BufferedReader in = Files.newBufferedReader(dir.resolve(file))) {
            List<String> header = List.of(in.readLine().split(";", -1));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                row.accept(header, line.split(";", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
