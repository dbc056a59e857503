package ru.msoko.core.objectivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.School;

/** Everything one analysis reads: the schools and the results of every procedure, as columns. */
public final class AnalysisData {

    private final List<School> schools;
    private final Map<Procedure.Key, ProcedureData> procedures;
    private final Map<Procedure.Key, MarkThresholds> scales;

    AnalysisData(List<School> schools, Map<Procedure.Key, ProcedureData> procedures,
                 Map<Procedure.Key, MarkThresholds> scales) {
        this.schools = List.copyOf(schools);
        this.procedures = Map.copyOf(procedures);
        this.scales = Map.copyOf(scales);
    }

    /** The thresholds of the procedure's imported official scale, if one was given. */
    Optional<MarkThresholds> scale(Procedure.Key key) {
        return Optional.ofNullable(scales.get(key));
    }

    /** How many procedures have an imported official scale. */
    public int scaleCount() {
        return scales.size();
    }

    public List<School> schools() {
        return schools;
    }

    School school(int index) {
        return schools.get(index);
    }

    public int resultCount() {
        return procedures.values().stream().mapToInt(ProcedureData::size).sum();
    }

    public SortedSet<Integer> years() {
        SortedSet<Integer> years = new TreeSet<>();
        procedures.keySet().forEach(k -> years.add(k.year()));
        return years;
    }

    Optional<ProcedureData> procedure(Procedure.Key key) {
        return Optional.ofNullable(procedures.get(key));
    }

    /** Procedures of one kind and year, in a stable order (subject, grade). */
    List<ProcedureData> procedures(ProcedureKind kind, int year) {
        List<ProcedureData> list = new ArrayList<>();
        for (ProcedureData p : procedures.values()) {
            if (p.key.kind() == kind && p.key.year() == year) {
                list.add(p);
            }
        }
        list.sort(Units.PROCEDURE_ORDER);
        return list;
    }

    List<ProcedureData> procedures() {
        List<ProcedureData> list = new ArrayList<>(procedures.values());
        list.sort(Units.PROCEDURE_ORDER);
        return list;
    }
}
