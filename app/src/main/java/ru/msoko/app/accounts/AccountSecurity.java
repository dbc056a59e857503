package ru.msoko.app.accounts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * What accounts add to the web security chain: the sign-in provider (lockout, LDAP), the per-address rate limit
 * on POST /login, the failure page (locked or not — nothing else is told), session fixation protection and a
 * logout that ends the session. The session idle timeout and cookie flags are server settings
 * (application.properties: msoko.security.session-timeout, server.servlet.session.cookie.*).
 * <p>
 * A {@code Customizer<HttpSecurity>} bean: Spring Security applies it to the HttpSecurity that
 * {@code security.SecurityConfig} builds its chain from, so the security package need not know this one
 * (and the two packages stay free of a cycle).
 */
@Component
class AccountSecurity implements Customizer<HttpSecurity> {

    private final MsokoAuthenticationProvider provider;
    private final LoginRateLimit rateLimit;
    private final ApplicationEventPublisher events;

    AccountSecurity(UserDetailsService users, PasswordEncoder encoder, AccountRepository accounts,
                    LoginAttempts attempts, LdapLogin ldap, LoginRateLimit rateLimit, ApplicationEventPublisher events) {
        this.provider = new MsokoAuthenticationProvider(users, encoder, accounts, attempts, ldap);
        this.rateLimit = rateLimit;
        this.events = events;
    }

    /** The sign-in manager; it publishes success and failure events (the audit log records them). */
    private ProviderManager manager() {
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    /** Applies to the chain; {@code SecurityConfig} adds the form login page /login and logout on /logout. */
    @Override
    public void customize(HttpSecurity http) {
        http.authenticationManager(manager())
                .addFilterBefore(new LoginRateLimitFilter(rateLimit), UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.failureHandler(failureHandler()))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .logout(l -> l.invalidateHttpSession(true).clearAuthentication(true).deleteCookies("JSESSIONID"));
    }

    /** A locked name (known or not) gets «временно заблокирована»; every other failure the same generic message. */
    static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath()
                + (exception instanceof LockedException ? "/login?locked" : "/login?error"));
    }
}
