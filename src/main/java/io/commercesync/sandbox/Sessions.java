package io.commercesync.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens issued by the token endpoint, with a sliding inactivity timeout. */
final class Sessions {

    private final String orgId;
    private final Duration timeout;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong issued = new java.util.concurrent.atomic.AtomicLong();

    Sessions(String orgId, Duration timeout, Clock clock) {
        this.orgId = orgId;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A new access token shaped like Salesforce's: {@code <15-char org id>!<opaque>}. */
    String issue() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String token = orgId.substring(0, 15) + "!" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
                .replace('-', '.').replace('_', '.');
        lastUsed.put(token, clock.instant());
        if (issued.incrementAndGet() % 1000 == 0) {
            Instant now = clock.instant();
            lastUsed.values().removeIf(last -> Duration.between(last, now).compareTo(timeout) > 0);
        }
        return token;
    }

    /** True when the token is live; each use restarts its inactivity timer. */
    boolean touch(String token) {
        if (token == null) {
            return false;
        }
        Instant now = clock.instant();
        Instant previous = lastUsed.computeIfPresent(token,
                (t, last) -> Duration.between(last, now).compareTo(timeout) > 0 ? null : now);
        return previous != null;
    }

    void revoke(String token) {
        if (token != null) {
            lastUsed.remove(token);
        }
    }

    void expireAll() {
        lastUsed.clear();
    }
}
