package ru.msoko.app.accounts;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code msoko.security.login-rate-limit} sign-in attempts per client address per minute, counted in
 * memory in fixed one-minute windows (a restart forgets them; the lockout in the database is the lasting guard).
 */
@Component
public class LoginRateLimit {

    private final Clock clock;
    private final int perMinute;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long minute = -1;

    LoginRateLimit(ObjectProvider<Clock> clock, @Value("${msoko.security.login-rate-limit:20}") int perMinute) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.perMinute = perMinute;
    }

    /** Counts one attempt from this address; false when it is over the limit for the current minute. */
    public boolean allow(String address) {
        long now = clock.millis() / 60_000;
        if (now != minute) {
            synchronized (this) {
                if (now != minute) {
                    counts.clear();
                    minute = now;
                }
            }
        }
        return counts.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet() <= perMinute;
    }
}
