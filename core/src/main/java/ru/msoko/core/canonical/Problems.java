package ru.msoko.core.canonical;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems of one file; keeps the first {@code limit} in detail and counts the rest. Thread-safe: the
 * importer reads a file on one thread while it writes on another, and both report problems.
 */
public final class Problems {

    private final int limit;
    private final List<Problem> kept = new ArrayList<>();
    private long total;
    private final java.util.Set<Long> rows = new java.util.HashSet<>();
    private boolean wholeFile;

    public Problems(int limit) {
        this.limit = limit;
    }

    public synchronized void add(Problem p) {
        total++;
        if (p.row() > 0) {
            rows.add(p.row());
        } else {
            wholeFile = true;
        }
        if (kept.size() < limit) {
            kept.add(p);
        }
    }

    public synchronized boolean isEmpty() {
        return total == 0;
    }

    public synchronized long total() {
        return total;
    }

    public synchronized List<Problem> list() {
        return List.copyOf(kept);
    }

    /** Whether some problem is about this row of the file. */
    public synchronized boolean hasProblemAt(long row) {
        return rows.contains(row);
    }

    /**
     * Whether every problem is about a single row and every one is listed: only then can the rest of the file be
     * trusted and the listed rows left out.
     */
    public synchronized boolean onlyListedRows() {
        return !wholeFile && total == kept.size();
    }

    /** How many rows have at least one problem. */
    public synchronized int rowsWithProblems() {
        return rows.size();
    }
}
