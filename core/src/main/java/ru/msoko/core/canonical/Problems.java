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

    public Problems(int limit) {
        this.limit = limit;
    }

    public synchronized void add(Problem p) {
        total++;
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
}
