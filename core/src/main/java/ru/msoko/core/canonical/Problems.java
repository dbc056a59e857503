package ru.msoko.core.canonical;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects problems of one file; keeps the first {@code limit} in detail and counts the rest. */
public final class Problems {

    private final int limit;
    private final List<Problem> kept = new ArrayList<>();
    private long total;

    public Problems(int limit) {
        this.limit = limit;
    }

    public void add(Problem p) {
        total++;
        if (kept.size() < limit) {
            kept.add(p);
        }
    }

    public boolean isEmpty() {
        return total == 0;
    }

    public long total() {
        return total;
    }

    public List<Problem> list() {
        return Collections.unmodifiableList(kept);
    }
}
