package ru.msoko.app.jobs;

import java.util.concurrent.atomic.AtomicReference;
import ru.msoko.core.progress.Progress;

/**
 * The live progress of one running job, written by the worker and read by the pages: one immutable snapshot
 * swapped atomically, so a reader never sees a phase with another phase's units. Within a phase the units done
 * never decrease and never pass the total.
 */
final class JobProgress implements Progress {

    /** Phase, units done, units in all (0 when not known). */
    record Snapshot(String phase, long done, long total) {
    }

    private final AtomicReference<Snapshot> now;

    JobProgress(String phase) {
        now = new AtomicReference<>(new Snapshot(phase, 0, UNKNOWN));
    }

    @Override
    public void phase(String name, long total) {
        now.set(new Snapshot(name, 0, Math.max(total, UNKNOWN)));
    }

    @Override
    public void step(String name, long done, long total) {
        long t = Math.max(total, UNKNOWN);
        now.set(new Snapshot(name, t > 0 ? Math.min(Math.max(done, 0), t) : Math.max(done, 0), t));
    }

    @Override
    public void done(long units) {
        Snapshot s = now.get();
        long capped = s.total() > 0 ? Math.min(units, s.total()) : units;
        while (capped > s.done() && !now.compareAndSet(s, new Snapshot(s.phase(), capped, s.total()))) {
            s = now.get();
            capped = s.total() > 0 ? Math.min(units, s.total()) : units;
        }
    }

    Snapshot snapshot() {
        return now.get();
    }
}
