package ru.msoko.app.audit;

import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.security.UserRepository;

/**
 * Logins, failed logins and logouts, from the events Spring Security publishes: no controller has to remember them.
 * A failed login names the account tried; when that account exists, the event belongs to its territory, so a
 * municipality administrator sees attempts on its users' accounts.
 */
@Component
class LoginEvents {

    private final AuditLog log;
    private final UserRepository users;

    LoginEvents(AuditLog log, UserRepository users) {
        this.log = log;
        this.users = users;
    }

    @EventListener
    void success(AuthenticationSuccessEvent event) {
        append(event.getAuthentication(), Action.LOGIN, "вход выполнен", Outcome.OK);
    }

    @EventListener
    void failure(AbstractAuthenticationFailureEvent event) {
        append(event.getAuthentication(), Action.LOGIN_FAILED, reason(event), Outcome.REFUSED);
    }

    @EventListener
    void logout(LogoutSuccessEvent event) {
        append(event.getAuthentication(), Action.LOGOUT, "выход выполнен", Outcome.OK);
    }

    private static String reason(AbstractAuthenticationFailureEvent event) {
        return switch (event.getException().getClass().getSimpleName()) {
            case "BadCredentialsException" -> "неверное имя пользователя или пароль";
            case "DisabledException" -> "учётная запись отключена";
            case "LockedException" -> "учётная запись заблокирована";
            default -> "вход не выполнен: " + event.getException().getMessage();
        };
    }

    private void append(Authentication auth, Action action, String details, Outcome outcome) {
        String name = auth.getName() == null ? "" : auth.getName();
        MsokoUser user = auth.getPrincipal() instanceof MsokoUser u ? u : users.find(name).orElse(null);
        String address = auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress()
                : Auditor.clientAddress();
        log.append(new AuditEvent(0, Instant.now(), name, user == null ? null : user.role().name(), address, action,
                "user", name, user == null ? null : user.municipalityId(), user == null ? null : user.schoolId(), details,
                outcome, null, null));
    }
}
