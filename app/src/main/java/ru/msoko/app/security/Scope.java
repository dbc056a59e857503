package ru.msoko.app.security;

/**
 * The territory a user may see: the whole region, one municipality or one school. Every query over
 * schools and results takes a Scope and filters by it (see {@link #sqlParams}), so scoping lives in
 * the repositories and not in each controller.
 */
public record Scope(Role role, long municipalityId, long schoolId) {

    /** Ids that match nothing, used for the levels a user does not have. */
    private static final long NONE = -1;

    public static Scope region() {
        return new Scope(Role.REGION, NONE, NONE);
    }

    public static Scope municipality(long id) {
        return new Scope(Role.MUNICIPALITY, id, NONE);
    }

    public static Scope school(long municipalityId, long schoolId) {
        return new Scope(Role.SCHOOL, municipalityId, schoolId);
    }

    public boolean isRegion() {
        return role == Role.REGION;
    }

    /**
     * SQL condition over a school alias {@code s}: append to a query and bind {@link #sqlParams}.
     * One condition for all three levels keeps the SQL constant (no string building per role).
     */
    public static final String SCHOOL_CONDITION =
            "(:scopeAll = true or s.municipality_id = :scopeMunicipality and :scopeSchool = -1 or s.id = :scopeSchool)";

    public java.util.Map<String, Object> sqlParams() {
        return java.util.Map.of("scopeAll", isRegion(),
                "scopeMunicipality", role == Role.MUNICIPALITY ? municipalityId : NONE,
                "scopeSchool", role == Role.SCHOOL ? schoolId : NONE);
    }

    public boolean allowsMunicipality(long id) {
        return isRegion() || role == Role.MUNICIPALITY && municipalityId == id;
    }
}
