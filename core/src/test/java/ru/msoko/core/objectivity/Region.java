package ru.msoko.core.objectivity;

import java.util.List;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.SchoolContext;
import ru.msoko.core.domain.SchoolType;
import ru.msoko.core.domain.Settlement;

/** A small hand-made region for rule tests: schools and results added one by one. */
final class Region {

    private final AnalysisDataBuilder builder = new AnalysisDataBuilder();

    Region school(String code, SchoolType type) {
        builder.addSchool(new School(code, "Школа " + code, "M01", type, Settlement.CITY, SchoolContext.unknown(), List.of()));
        return this;
    }

    static Procedure.Key vpr(int year, String subject, int grade) {
        return new Procedure.Key(ProcedureKind.VPR, year, subject, grade);
    }

    /** A result with a primary score, a mark and a journal mark (any may be null). */
    Region result(Procedure.Key key, String school, String participant, Double primary, Integer mark, Integer journal) {
        builder.add(new Result(key, school, participant, null, null, null, null, false, null, primary, null, mark, null,
                journal, null, Result.Flags.NONE, null, null, null));
        return this;
    }

    /** A result with a primary score out of {@code max} points, written with or without an observer in the room. */
    Region observed(Procedure.Key key, String school, String participant, double primary, double max, boolean observed) {
        builder.add(new Result(key, school, participant, null, null, null, null, false, null, primary, null, null, null,
                null, null, new Result.Flags(false, false, false, observed), null, max, null));
        return this;
    }

    void scale(ru.msoko.core.scales.MarkScale scale) {
        builder.addScale(scale);
    }

    AnalysisData build() {
        return builder.build();
    }

    static AnalysisResult analyse(AnalysisData data) {
        return new ObjectivityEngine(ObjectivitySettings.defaults()).analyse(data, List.of());
    }

    static List<Sign> signs(AnalysisResult result, SignCode code) {
        return result.signs().stream().filter(s -> s.code() == code).toList();
    }
}
