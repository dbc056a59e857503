package ru.msoko.core.objectivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.School;

/** What the rules of one run share: the data, the settings and the per-procedure summaries (computed once). */
final class AnalysisContext {

    final AnalysisData data;
    final ObjectivitySettings settings;
    private final Map<Procedure.Key, ProcedureSummary> summaries = new ConcurrentHashMap<>();
    private final Map<Procedure.Key, MarkThresholds> thresholds = new ConcurrentHashMap<>();
    private final Map<Procedure.Key, GiaLevels> giaLevels = new ConcurrentHashMap<>();
    private final Map<Procedure.Key, int[]> scoreBands = new ConcurrentHashMap<>();

    AnalysisContext(AnalysisData data, ObjectivitySettings settings) {
        this.data = data;
        this.settings = settings;
    }

    ProcedureSummary summary(ProcedureData p) {
        return summaries.computeIfAbsent(p.key, k -> new ProcedureSummary(p, minN()));
    }

    Optional<ProcedureSummary> summary(Procedure.Key key) {
        return data.procedure(key).map(this::summary);
    }

    /** The official scale's thresholds when one is imported, otherwise those the (score, mark) pairs agree on. */
    MarkThresholds thresholds(ProcedureData p) {
        return thresholds.computeIfAbsent(p.key, k -> data.scale(k).orElseGet(() -> MarkThresholds.infer(p)));
    }

    /** The school ГИА levels a diagnostic procedure is compared with (shared by A.1 and B.2). */
    GiaLevels giaLevels(ProcedureData p) {
        return giaLevels.computeIfAbsent(p.key, k -> GiaLevels.of(this, k.subjectCode(), k.grade(), k.year()));
    }

    /** Score deciles of a procedure's rows (shared by person fit and answer similarity). */
    int[] scoreBands(ProcedureData p) {
        return scoreBands.computeIfAbsent(p.key, k -> ScoreBands.of(p, ScoreBands.DECILES));
    }

    int minN() {
        return settings.getInt(Parameter.MIN_N);
    }

    School school(int index) {
        return data.school(index);
    }

    boolean profile(int school) {
        return Units.profile(data.school(school).type());
    }

    /** State exams (ОГЭ, ЕГЭ) of the subject family in the given years, any grade. */
    List<ProcedureData> stateExams(String subject, int fromYear, int toYear, ProcedureKind... kinds) {
        String family = Units.subjectFamily(subject);
        List<ProcedureData> list = new ArrayList<>();
        for (ProcedureData p : data.procedures()) {
            if (p.key.year() < fromYear || p.key.year() > toYear) {
                continue;
            }
            for (ProcedureKind k : kinds) {
                if (p.key.kind() == k && Units.subjectFamily(p.key.subjectCode()).equals(family)) {
                    list.add(p);
                }
            }
        }
        return list;
    }
}
