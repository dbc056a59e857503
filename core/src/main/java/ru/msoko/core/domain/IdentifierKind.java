package ru.msoko.core.domain;

import java.util.regex.Pattern;

/** Kinds of school identifiers met in real files. */
public enum IdentifierKind {
    /** ФИС ОКО login: {@code sch22NNNN} up to 2021, {@code edu22NNNN} from 2022, {@code ksh…} for boarding schools. */
    FIS_OKO_LOGIN,
    /** ОГЭ/ЕГЭ school code assigned by the РЦОИ. */
    GIA_CODE,
    /** Primary state registration number (13 digits). */
    OGRN,
    /** Any other name under which the school appears in a file. */
    ALIAS;

    private static final Pattern LOGIN = Pattern.compile("(?i)(sch|edu|ksh)\\d{4,}");
    private static final Pattern OGRN_PATTERN = Pattern.compile("\\d{13}");
    private static final Pattern GIA = Pattern.compile("\\d{4,7}");

    /** Guesses the kind of an identifier from its shape. */
    public static IdentifierKind guess(String value) {
        String v = value.trim();
        if (LOGIN.matcher(v).matches()) {
            return FIS_OKO_LOGIN;
        }
        if (OGRN_PATTERN.matcher(v).matches()) {
            return OGRN;
        }
        if (GIA.matcher(v).matches()) {
            return GIA_CODE;
        }
        return ALIAS;
    }
}
