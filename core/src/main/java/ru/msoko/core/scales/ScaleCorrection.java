package ru.msoko.core.scales;

import java.util.Objects;
import ru.msoko.core.domain.ProcedureKind;

/**
 * A person's confirmed correction of one band of an official scale (a typo in the published document),
 * applied when the scale is loaded and kept with the scale: who confirmed it and why.
 */
public record ScaleCorrection(ProcedureKind kind, int year, String subjectCode, int grade, String variant, int mark,
                              int from, int to, String confirmedBy, String reason) {

    public ScaleCorrection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectCode, "subjectCode");
        variant = variant == null ? "" : variant.trim();
        if (confirmedBy == null || confirmedBy.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("исправление шкалы должно быть подтверждено: укажите, кто его "
                    + "подтвердил (confirmed_by) и почему (reason)");
        }
    }

    boolean appliesTo(ProcedureKind k, int y, String subject, int g, String v) {
        return kind == k && year == y && subjectCode.equals(subject) && grade == g && variant.equals(v == null ? "" : v);
    }

    /** «исправлено: «5» 35–40 → 36–40 (подтвердил: Иванова И. И., причина: опечатка в PDF)». */
    String describe(MarkScale.Band before) {
        return "исправлено: «" + mark + "» " + before.from() + "–" + before.to() + " → " + from + "–" + to
                + " (подтвердил: " + confirmedBy.trim() + ", причина: " + reason.trim() + ")";
    }
}
