package ru.msoko.app.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

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
}
