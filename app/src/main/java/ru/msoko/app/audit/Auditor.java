package ru.msoko.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import ru.msoko.app.security.CurrentUser;
import ru.msoko.app.security.MsokoUser;

/**
 * Records what services do: the one call an import, a rollback, an analysis run, a backup or a restore makes. Who
 * did it comes from the signed-in user when there is one (role, territory, address of the request), otherwise from
 * the name the caller passes ({@code cli:<os user>} on the command line).
 *
 * <p>Called inside a transaction, the event is written when that transaction ends, in a transaction of its own,
 * and says whether the work was committed: an event never claims what was rolled back.
 */
@Component
public class Auditor {

    private final AuditLog log;

    Auditor(AuditLog log) {
        this.log = log;
    }

    /** What happened, without who: {@link #record} adds the actor. */
    public record What(Action action, String objectType, String objectId, Long schoolId, String details,
                       Outcome outcome) {
        public static What of(Action action, String objectType, Object objectId, String details, Outcome outcome) {
            return new What(action, objectType, objectId == null ? null : objectId.toString(), null, details, outcome);
        }
    }

    /** The signed-in user's name, else {@code cli:<os user>}: for services that are not told who calls them. */
    public static String currentUser() {
        return CurrentUser.signedIn().map(MsokoUser::getUsername)
                .orElse("cli:" + System.getProperty("user.name", "unknown"));
    }

    /** @param user who acts as the caller knows it: a login or {@code cli:<os user>} */
    public void record(String user, What what) {
        AuditEvent draft = draft(user, what);
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    log.append(status == STATUS_COMMITTED ? draft : rolledBack(draft));
                }
            });
        } else {
            log.append(draft);
        }
    }

    private static AuditEvent rolledBack(AuditEvent d) {
        return new AuditEvent(0, d.at(), d.username(), d.role(), d.clientAddress(), d.action(), d.objectType(),
                d.objectId(), d.municipalityId(), d.schoolId(),
                (d.details() == null ? "" : d.details() + " — ") + "не выполнено: транзакция отменена",
                Outcome.FAILED, null, null);
    }

    private static AuditEvent draft(String user, What what) {
        MsokoUser signedIn = signedIn(user);
        Long municipality = signedIn == null ? null : signedIn.municipalityId();
        Long school = what.schoolId() != null ? what.schoolId() : signedIn == null ? null : signedIn.schoolId();
        return new AuditEvent(0, Instant.now(), user, signedIn == null ? null : signedIn.role().name(),
                signedIn == null ? null : clientAddress(), what.action(), what.objectType(), what.objectId(), municipality, school,
                what.details(), what.outcome(), null, null);
    }

    /** The signed-in user of this thread when it is the one named (a service may act for someone else). */
    static MsokoUser signedIn(String user) {
        return CurrentUser.signedIn().filter(u -> u.getUsername().equals(user)).orElse(null);
    }

    /**
     * The address of the current web request; for a background job the address of the request that started it;
     * {@code null} otherwise (the command line).
     */
    static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? address(a.getRequest()) : CurrentUser.clientAddress().orElse(null);
    }

    static String address(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
