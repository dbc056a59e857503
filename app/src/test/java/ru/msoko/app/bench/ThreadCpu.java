package ru.msoko.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of the process's threads, JVM threads included (JIT compilers, GC), grouped by name, from
 * {@code /proc/self/task} (Linux; elsewhere empty). Shows a benchmark where its seconds go.
 */
final class ThreadCpu {

    private ThreadCpu() {
    }

    /** Clock ticks used so far, by thread group. */
    static Map<String, Long> byGroup() {
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(group(name), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while it was listed
                }
            });
        } catch (IOException notLinux) {
            return ticks;
        }
        return ticks;
    }

    private static String group(String name) {
        if (name.startsWith("C1 Comp") || name.startsWith("C2 Comp")) {
            return "JIT";
        }
        if (name.startsWith("GC ") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return "GC";
        }
        if (name.startsWith("msoko-import")) {
            return "reader";
        }
        if (name.equals("main") || name.equals("java")) {
            return "writer";
        }
        if (name.startsWith("H2-") || name.startsWith("MVStore")) { // H2's background writer: H2-save, H2-serialization
            return "H2 store";
        }
        return Boolean.getBoolean("bench.threads") ? name : "other";
    }

    /** «reader 5.1 s, writer 4.0 s, …»: the seconds each group used since {@code before}, largest first. */
    static String since(Map<String, Long> before) {
        Map<String, Long> now = byGroup();
        return now.entrySet().stream()
                // a thread that ended in between (each file's reader) takes its ticks with it: never below zero
                .map(e -> Map.entry(e.getKey(), Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L))))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue() / 100.0))
                .collect(Collectors.joining(", "));
    }
}
