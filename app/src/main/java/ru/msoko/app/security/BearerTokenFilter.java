package ru.msoko.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on an {@code /api/v1} request: the request runs as the token's owner, with
 * their role and territory, for this request only (the context is never saved, so no session is created). An
 * unknown or revoked token, or a disabled owner, is a 401 problem; the header is ignored outside the API.
 * Built by the security configuration, not a bean (a bean filter would also run outside the security chain).
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    /** API requests carrying a bearer token: they need no CSRF token (no cookie is involved). */
    static final RequestMatcher BEARER_API = r -> ApiProblem.API.matches(r) && token(r).isPresent();

    private final ApiTokenRepository tokens;
    private final UserRepository users;

    BearerTokenFilter(ApiTokenRepository tokens, UserRepository users) {
        this.tokens = tokens;
        this.users = users;
    }

    static Optional<String> token(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? Optional.of(header.substring(BEARER.length()).strip()) : Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = ApiProblem.API.matches(request) ? token(request) : Optional.empty();
        if (token.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<MsokoUser> user = tokens.owner(token.get()).flatMap(users::find).filter(MsokoUser::isEnabled);
        if (user.isEmpty()) {
            ApiProblem.write(request, response, 401, "invalid_token",
                    "Токен не действителен: он неизвестен, отозван или его владелец отключён.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
                user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
