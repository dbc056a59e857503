package ru.msoko.app.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Form login for people; every page except the login page and static files needs a signed-in user with the
 * permissions that {@link AccessRules} lists for it (the one place where requests are authorized).
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

    /** Browser features the pages never use, switched off (Permissions-Policy). */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), fullscreen=(self)";

    @Bean
    SecurityFilterChain web(HttpSecurity http, ApiTokenRepository tokens, UserRepository users) throws Exception {
        // the API (issue #7): a bearer token acts as its owner for one request, needs no CSRF token, and API
        // refusals are problems (401 instead of the login page)
        http.addFilterBefore(new BearerTokenFilter(tokens, users), UsernamePasswordAuthenticationFilter.class)
                .csrf(c -> c.ignoringRequestMatchers(BearerTokenFilter.BEARER_API))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(ApiProblem.entryPoint(), ApiProblem.API)
                        // every other request still goes to the login page, whatever it accepts
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(ApiProblem.accessDenied(), ApiProblem.API));
        http.authorizeHttpRequests(a -> {
                    a.requestMatchers(AccessRules.PUBLIC.toArray(String[]::new)).permitAll();
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        (rule.method() == null ? a.requestMatchers(rule.pattern())
                                : a.requestMatchers(rule.method(), rule.pattern()))
                                .hasAllAuthorities(rule.authorities());
                    }
                    a.anyRequest().hasAuthority(AccessRules.FALLBACK.authority());
                })
                .requestCache(c -> c.requestCache(pagesOnlyRequestCache()))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "frame-ancestors 'none'; form-action 'self'"))
                        .frameOptions(f -> f.deny())
                        .contentTypeOptions(c -> { })
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)));
        return http.build();
    }

    /**
     * Remembers, for the return after sign-in, only a page a person opened: a GET that is not an API call, not
     * an htmx fragment or other script request, not the favicon. Saving an API call would create a session per
     * refused script call, which nobody ever returns to.
     */
    static RequestCache pagesOnlyRequestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(r -> "GET".equals(r.getMethod()) && !ApiProblem.API.matches(r)
                && r.getHeader("HX-Request") == null && !"XMLHttpRequest".equals(r.getHeader("X-Requested-With"))
                && !r.getRequestURI().startsWith(r.getContextPath() + "/favicon"));
        return cache;
    }
}
