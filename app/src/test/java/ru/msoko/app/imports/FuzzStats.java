package ru.msoko.app.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fuzzing counts of one test JVM: inputs tried, how they ended, and every failure found (crash: an exception
 * other than the documented rejection, or a try over its time limit; partial write: a rejected import that changed
 * the database; invalid row: an accepted import that stored a row breaking an invariant; bad message: a rejection
 * whose message is not Russian text naming the file).
 */
final class FuzzStats {

    static final AtomicLong TRIED = new AtomicLong();
    static final AtomicLong ACCEPTED = new AtomicLong();
    static final AtomicLong REJECTED = new AtomicLong();
    static final AtomicLong CRASHES = new AtomicLong();
    static final AtomicLong PARTIAL_WRITES = new AtomicLong();
    static final AtomicLong INVALID_ROWS = new AtomicLong();
    static final AtomicLong BAD_MESSAGES = new AtomicLong();
    static final AtomicLong CORE_TRIED = new AtomicLong();
    static final AtomicLong RESET_NANOS = new AtomicLong();
    static final AtomicLong IMPORT_NANOS = new AtomicLong();
    private static final Map<String, Long> BY_FORMAT = new TreeMap<>();
    private static final List<String> FAILURES = new ArrayList<>();

    private FuzzStats() {
    }

    static synchronized void format(String format) {
        BY_FORMAT.merge(format, 1L, Long::sum);
    }

    static synchronized void failure(String what) {
        if (FAILURES.size() < 200) {
            FAILURES.add(what);
        }
    }

    static synchronized String summary() {
        StringBuilder sb = new StringBuilder("\n=== fuzzing: inputs tried ").append(TRIED.get())
                .append(" (accepted ").append(ACCEPTED.get()).append(", rejected ").append(REJECTED.get())
                .append("), crashes ").append(CRASHES.get()).append(", partial writes ").append(PARTIAL_WRITES.get())
                .append(", invalid rows stored ").append(INVALID_ROWS.get()).append(", bad messages ")
                .append(BAD_MESSAGES.get()).append("; core reader inputs ").append(CORE_TRIED.get()).append("; time in resets ")
                .append(RESET_NANOS.get() / 1_000_000).append(" ms, in imports ").append(IMPORT_NANOS.get() / 1_000_000)
                .append(" ms\n");
        BY_FORMAT.forEach((f, n) -> sb.append("    ").append(n).append(" × ").append(f).append('\n'));
        FAILURES.forEach(f -> sb.append("  FAILURE ").append(f).append('\n'));
        return sb.toString();
    }
}
