package ru.msoko.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.security.Role;
import ru.msoko.app.security.UserRepository;
import ru.msoko.app.support.DatabaseState;

/** The lockout columns of app_user (V21) on both databases; run by the H2 and PostgreSQL subclasses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(TestClock.Config.class)
abstract class LoginAttemptsContract {

    @Autowired
    LoginAttempts attempts;
    @Autowired
    AccountRepository accounts;
    @Autowired
    UserRepository users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @BeforeEach
    void oneUser() {
        DatabaseState.clear(jdbc);
        users.create("anna", "{noop}x", "Анна", Role.values()[0], null, null);
        clock.advance(Duration.ofDays(1));
    }

    private AccountRepository.LoginState state() {
        return accounts.state("anna").orElseThrow();
    }

    @Test
    void aNewUserSignsInLocallyWithNoFailures() {
        AccountRepository.LoginState s = state();
        assertThat(s.failedLogins()).isZero();
        assertThat(s.firstFailedAt()).isNull();
        assertThat(s.lockedUntil()).isNull();
        assertThat(s.authSource()).isEqualTo(AccountRepository.AuthSource.LOCAL);
    }

    @Test
    void failuresAreCountedFromTheFirstOfTheWindow() {
        Instant first = clock.instant();
        assertThat(attempts.recordFailure("anna")).isFalse();
        clock.advance(Duration.ofMinutes(3));
        assertThat(attempts.recordFailure("anna")).isFalse();
        assertThat(state().failedLogins()).isEqualTo(2);
        assertThat(state().firstFailedAt()).isEqualTo(first);
    }

    @Test
    void theFifthFailureLocksForFifteenMinutesStoredToTheSecond() {
        for (int i = 1; i <= 4; i++) {
            assertThat(attempts.recordFailure("anna")).isFalse();
        }
        Instant fifth = clock.instant();
        assertThat(attempts.recordFailure("anna")).isTrue();
        assertThat(state().lockedUntil()).isEqualTo(fifth.plus(Duration.ofMinutes(15)));
        assertThat(attempts.lockedUntil("anna")).contains(fifth.plus(Duration.ofMinutes(15)));
        clock.advance(Duration.ofMinutes(15));
        assertThat(attempts.lockedUntil("anna")).isEmpty();
    }

    @Test
    void aFailureAfterTheWindowStartsANewCount() {
        attempts.recordFailure("anna");
        attempts.recordFailure("anna");
        clock.advance(Duration.ofMinutes(15));
        Instant now = clock.instant();
        attempts.recordFailure("anna");
        assertThat(state().failedLogins()).isEqualTo(1);
        assertThat(state().firstFailedAt()).isEqualTo(now);
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    return attempts.recordFailure("anna");
                }));
            }
            start.countDown();
            for (var f : done) {
                assertThat(f.get()).isFalse(); // 4 failures stay below the 5 that lock
            }
        } finally {
            pool.shutdown();
        }
        assertThat(state().failedLogins()).isEqualTo(4); // the row lock serialises the read-count-write
    }

    @Test
    void unlockForgetsEverything() {
        for (int i = 1; i <= 5; i++) {
            attempts.recordFailure("anna");
        }
        attempts.unlock("anna");
        assertThat(state()).isEqualTo(new AccountRepository.LoginState(0, null, null, AccountRepository.AuthSource.LOCAL));
    }

    @Test
    void passwordChangeTimeAndAuthSourceRoundTrip() {
        Instant now = clock.instant();
        accounts.setPassword("anna", "{noop}y", now);
        accounts.setAuthSource("anna", AccountRepository.AuthSource.LDAP);
        assertThat(accounts.passwordChangedAt("anna")).contains(now);
        assertThat(state().authSource()).isEqualTo(AccountRepository.AuthSource.LDAP);
        assertThat(jdbc.sql("select password_hash from app_user where username = 'anna'").query(String.class).single())
                .isEqualTo("{noop}y");
    }
}
