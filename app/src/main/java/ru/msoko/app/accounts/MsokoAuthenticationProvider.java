package ru.msoko.app.accounts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one way to sign in: refuses a locked name before looking at the password, checks the password locally or
 * (for an account marked LDAP) with the directory, and counts the failures that lead to a lockout. Not a bean:
 * {@link AccountSecurity} hands it to the web chain as its only provider.
 */
class MsokoAuthenticationProvider implements AuthenticationProvider {

    private final UserDetailsService users;
    private final AccountRepository accounts;
    private final LoginAttempts attempts;
    private final LdapLogin ldap;
    private final DaoAuthenticationProvider local;

    MsokoAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, AccountRepository accounts,
                                LoginAttempts attempts, LdapLogin ldap) {
        this.users = users;
        this.accounts = accounts;
        this.attempts = attempts;
        this.ldap = ldap;
        this.local = new DaoAuthenticationProvider(users);
        this.local.setPasswordEncoder(encoder);
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String username = request.getName();
        Optional<Instant> locked = attempts.lockedUntil(username);
        if (locked.isPresent()) {
            throw new LockedException("locked until " + locked.get());
        }
        try {
            Authentication result = check(username, request);
            attempts.recordSuccess(username);
            return result;
        } catch (BadCredentialsException | UsernameNotFoundException e) {
            if (attempts.recordFailure(username)) {
                throw new LockedException("locked after repeated failures");
            }
            throw new BadCredentialsException("bad credentials");
        }
    }

    private Authentication check(String username, Authentication request) {
        boolean viaLdap = accounts.state(username)
                .map(s -> s.authSource() == AccountRepository.AuthSource.LDAP).orElse(false);
        if (!viaLdap) {
            return local.authenticate(request);
        }
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        if (!ldap.authenticate(username, password)) {
            throw new BadCredentialsException("directory refused");
        }
        UserDetails user = users.loadUserByUsername(username);
        if (!user.isEnabled()) {
            throw new DisabledException("disabled");
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
