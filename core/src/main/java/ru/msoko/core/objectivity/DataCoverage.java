package ru.msoko.core.objectivity;

import java.util.HashMap;
import java.util.Map;

/** Whether a school had, in a year, at least one procedure with enough participants for the statistics. */
final class DataCoverage {

    boolean sufficient;

    static Map<String, Map<Integer, DataCoverage>> of(AnalysisContext ctx) {
        Map<String, Map<Integer, DataCoverage>> out = new HashMap<>();
        for (ProcedureData p : ctx.data.procedures()) {
            if (p.key.kind().isOlympiad()) {
                continue;
            }
            for (int s = 0; s < p.schoolCount(); s++) {
                DataCoverage c = out.computeIfAbsent(ctx.school(p.schools[s]).code(), k -> new HashMap<>())
                        .computeIfAbsent(p.key.year(), k -> new DataCoverage());
                c.sufficient |= p.starts[s + 1] - p.starts[s] >= ctx.minN();
            }
        }
        return out;
    }
}
