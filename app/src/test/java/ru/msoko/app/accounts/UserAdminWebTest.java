package ru.msoko.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.security.Role;
import ru.msoko.app.support.TerritoryWebTest;

/**
 * User management as the region administrator {@code r}, the administrator of M01 {@code m} and others. Fixture
 * territory (Fixtures.SCHOOLS): M01 has edu220001 and edu220002, M02 has edu220003.
 */
class UserAdminWebTest extends TerritoryWebTest {

    private static final String PW = "Kx9-mirt-plov";

    @Autowired
    LoginAttempts attempts;
    @Autowired
    AccountRepository accounts;
    @Autowired
    UserAdmin admin;

    private long m01;
    private long m02;
    private long school1;
    private long school3;

    @BeforeEach
    void ids() {
        m01 = id("select id from municipality where code = 'M01'");
        m02 = id("select id from municipality where code = 'M02'");
        school1 = id("select id from school where code = 'edu220001'");
        school3 = id("select id from school where code = 'edu220003'");
        // a second municipality's administrator and a school user there, for the scope tests
        users.create("m2", encoder.encode("secret-pass"), "Каменский район", Role.MUNICIPALITY_ADMIN, m02, null);
        users.create("s3", encoder.encode("secret-pass"), "Берёзовская ООШ", Role.SCHOOL, m02, school3);
    }

    private ResultActions create(MsokoUser as, String username, Role role, String place, String password)
            throws Exception {
        return mvc.perform(post("/admin/users").with(user(as)).with(csrf()).param("username", username)
                .param("fullName", "Новый пользователь").param("role", role.name()).param("place", place)
                .param("password", password));
    }

    private boolean exists(String username) {
        return users.find(username).isPresent();
    }

    @Test
    void onlyUsersWhoManageUsersOpenThePages() throws Exception {
        mvc.perform(get("/admin/users").with(user(region))).andExpect(status().isOk());
        mvc.perform(get("/admin/users").with(user(municipality))).andExpect(status().isOk());
        mvc.perform(get("/admin/users").with(user(school))).andExpect(status().isForbidden());
        create(school, "x1", Role.SCHOOL, "s:" + school1, PW).andExpect(status().isForbidden());
        assertThat(exists("x1")).isFalse();
    }

