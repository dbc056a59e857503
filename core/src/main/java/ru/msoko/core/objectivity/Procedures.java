package ru.msoko.core.objectivity;

import ru.msoko.core.domain.ProcedureKind;

/** Which procedure kinds each family of rules applies to. */
final class Procedures {

    private Procedures() {
    }

    /** Diagnostic works checked by the school itself: ВПР and its regional and municipal kin. */
    static boolean isDiagnostic(ProcedureKind kind) {
        return switch (kind) {
            case VPR, NIKO, RDR, RPR, MPR -> true;
            default -> false;
        };
    }
}
