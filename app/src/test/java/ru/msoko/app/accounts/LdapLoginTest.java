package ru.msoko.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.ResultActions;
import ru.msoko.app.support.TerritoryWebTest;

/**
 * Sign-in through LDAP against an in-memory directory (UnboundID): the directory checks the password, the local
 * account decides whether and as whom the user signs in.
 */
class LdapLoginTest extends TerritoryWebTest {

    private static final String BASE = "dc=msoko,dc=test";
    private static InMemoryDirectoryServer directory;

    @Autowired
    AccountRepository accounts;
    @Autowired
    LoginAttempts attempts;

    @DynamicPropertySource
    static void ldap(DynamicPropertyRegistry registry) {
        registry.add("msoko.ldap.url", () -> "ldap://127.0.0.1:" + directory().getListenPort());
        registry.add("msoko.ldap.base", () -> BASE);
        registry.add("msoko.ldap.user-search-filter", () -> "(uid={0})");
        registry.add("msoko.ldap.manager-dn", () -> "cn=manager," + BASE);
        registry.add("msoko.ldap.manager-password", () -> "manager-pass");
    }

    static synchronized InMemoryDirectoryServer directory() {
        if (directory == null) {
            try {
                InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
                config.addAdditionalBindCredentials("cn=manager," + BASE, "manager-pass");
                config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
                directory = new InMemoryDirectoryServer(config);
                directory.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: msoko");
                directory.add("dn: ou=people," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
                person("petrova", "Петрова Анна", "ldap-secret-1");
                person("sidorov", "Сидоров Пётр", "ldap-secret-2");
                person("ivanov", "Иванов Иван", "ldap-secret-3");
                directory.startListening();
            } catch (LDAPException | LDIFException e) {
                throw new IllegalStateException(e);
            }
        }
        return directory;
    }

    private static void person(String uid, String name, String password) throws LDAPException, LDIFException {
        directory.add("dn: uid=" + uid + ",ou=people," + BASE, "objectClass: top", "objectClass: person",
                "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + name,
                "sn: " + name.split(" ")[0], "userPassword: " + password);
    }

    @AfterAll
    static void stop() {
        if (directory != null) {
            directory.shutDown(true);
            directory = null;
        }
    }

    @BeforeEach
    void localAccounts() {
        // petrova: local account marked LDAP (a region user); ivanov: local account with its own password;
        // sidorov: in the directory only
        users.create("petrova", "{noop}unusable", "Петрова А.", region.role(), null, null);
        accounts.setAuthSource("petrova", AccountRepository.AuthSource.LDAP);
        users.create("ivanov", encoder.encode("local-pass-77"), "Иванов И.", municipality.role(),
                municipality.municipalityId(), null);
    }

    private ResultActions login(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()));
    }

    @Test
    void anLdapUserWithALocalAccountSignsInWithTheLocalRole() throws Exception {
        login("petrova", "ldap-secret-1").andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername("petrova")
                        .withAuthorities(users.find("petrova").orElseThrow().getAuthorities()));
    }

    @Test
    void aWrongDirectoryPasswordFailsAndCountsTowardsTheLockout() throws Exception {
        login("petrova", "ldap-secret-2").andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
        assertThat(id("select failed_logins from app_user where username = 'petrova'")).isEqualTo(1);
        // the stored (unusable) local hash is never consulted for an LDAP account
        login("petrova", "unusable").andExpect(redirectedUrl("/login?error"));
        login("petrova", "").andExpect(redirectedUrl("/login?error")); // an empty password would be an anonymous bind
    }

    @Test
    void aDirectoryUserWithoutALocalAccountCannotSignIn() throws Exception {
        login("sidorov", "ldap-secret-2").andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
    }

    @Test
    void aLocalAccountNotMarkedLdapKeepsItsOwnPassword() throws Exception {
        login("ivanov", "ldap-secret-3").andExpect(redirectedUrl("/login?error"));
        login("ivanov", "local-pass-77").andExpect(redirectedUrl("/"));
    }

    @Test
    void aDisabledLdapAccountCannotSignIn() throws Exception {
        accounts.setEnabled("petrova", false);
        login("petrova", "ldap-secret-1").andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
    }

    @Test
    void theDnPatternModeAndHostileNames() {
        String url = "ldap://127.0.0.1:" + directory().getListenPort();
        LdapLogin byDn = new LdapLogin(url, BASE, "uid={0},ou=people", "", "", "");
        assertThat(byDn.authenticate("petrova", "ldap-secret-1")).isTrue();
        assertThat(byDn.authenticate("petrova", "ldap-secret-3")).isFalse();
        assertThat(byDn.authenticate("nobody", "ldap-secret-1")).isFalse();
        LdapLogin bySearch = new LdapLogin(url, BASE, "", "(uid={0})", "cn=manager," + BASE, "manager-pass");
        assertThat(bySearch.authenticate("*", "ldap-secret-1")).isFalse(); // the name is escaped in the filter
        assertThat(bySearch.authenticate("petrova)(uid=*", "ldap-secret-1")).isFalse();
        assertThat(new LdapLogin("", "", "", "(uid={0})", "", "").enabled()).isFalse();
    }
}
