package ru.msoko.app.accounts;

import javax.naming.directory.DirContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.ldap.support.LdapEncoder;
import org.springframework.ldap.support.LdapUtils;
import org.springframework.stereotype.Component;

/**
 * Optional sign-in through the region's LDAP/Active Directory: off while {@code msoko.ldap.url} is empty. The
 * directory only checks the password (a bind as the user); whether the user may sign in, and with what role and
 * territory, is decided by the local account, which must exist and be marked LDAP.
 * <p>
 * The user's entry is found either by a DN pattern ({@code msoko.ldap.user-dn-pattern}, e.g.
 * {@code uid={0},ou=people}) or by a search filter under the base ({@code msoko.ldap.user-search-filter}, e.g.
 * {@code (sAMAccountName={0})}), the search made as the manager ({@code msoko.ldap.manager-dn/-password}) or
 * anonymously.
 */
@Component
public class LdapLogin {

    private static final Logger LOG = LoggerFactory.getLogger(LdapLogin.class);

    private final String url;
    private final String base;
    private final String dnPattern;
    private final String searchFilter;
    private final LdapContextSource source;

    LdapLogin(@Value("${msoko.ldap.url:}") String url, @Value("${msoko.ldap.base:}") String base,
              @Value("${msoko.ldap.user-dn-pattern:}") String dnPattern,
              @Value("${msoko.ldap.user-search-filter:(uid={0})}") String searchFilter,
              @Value("${msoko.ldap.manager-dn:}") String managerDn,
              @Value("${msoko.ldap.manager-password:}") String managerPassword) {
        this.url = url.strip();
        this.base = base.strip();
        this.dnPattern = dnPattern.strip();
        this.searchFilter = searchFilter.strip();
        this.source = enabled() ? contextSource(managerDn.strip(), managerPassword) : null;
    }

    public boolean enabled() {
        return !url.isEmpty();
    }

    /** True when the directory accepts this password for this name (a successful bind as the user). */
    public boolean authenticate(String username, String password) {
        if (!enabled() || username == null || username.isBlank() || password == null || password.isEmpty()) {
            return false; // an empty password would be an anonymous bind, which «succeeds»
        }
        try {
            return dnPattern.isEmpty() ? bySearch(username, password) : byDn(username, password);
        } catch (NamingException e) {
            LOG.warn("LDAP sign-in of {} failed: {}", username, e.getMessage());
            return false;
        }
    }

    private boolean bySearch(String username, String password) {
        LdapTemplate template = new LdapTemplate(source);
        template.setIgnorePartialResultException(true); // Active Directory answers with referrals
        String filter = searchFilter.replace("{0}", LdapEncoder.filterEncode(username));
        return template.authenticate(LdapUtils.emptyLdapName(), filter, password);
    }

    private boolean byDn(String username, String password) {
        String dn = dnPattern.replace("{0}", LdapEncoder.nameEncode(username));
        String full = base.isEmpty() ? dn : dn + "," + base;
        DirContext context = source.getContext(full, password);
        LdapUtils.closeContext(context);
        return true;
    }

    private LdapContextSource contextSource(String managerDn, String managerPassword) {
        LdapContextSource s = new LdapContextSource();
        s.setUrl(url);
        s.setBase(base);
        if (managerDn.isEmpty()) {
            s.setAnonymousReadOnly(true);
        } else {
            s.setUserDn(managerDn);
            s.setPassword(managerPassword);
        }
        s.afterPropertiesSet();
        return s;
    }
}
