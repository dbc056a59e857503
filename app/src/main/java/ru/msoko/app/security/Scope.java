package ru.msoko.app.security;

import java.util.Map;

/**
 * The territory a user may see: the whole region, one municipality or one school. Every query over
 * schools and results takes a Scope and filters by it (see {@link #sqlParams}), so scoping lives in
 * the repositories and not in each controller.
 */
public record Scope(Territory level, long municipalityId, long schoolId) {

    /** Ids that match nothing, used for the levels a user does not have. */
    private static final long NONE = -1;

    public static Scope region() {
        return new Scope(Territory.REGION, NONE, NONE);
    }

    public static Scope municipality(long id) {
        return new Scope(Territory.MUNICIPALITY, id, NONE);
    }

    public static Scope school(long municipalityId, long schoolId) {
        return new Scope(Territory.SCHOOL, municipalityId, schoolId);
    }

    /** The scope of an account: its role's territory level, with the account's ids (a missing id matches nothing). */
    public static Scope of(Role role, Long municipalityId, Long schoolId) {
        long m = municipalityId == null ? NONE : municipalityId;
        long s = schoolId == null ? NONE : schoolId;
        return switch (role.territory(municipalityId, schoolId)) {
            case REGION -> region();
            case MUNICIPALITY -> municipality(m);
            case SCHOOL -> school(m, s);
        };
    }

    public boolean isRegion() {
        return level == Territory.REGION;
    }

    public boolean isSchool() {
        return level == Territory.SCHOOL;
    }

    /**
     * SQL condition over a school alias {@code s}: append to a query and bind {@link #sqlParams}.
     * One condition for all three levels keeps the SQL constant (no string building per role).
     */
    public static final String SCHOOL_CONDITION =
            "(:scopeAll = true or s.municipality_id = :scopeMunicipality and :scopeSchool = -1 or s.id = :scopeSchool)";

    /**
     * SQL condition over a column holding the login of whoever made a record (an import, a rejected attempt): the
     * region sees every record, a municipality those made by users of that municipality (its own and its schools'
     * accounts), a school nothing. Records made outside the web app (the command line, the demo) belong to the
     * region. Bind {@link #sqlParams}.
     */
    public static String madeByCondition(String loginColumn) {
        return """
                (:scopeAll = true or exists (select 1 from app_user su left join school sus on sus.id = su.school_id
                 where su.username = %s and coalesce(su.municipality_id, sus.municipality_id) = :scopeMunicipality
                 and :scopeSchool = -1))""".formatted(loginColumn);
    }

    public Map<String, Object> sqlParams() {
        return Map.of("scopeAll", isRegion(),
                "scopeMunicipality", level == Territory.MUNICIPALITY ? municipalityId : NONE,
                "scopeSchool", level == Territory.SCHOOL ? schoolId : NONE);
    }

    public boolean allowsMunicipality(long id) {
        return isRegion() || level == Territory.MUNICIPALITY && municipalityId == id;
    }
}
