package ru.msoko.app.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins and lockout: after {@code max-failures} failures within {@code failure-window} the name is
 * locked for {@code lock-duration}, even with the right password. Known users keep their state in app_user (it
 * survives a restart); names that are not users are counted the same way in memory, so that the page answers
 * «временно заблокирована» for them too and does not reveal which names exist.
 */
@Component
public class LoginAttempts {

    /** Memory bound for names that are not users: past it the oldest state is dropped wholesale. */
    private static final int MAX_UNKNOWN = 10_000;

    private final AccountRepository accounts;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockDuration;
    private final Map<String, AccountRepository.LoginState> unknown = new ConcurrentHashMap<>();

    LoginAttempts(AccountRepository accounts, ObjectProvider<Clock> clock,
                  @Value("${msoko.security.lockout.max-failures:5}") int maxFailures,
                  @Value("${msoko.security.lockout.failure-window:15m}") Duration window,
                  @Value("${msoko.security.lockout.lock-duration:15m}") Duration lockDuration) {
        this.accounts = accounts;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockDuration = lockDuration;
    }

    /** When the lockout of this name ends, if it is locked now. */
    public Optional<Instant> lockedUntil(String username) {
        Instant now = clock.instant();
        return state(username).map(AccountRepository.LoginState::lockedUntil).filter(t -> t != null && t.isAfter(now));
    }

    /** Counts a failed sign-in; returns true when this failure locked the name. */
    @Transactional
    public boolean recordFailure(String username) {
        Instant now = clock.instant();
        Optional<AccountRepository.LoginState> known = accounts.stateForUpdate(username);
        AccountRepository.LoginState old = (known.isPresent() ? known : Optional.ofNullable(unknown.get(key(username))))
                .orElse(new AccountRepository.LoginState(0, null, null, AccountRepository.AuthSource.LOCAL));
        boolean inWindow = old.firstFailedAt() != null && old.firstFailedAt().plus(window).isAfter(now);
        int failures = inWindow ? old.failedLogins() + 1 : 1;
        Instant start = inWindow ? old.firstFailedAt() : now;
        boolean locks = failures >= maxFailures;
        save(username, locks ? 0 : failures, locks ? null : start, locks ? now.plus(lockDuration) : null);
        return locks;
    }

    /** A successful sign-in forgets the failures. */
    public void recordSuccess(String username) {
        save(username, 0, null, null);
    }

    /** Lifts a lockout by hand (user management, {@code msoko users unlock}). */
    public void unlock(String username) {
        save(username, 0, null, null);
    }

    private Optional<AccountRepository.LoginState> state(String username) {
        Optional<AccountRepository.LoginState> known = accounts.state(username);
        return known.isPresent() ? known : Optional.ofNullable(unknown.get(key(username)));
    }

    private void save(String username, int failures, Instant start, Instant lockedUntil) {
        if (accounts.state(username).isPresent()) {
            accounts.saveFailures(username, failures, start, lockedUntil);
            return;
        }
        if (failures == 0 && lockedUntil == null) {
            unknown.remove(key(username));
            return;
        }
        if (unknown.size() >= MAX_UNKNOWN) {
            unknown.clear();
        }
        unknown.put(key(username), new AccountRepository.LoginState(failures, start, lockedUntil,
                AccountRepository.AuthSource.LOCAL));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
