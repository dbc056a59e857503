package ru.msoko.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import ru.msoko.app.security.MsokoUser;

/**
 * Requests the central access rules refuse to a signed-in user (security.AccessRules, before any controller runs):
 * each is one {@link Action#ACCESS_DENIED} event with the method and path, in the user's territory. A visitor who
 * is not signed in is only sent to the login page, which is not an event.
 */
@Configuration
class AccessDenials {

    private final AuditLog log;

    AccessDenials(AuditLog log) {
        this.log = log;
    }

    /** Makes Spring Security publish its authorization denials as application events. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Authentication auth = event.getAuthentication().get();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return;
        }
        String what = event.getObject() instanceof HttpServletRequest r ? r.getMethod() + " " + r.getRequestURI()
                : String.valueOf(event.getObject());
        MsokoUser user = auth.getPrincipal() instanceof MsokoUser u ? u : null;
        log.append(new AuditEvent(0, Instant.now(), auth.getName(), user == null ? null : user.role().name(),
                Auditor.clientAddress(), Action.ACCESS_DENIED, "request", what,
                user == null ? null : user.municipalityId(), user == null ? null : user.schoolId(),
                "нет права на этот запрос", Outcome.REFUSED, null, null));
    }
}
