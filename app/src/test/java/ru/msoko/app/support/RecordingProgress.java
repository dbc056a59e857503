package ru.msoko.app.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import ru.msoko.core.progress.Progress;

/** Every report a service made, in order: (phase, units done, total) after each call. */
public final class RecordingProgress implements Progress {

    public record Report(String phase, long done, long total) {
    }

    private final List<Report> reports = Collections.synchronizedList(new ArrayList<>());
    private String phase = "";
    private long total;

    @Override
    public synchronized void phase(String name, long total) {
        this.phase = name;
        this.total = total;
        reports.add(new Report(name, 0, total));
    }

    @Override
    public synchronized void done(long units) {
        reports.add(new Report(phase, units, total));
    }

    @Override
    public synchronized void step(String name, long done, long total) {
        this.phase = name;
        this.total = total;
        reports.add(new Report(name, done, total));
    }

    public List<Report> reports() {
        return List.copyOf(reports);
    }

    /** The reports of one phase, in order. */
    public List<Report> of(String name) {
        return reports().stream().filter(r -> r.phase().equals(name)).toList();
    }

    /** The phases in the order they began (each once). */
    public List<String> phases() {
        return reports().stream().map(Report::phase).distinct().toList();
    }
}
