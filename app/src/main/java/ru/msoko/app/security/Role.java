package ru.msoko.app.security;

import static ru.msoko.app.security.Permission.ANALYZE;
import static ru.msoko.app.security.Permission.AUDIT;
import static ru.msoko.app.security.Permission.IMPORT;
import static ru.msoko.app.security.Permission.MANAGE_USERS;
import static ru.msoko.app.security.Permission.PUPIL_DATA;
import static ru.msoko.app.security.Permission.SETTINGS;
import static ru.msoko.app.security.Permission.VIEW;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The eight roles of an installation: a Russian title, the territory levels the role may work on (the one an
 * account gets is decided by {@link #territory}) and its permissions. Stored in {@code app_user.role} by name.
 */
public enum Role {
    REGION_ADMIN("региональный администратор", List.of(Territory.REGION),
            EnumSet.of(VIEW, IMPORT, ANALYZE, MANAGE_USERS, AUDIT, PUPIL_DATA, SETTINGS)),
    REGION_ANALYST("региональный аналитик", List.of(Territory.REGION),
            EnumSet.of(VIEW, IMPORT, ANALYZE, PUPIL_DATA)),
    MUNICIPALITY_ADMIN("администратор муниципалитета", List.of(Territory.MUNICIPALITY),
            EnumSet.of(VIEW, IMPORT, MANAGE_USERS, AUDIT, PUPIL_DATA)),
    MUNICIPALITY_ANALYST("аналитик муниципалитета", List.of(Territory.MUNICIPALITY),
            EnumSet.of(VIEW, IMPORT, PUPIL_DATA)),
    SCHOOL("школа (директор, заместитель)", List.of(Territory.SCHOOL), EnumSet.of(VIEW)),
    EXPERT("эксперт", List.of(Territory.REGION, Territory.MUNICIPALITY), EnumSet.of(VIEW, PUPIL_DATA)),
    OBSERVER("наблюдатель", List.of(Territory.MUNICIPALITY, Territory.SCHOOL), EnumSet.of(VIEW)),
    AUDITOR("аудитор (только чтение)", List.of(Territory.REGION), EnumSet.of(VIEW, AUDIT));

    private final String title;
    private final List<Territory> levels;
    private final Set<Permission> permissions;

    Role(String title, List<Territory> levels, Set<Permission> permissions) {
        this.title = title;
        this.levels = levels;
        this.permissions = permissions;
    }

    public String title() {
        return title;
    }

    /** The territory levels an account of this role may have, widest first. */
    public List<Territory> levels() {
        return levels;
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }

    public boolean can(Permission p) {
        return permissions.contains(p);
    }

    /**
     * The territory level of an account of this role: the narrowest of the role's levels for which the account
     * has an id (a school id for SCHOOL, a municipality id for MUNICIPALITY; REGION needs none). An account
     * missing the id its role needs gets the narrowest level anyway, and its scope then matches nothing.
     */
    public Territory territory(Long municipalityId, Long schoolId) {
        for (int i = levels.size() - 1; i >= 0; i--) {
            Territory t = levels.get(i);
            if (t == Territory.REGION || t == Territory.MUNICIPALITY && municipalityId != null
                    || t == Territory.SCHOOL && schoolId != null) {
                return t;
            }
        }
        return levels.get(levels.size() - 1);
    }
}