    @Test
    void everyFormOfThePageCarriesTheCsrfTokenAndTheMenuLinksToItForManagersOnly() throws Exception {
        String page = mvc.perform(get("/admin/users").with(user(municipality))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        int forms = page.split("<form").length - 1;
        int tokens = page.split("name=\"_csrf\"").length - 1;
        // M01's administrator sees m and s: per user disable + password (none is locked or disabled), the
        // create form and the logout and search forms of the header (search is GET and has no token)
        assertThat(forms).isEqualTo(2 * 2 + 1 + 2);
        assertThat(tokens).isEqualTo(forms - 1);
        assertThat(page).contains("href=\"/admin/users\"");
        mvc.perform(get("/").with(user(school)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/admin/users\""))));
    }

    @Test
    void changesNeedTheCsrfToken() throws Exception {
        mvc.perform(post("/admin/users").with(user(region)).param("username", "x2").param("fullName", "X")
                .param("role", "SCHOOL").param("place", "s:" + school1).param("password", PW))
                .andExpect(status().isForbidden());
        assertThat(exists("x2")).isFalse();
    }

    @Test
    void theRegionSeesEveryoneAMunicipalitySeesOnlyItsOwn() throws Exception {
        mvc.perform(get("/admin/users").with(user(region)))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString(">m2<"),
                        Matchers.containsString(">s3<"), Matchers.containsString(">r<"))));
        // M01's administrator: itself and the school user of edu220001; not the region, not M02's accounts
        List<String> seen = admin.list(municipality).stream().map(UserAdmin.UserRow::username).toList();
        assertThat(seen).containsExactly("m", "s");
        mvc.perform(get("/admin/users").with(user(municipality)))
                .andExpect(content().string(Matchers.allOf(Matchers.not(Matchers.containsString(">m2<")),
                        Matchers.not(Matchers.containsString(">s3<")), Matchers.not(Matchers.containsString(">r<")))))
                // the territory choice offers M01 and its two schools only
                .andExpect(content().string(Matchers.not(Matchers.containsString("value=\"s:" + school3 + "\""))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("value=\"region\""))));
    }

    @Test
    void aMunicipalityAdminCreatesUsersForItsSchoolsAndItself() throws Exception {
        create(municipality, "school1.head", Role.SCHOOL, "s:" + school1, PW)
                .andExpect(redirectedUrl("/admin/users")).andExpect(flash().attribute("message",
                        "Пользователь «school1.head» создан."));
        MsokoUser made = users.find("school1.head").orElseThrow();
        assertThat(made.scope().schoolId()).isEqualTo(school1);
        assertThat(accounts.passwordChangedAt("school1.head")).isPresent();
        create(municipality, "m01.analyst", Role.MUNICIPALITY_ANALYST, "m:" + m01, PW)
                .andExpect(flash().attributeExists("message"));
        assertThat(users.find("m01.analyst").orElseThrow().scope().municipalityId()).isEqualTo(m01);
    }

    @Test
    void aMunicipalityAdminCannotCreateARegionUserOrOneForAnotherMunicipality() throws Exception {
        create(municipality, "x3", Role.REGION_ANALYST, "region", PW)
                .andExpect(flash().attribute("errors", List.of("Эту роль вы назначить не можете: она выше вашей.")));
        create(municipality, "x4", Role.MUNICIPALITY_ANALYST, "region", PW)
                .andExpect(flash().attribute("errors",
                        List.of("Можно создавать пользователей только своего муниципалитета и его школ.")));
        create(municipality, "x5", Role.SCHOOL, "s:" + school3, PW)
                .andExpect(flash().attribute("errors",
                        List.of("Можно создавать пользователей только своего муниципалитета и его школ.")));
        create(municipality, "x6", Role.MUNICIPALITY_ANALYST, "m:" + m02, PW)
                .andExpect(flash().attributeExists("errors"));
        create(municipality, "x7", Role.AUDITOR, "m:" + m01, PW) // the auditor's territory is the whole region
                .andExpect(flash().attributeExists("errors"));
        assertThat(List.of("x3", "x4", "x5", "x6", "x7")).noneMatch(this::exists);
    }

    @Test
    void aRoleMustFitTheChosenLevel() throws Exception {
        create(region, "x8", Role.SCHOOL, "m:" + m01, PW).andExpect(flash().attribute("errors",
                List.of("Роль «школа (директор, заместитель)» не назначается на уровне «муниципалитет».")));
        create(region, "aud", Role.AUDITOR, "region", PW).andExpect(flash().attributeExists("message"));
        assertThat(exists("x8")).isFalse();
        assertThat(users.find("aud").orElseThrow().scope().isRegion()).isTrue();
    }

    @Test
    void thePasswordPolicyAppliesWithItsReasons() throws Exception {
        create(region, "petrov", Role.REGION_ANALYST, "region", "qwerty1234")
                .andExpect(flash().attribute("errors",
                        List.of("Пароль слишком распространён (есть в списке часто используемых паролей).")));
        create(region, "petrov", Role.REGION_ANALYST, "region", "short")
                .andExpect(flash().attribute("errors", List.of("Пароль короче 10 символов.")));
        assertThat(exists("petrov")).isFalse();
    }

    @Test
    void disableEnableUnlockAndResetInsideTheTerritoryOnly() throws Exception {
        long s = school.id();
        mvc.perform(post("/admin/users/" + s + "/disable").with(user(municipality)).with(csrf()))
                .andExpect(flash().attribute("message", "Учётная запись отключена."));
        assertThat(users.find("s").orElseThrow().enabled()).isFalse();
        mvc.perform(post("/admin/users/" + s + "/enable").with(user(municipality)).with(csrf()));
        assertThat(users.find("s").orElseThrow().enabled()).isTrue();

        for (int i = 0; i < 5; i++) {
            attempts.recordFailure("s");
        }
        assertThat(attempts.lockedUntil("s")).isPresent();
        mvc.perform(post("/admin/users/" + s + "/unlock").with(user(municipality)).with(csrf()))
                .andExpect(flash().attribute("message", "Блокировка снята."));
        assertThat(attempts.lockedUntil("s")).isEmpty();

        mvc.perform(post("/admin/users/" + s + "/password").with(user(municipality)).with(csrf())
                .param("password", "s-pass"))
                .andExpect(flash().attribute("errors", List.of("Пароль короче 10 символов.",
                        "Пароль не должен совпадать с именем пользователя или содержать его.")));
        mvc.perform(post("/admin/users/" + s + "/password").with(user(municipality)).with(csrf())
                .param("password", PW)).andExpect(flash().attribute("message", "Пароль изменён."));
        assertThat(encoder.matches(PW, users.find("s").orElseThrow().passwordHash())).isTrue();

        // M02's school user and the region administrator are out of reach of M01's administrator
        long s3 = users.find("s3").orElseThrow().id();
        for (String action : List.of("disable", "unlock")) {
            mvc.perform(post("/admin/users/" + s3 + "/" + action).with(user(municipality)).with(csrf()))
                    .andExpect(flash().attribute("errors", List.of("Такого пользователя на вашей территории нет.")));
        }
        mvc.perform(post("/admin/users/" + region.id() + "/password").with(user(municipality)).with(csrf())
                .param("password", PW)).andExpect(flash().attributeExists("errors"));
        assertThat(users.find("s3").orElseThrow().enabled()).isTrue();
        assertThat(encoder.matches("secret-pass", users.find("r").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void aManagerCannotDisableItself() throws Exception {
        mvc.perform(post("/admin/users/" + municipality.id() + "/disable").with(user(municipality)).with(csrf()))
                .andExpect(flash().attribute("errors", List.of("Нельзя отключить собственную учётную запись.")));
        assertThat(users.find("m").orElseThrow().enabled()).isTrue();
    }
}
