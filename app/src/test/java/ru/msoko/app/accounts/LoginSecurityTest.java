package ru.msoko.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;
import ru.msoko.app.support.TerritoryWebTest;

/** Lockout, the sign-in rate limit, sessions and security headers, through the real filter chain (H2). */
@Import(TestClock.Config.class)
class LoginSecurityTest extends TerritoryWebTest {

    private static final String GOOD = "secret-pass";

    @Autowired
    TestClock clock;
    @Autowired
    Environment env;

    private int address;

    @BeforeEach
    void newClientAddressAndMinute() {
        // every test signs in from its own address in a fresh minute, so the rate limit never mixes tests
        clock.advance(Duration.ofHours(1));
        address++;
    }

    private ResultActions login(String username, String password) throws Exception {
        return login(username, password, "10.1.0." + address);
    }

    private ResultActions login(String username, String password, String from) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(r -> {
                    r.setRemoteAddr(from);
                    return r;
                }));
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPasswordUntilTheLockEnds() throws Exception {
        for (int i = 1; i <= 4; i++) {
            login("m", "wrong-" + i).andExpect(redirectedUrl("/login?error"));
        }
        assertThat(id("select failed_logins from app_user where username = 'm'")).isEqualTo(4);
        login("m", "wrong-5").andExpect(redirectedUrl("/login?locked"));
        login("m", GOOD).andExpect(redirectedUrl("/login?locked"));
        clock.advance(Duration.ofMinutes(14));
        login("m", GOOD).andExpect(redirectedUrl("/login?locked"));
        clock.advance(Duration.ofMinutes(1)); // 15 minutes after the fifth failure: the lock has ended
        login("m", GOOD).andExpect(redirectedUrl("/"));
        assertThat(id("select failed_logins from app_user where username = 'm'")).isZero();
        assertThat(id("select count(*) from app_user where username = 'm' and locked_until is null")).isEqualTo(1);
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() throws Exception {
        for (int i = 1; i <= 4; i++) {
            login("s", "wrong").andExpect(redirectedUrl("/login?error"));
        }
        clock.advance(Duration.ofMinutes(16)); // the 15-minute window of the first failure has passed
        for (int i = 1; i <= 4; i++) {
            login("s", "wrong").andExpect(redirectedUrl("/login?error"));
        }
        assertThat(id("select failed_logins from app_user where username = 's'")).isEqualTo(4);
        login("s", GOOD).andExpect(redirectedUrl("/"));
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() throws Exception {
        for (int i = 1; i <= 4; i++) {
            login("r", "wrong").andExpect(redirectedUrl("/login?error"));
        }
        login("r", GOOD).andExpect(redirectedUrl("/"));
        for (int i = 1; i <= 4; i++) {
            login("r", "wrong").andExpect(redirectedUrl("/login?error"));
        }
        assertThat(id("select failed_logins from app_user where username = 'r'")).isEqualTo(4);
    }

    @Test
    void anUnknownNameIsAnsweredExactlyLikeAKnownOne() throws Exception {
        for (int i = 1; i <= 4; i++) {
            login("nobody", "wrong").andExpect(redirectedUrl("/login?error"));
        }
        login("nobody", "wrong").andExpect(redirectedUrl("/login?locked"));
        login("nobody", "wrong").andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void unlockingByHandLetsTheUserInAtOnce(@Autowired LoginAttempts attempts) throws Exception {
        for (int i = 1; i <= 5; i++) {
            login("m", "wrong");
        }
        login("m", GOOD).andExpect(redirectedUrl("/login?locked"));
        attempts.unlock("m");
        login("m", GOOD).andExpect(redirectedUrl("/"));
    }

    @Test
    void theLoginPageSaysInRussianThatTheAccountIsLocked() throws Exception {
        mvc.perform(get("/login").param("locked", "")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Учётная запись временно заблокирована")));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(Matchers.not(Matchers.containsString("заблокирована"))));
    }

    @Test
    void twentyAttemptsAMinuteFromOneAddressThenA429InRussian() throws Exception {
        for (int i = 1; i <= 20; i++) {
            login("user" + i, "wrong").andExpect(status().is3xxRedirection());
        }
        login("r", GOOD).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(content().string(Matchers.containsString("Слишком много попыток входа")));
        login("r", GOOD, "10.9.9.9").andExpect(redirectedUrl("/")); // another address is not affected
        clock.advance(Duration.ofMinutes(1));
        login("r", GOOD).andExpect(redirectedUrl("/"));
    }

    @Test
    void signingInChangesTheSessionIdAndLogoutEndsTheSession() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        // the browser sends the id of the session it has (without it the session counts as new and is kept)
        mvc.perform(post("/login").session(session).param("username", "r").param("password", GOOD).with(csrf())
                .with(r -> {
                    r.setRequestedSessionId(before);
                    return r;
                })).andExpect(redirectedUrl("/"));
        assertThat(session.getId()).isNotEqualTo(before);
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void sessionsExpireAfterThirtyIdleMinutesWithHttpOnlySameSiteCookies() {
        assertThat(env.getProperty("server.servlet.session.timeout", Duration.class)).isEqualTo(Duration.ofMinutes(30));
        assertThat(env.getProperty("server.servlet.session.cookie.http-only", Boolean.class)).isTrue();
        assertThat(env.getProperty("server.servlet.session.cookie.same-site")).isEqualTo("lax");
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", Matchers.allOf(
                        Matchers.containsString("script-src 'self'"), Matchers.containsString("frame-ancestors 'none'"),
                        Matchers.not(Matchers.containsString("unsafe-inline")))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Permissions-Policy", Matchers.allOf(
                        Matchers.containsString("camera=()"), Matchers.containsString("geolocation=()"))));
    }
}
