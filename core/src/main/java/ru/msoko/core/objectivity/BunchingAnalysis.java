package ru.msoko.core.objectivity;

import java.util.List;
import java.util.Set;

final class BunchingAnalysis {
    private BunchingAnalysis() {
    }

    static List<BunchingRow> of(AnalysisContext ctx, Set<Integer> years) {
        return List.of();
    }
}
