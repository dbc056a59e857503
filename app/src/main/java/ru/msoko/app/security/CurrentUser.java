package ru.msoko.app.security;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who is signed in on this thread, for code that is not a controller (the audit log records it). */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The signed-in application user, if any. */
    public static Optional<MsokoUser> signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof MsokoUser u ? Optional.of(u) : Optional.empty();
    }

    /** The name of whoever the request runs as (a signed-in user or a test user), if anyone. */
    public static Optional<String> name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? Optional.empty() : Optional.ofNullable(auth.getName());
    }

    /**
     * The signed-in user as a background job carries them: principal and authorities without credentials, with the
     * address of the current request as details (the audit log records it for work done after the request).
     */
    public static Authentication forBackground(Authentication auth) {
        UsernamePasswordAuthenticationToken copy =
                UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null, auth.getAuthorities());
        copy.setDetails(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? new WebAuthenticationDetails(a.getRequest().getRemoteAddr(), null) : auth.getDetails());
        return copy;
    }

    /** The client address the current authentication came with, when no request is at hand (a background job). */
    public static Optional<String> clientAddress() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getDetails() instanceof WebAuthenticationDetails d
                ? Optional.ofNullable(d.getRemoteAddress()) : Optional.empty();
    }

    /**
     * Runs {@code work} on this thread as {@code auth} and clears the context afterwards: a background job acts for
     * the user who started it (the audit log records that user, with their role and territory), passed explicitly
     * rather than inherited from whatever thread the pool reuses.
     */
    public static <T> T runAs(Authentication auth, Callable<T> work) throws Exception {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
