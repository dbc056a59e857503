package ru.msoko.app.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's overviews and the other sums the pages show the same to every user of a territory (years with
 * results, loaded procedures, the region's mean per assessment), kept until the data they are computed from
 * changes. Every change of results, zones or the directory leaves a trace in a few small counters read with one
 * cheap query: a new import (results, scales
 * that re-mark, the directory) adds an {@code import_batch} row, a rollback marks one rolled back and removes
 * aggregate rows, an analysis adds an {@code analysis_run}. An overview is reused only while these are the same;
 * archiving by the retention period changes no sum and needs no trace. The region's table otherwise sums some 20 000
 * aggregate rows per view (docs/benchmarks.md, «Page speed»).
 *
 * <p>A key names what is kept and every parameter it is computed from, the scope included: e.g.
 * {@code List.of("years", scope)}. What is kept must not change once returned (records, immutable lists and maps).
 */
@Component
public class OverviewCache {

    private static final int MAX_ENTRIES = 500;

    private final JdbcClient jdbc;
    private final Map<Object, Object> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private List<Long> version = List.of();

    OverviewCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The value for {@code key} computed from the data as it is now. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute) {
        List<Long> now = version();
        synchronized (this) {
            if (!now.equals(version)) {
                entries.clear();
                version = now;
            }
            Object cached = entries.get(key);
            if (cached != null) {
                return (T) cached;
            }
        }
        T value = compute.get();
        synchronized (this) {
            if (now.equals(version)) {
                entries.put(key, value);
            }
        }
        return value;
    }

    /** The counters every change of the dashboard's data moves. */
    List<Long> version() {
        return jdbc.sql("""
                select (select coalesce(max(id), 0) from import_batch),
                       (select count(*) from import_batch where rolled_back_at is not null),
                       (select count(*) from result_summary),
                       (select coalesce(max(id), 0) from analysis_run),
                       (select count(*) from school)""")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single();
    }
}
