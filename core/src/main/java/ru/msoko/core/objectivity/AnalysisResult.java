package ru.msoko.core.objectivity;

import java.util.List;

/** What one run produced, with what it was made by: the method version and the full settings. */
public record AnalysisResult(String methodVersion, ObjectivitySettings settings, List<Integer> years, List<Sign> signs,
                             List<RiskAssessment> risk, List<BunchingRow> bunching, int results) {
}
