package ru.msoko.app.accounts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sign-in state of app_user (V21): failed sign-ins, lockout, password age and how the user signs in. */
@Repository
public class AccountRepository {

    /** How a user proves who they are: a password stored here, or the region's LDAP/Active Directory. */
    public enum AuthSource { LOCAL, LDAP }

    /** The sign-in state of one user. */
    record LoginState(int failedLogins, Instant firstFailedAt, Instant lockedUntil, AuthSource authSource) {
    }

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LoginState> state(String username) {
        return state(username, "");
    }

    /** The state with the row locked until the transaction ends, so that concurrent failures are all counted. */
    Optional<LoginState> stateForUpdate(String username) {
        return state(username, " for update");
    }

    private Optional<LoginState> state(String username, String lock) {
        return jdbc.sql("""
                        select failed_logins, first_failed_at, locked_until, auth_source from app_user
                        where username = :u""" + lock).param("u", username)
                .query((rs, n) -> new LoginState(rs.getInt(1), instant(rs.getObject(2, OffsetDateTime.class)),
                        instant(rs.getObject(3, OffsetDateTime.class)), AuthSource.valueOf(rs.getString(4))))
                .optional();
    }

    /** Stores a failure count for the window that started at {@code windowStart} (null: no failures). */
    void saveFailures(String username, int failedLogins, Instant windowStart, Instant lockedUntil) {
        jdbc.sql("""
                        update app_user set failed_logins = :n, first_failed_at = :start, locked_until = :until
                        where username = :u""")
                .param("n", failedLogins).param("start", time(windowStart)).param("until", time(lockedUntil))
                .param("u", username).update();
    }

    /** Forgets failures and lifts a lockout. */
    public void unlock(String username) {
        saveFailures(username, 0, null, null);
    }

    /** Stores a new password hash (already checked by the policy and hashed) and when it was set. */
    public void setPassword(String username, String passwordHash, Instant now) {
        jdbc.sql("update app_user set password_hash = :h, password_changed_at = :t where username = :u")
                .param("h", passwordHash).param("t", time(now)).param("u", username).update();
    }

    public Optional<Instant> passwordChangedAt(String username) {
        return jdbc.sql("select password_changed_at from app_user where username = :u").param("u", username)
                .query((rs, n) -> Optional.ofNullable(instant(rs.getObject(1, OffsetDateTime.class))))
                .optional().flatMap(o -> o);
    }

    public void setAuthSource(String username, AuthSource source) {
        jdbc.sql("update app_user set auth_source = :s where username = :u")
                .param("s", source.name()).param("u", username).update();
    }

    public void setEnabled(String username, boolean enabled) {
        jdbc.sql("update app_user set enabled = :e where username = :u")
                .param("e", enabled).param("u", username).update();
    }

    private static OffsetDateTime time(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
