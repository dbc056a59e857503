package ru.msoko.core.objectivity;

import java.util.Comparator;
import java.util.Locale;
import ru.msoko.core.domain.SchoolType;

/** Small shared rules about procedures, subjects and school types. */
final class Units {

    static final Comparator<ProcedureData> PROCEDURE_ORDER = Comparator
            .comparing((ProcedureData p) -> p.key.kind())
            .thenComparingInt(p -> p.key.year())
            .thenComparing(p -> p.key.subjectCode())
            .thenComparingInt(p -> p.key.grade());

    private Units() {
    }

    /**
     * The subject without its level, so that a ВПР in «Математика» finds the ОГЭ in «Математика» and
     * the ЕГЭ in «Математика (профильная)» or «Математика (базовая)».
     */
    static String subjectFamily(String subject) {
        String s = subject.toLowerCase(Locale.ROOT).replace('ё', 'е');
        int bracket = s.indexOf('(');
        if (bracket > 0) {
            s = s.substring(0, bracket);
        }
        s = s.replace("базовая", "").replace("профильная", "").replace("базового уровня", "")
                .replace("профильного уровня", "");
        return s.trim().replaceAll("\\s+", " ");
    }

    /**
     * Profile schools (лицей, гимназия, УИОП) are exempt from A.1 and B.2 (the Rosobrnadzor wording):
     * the sign is computed and shown with «не учитывается (профильная ОО)».
     */
    static boolean profile(SchoolType type) {
        return type == SchoolType.GYMNASIUM || type == SchoolType.LYCEUM || type == SchoolType.SOSH_UIOP;
    }
}
