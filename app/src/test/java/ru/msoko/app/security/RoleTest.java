package ru.msoko.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.msoko.app.security.Permission.ANALYZE;
import static ru.msoko.app.security.Permission.AUDIT;
import static ru.msoko.app.security.Permission.IMPORT;
import static ru.msoko.app.security.Permission.MANAGE_USERS;
import static ru.msoko.app.security.Permission.PUPIL_DATA;
import static ru.msoko.app.security.Permission.SETTINGS;
import static ru.msoko.app.security.Permission.VIEW;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The role table of issue #6 (docs/ru/user-guide.md «Роли и права»), written out once more by hand. */
class RoleTest {

    @Test
    void eachRoleHasExactlyThePermissionsOfTheTable() {
        Map<Role, Set<Permission>> table = Map.of(
                Role.REGION_ADMIN, EnumSet.of(VIEW, IMPORT, ANALYZE, MANAGE_USERS, AUDIT, PUPIL_DATA, SETTINGS),
                Role.REGION_ANALYST, EnumSet.of(VIEW, IMPORT, ANALYZE, PUPIL_DATA),
                Role.MUNICIPALITY_ADMIN, EnumSet.of(VIEW, IMPORT, MANAGE_USERS, AUDIT, PUPIL_DATA),
                Role.MUNICIPALITY_ANALYST, EnumSet.of(VIEW, IMPORT, PUPIL_DATA),
                Role.SCHOOL, EnumSet.of(VIEW),
                Role.EXPERT, EnumSet.of(VIEW, PUPIL_DATA),
                Role.OBSERVER, EnumSet.of(VIEW),
                Role.AUDITOR, EnumSet.of(VIEW, AUDIT));
        assertThat(table).hasSize(Role.values().length);
        table.forEach((role, permissions) -> assertThat(role.permissions()).as(role.name()).isEqualTo(permissions));
        assertThat(Role.MUNICIPALITY_ANALYST.title()).isEqualTo("аналитик муниципалитета");
    }

    @Test
    void authoritiesAreTheRoleAndItsPermissions() {
        MsokoUser u = new MsokoUser(1, "a", "h", "А", Role.AUDITOR, null, null, true);
        assertThat(u.getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_AUDITOR", "PERM_VIEW", "PERM_AUDIT");
    }

    @Test
    void theTerritoryComesFromTheRoleAndTheIdsOfTheAccount() {
        assertThat(Scope.of(Role.REGION_ADMIN, 5L, 7L)).isEqualTo(Scope.region());
        assertThat(Scope.of(Role.MUNICIPALITY_ANALYST, 5L, 7L)).isEqualTo(Scope.municipality(5));
        assertThat(Scope.of(Role.SCHOOL, 5L, 7L)).isEqualTo(Scope.school(5, 7));
        // the expert: the region, or a municipality when the account names one
        assertThat(Scope.of(Role.EXPERT, null, null)).isEqualTo(Scope.region());
        assertThat(Scope.of(Role.EXPERT, 5L, null)).isEqualTo(Scope.municipality(5));
        // the observer: a municipality, or a school when the account names one
        assertThat(Scope.of(Role.OBSERVER, 5L, null)).isEqualTo(Scope.municipality(5));
        assertThat(Scope.of(Role.OBSERVER, 5L, 7L)).isEqualTo(Scope.school(5, 7));
        assertThat(Scope.of(Role.AUDITOR, 5L, null)).isEqualTo(Scope.region());
    }

    @Test
    void anAccountWithoutTheIdsItsRoleNeedsSeesNothing() {
        for (Scope s : new Scope[] {Scope.of(Role.MUNICIPALITY_ADMIN, null, null), Scope.of(Role.SCHOOL, 5L, null),
                Scope.of(Role.OBSERVER, null, null)}) {
            assertThat(s.isRegion()).isFalse();
            assertThat(s.sqlParams()).containsEntry("scopeAll", false);
            assertThat(s.sqlParams().get("scopeMunicipality")).isEqualTo(-1L);
            assertThat(s.sqlParams().get("scopeSchool")).isEqualTo(-1L);
        }
    }

    @Test
    void theRulesGuardThePlannedPagesAndTheNarrowRuleComesFirst() {
        assertThat(AccessRules.allows(Role.MUNICIPALITY_ANALYST, org.springframework.http.HttpMethod.GET,
                "/imports/rejections/3.xlsx")).isTrue();
        assertThat(AccessRules.allows(Role.EXPERT, org.springframework.http.HttpMethod.GET,
                "/imports/rejections/3.xlsx")).isFalse();
        assertThat(AccessRules.allows(Role.MUNICIPALITY_ADMIN, org.springframework.http.HttpMethod.POST,
                "/admin/users/4/unlock")).isTrue();
        assertThat(AccessRules.allows(Role.MUNICIPALITY_ADMIN, org.springframework.http.HttpMethod.GET,
                "/admin/settings")).isFalse();
        assertThat(AccessRules.allows(Role.AUDITOR, org.springframework.http.HttpMethod.GET, "/audit")).isTrue();
        assertThat(AccessRules.allows(Role.REGION_ANALYST, org.springframework.http.HttpMethod.GET, "/audit")).isFalse();
        assertThat(AccessRules.allows(null, org.springframework.http.HttpMethod.GET, "/login")).isTrue();
        assertThat(AccessRules.allows(null, org.springframework.http.HttpMethod.GET, "/")).isFalse();
    }
}
