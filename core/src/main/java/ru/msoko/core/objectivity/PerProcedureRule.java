package ru.msoko.core.objectivity;

import java.util.ArrayList;
import java.util.List;

/** A rule that tests each procedure of the year on its own. */
interface PerProcedureRule extends Rule {

    /** Whether the rule applies to this procedure (its year is already the analysed one). */
    boolean appliesTo(ProcedureData p);

    void apply(AnalysisContext ctx, ProcedureData p, List<Finding> out);

    @Override
    default List<Finding> apply(AnalysisContext ctx, int year) {
        List<Finding> out = new ArrayList<>();
        for (ProcedureData p : ctx.data.procedures()) {
            if (p.key.year() == year && appliesTo(p)) {
                apply(ctx, p, out);
            }
        }
        return out;
    }
}
