package io.commercesync.sync;

import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the org's API limit is used up, the sync route stops taking records instead of burning retries.
 * <ol>
 *   <li>{@link #limitReached}: the route's error handler for {@code REQUEST_LIMIT_EXCEEDED} opens a pause of
 *   {@code commerce.sync.limit-pause-ms}. The exception is left unhandled, so the record is not committed and
 *   the Kafka consumer goes back to it ({@code breakOnFirstError}).</li>
 *   <li>{@link #awaitWindow}: the route's first step holds each record until the pause is over, so nothing
 *   is sent to Salesforce meanwhile. It holds at most {@code maxHold} at a time (less than Kafka's
 *   {@code max.poll.interval.ms}, so the consumer keeps its partitions), then lets the record through: one
 *   call probes the limit, and if it still holds the pause starts again.</li>
 * </ol>
 * The record that met the limit is the first tried when the window opens; none is dead-lettered for it.
 */
public final class ApiLimitPause {

    private static final Logger LOG = LoggerFactory.getLogger(ApiLimitPause.class);

    private final Duration pause;
    private final Duration maxHold;
    private volatile Instant pausedUntil = Instant.MIN;

    public ApiLimitPause(Duration pause, Duration maxHold) {
        this.pause = pause;
        this.maxHold = maxHold;
    }

    /** Called by the route's error handler when Salesforce answered REQUEST_LIMIT_EXCEEDED. */
    public synchronized void limitReached(Exchange exchange) {
        Instant now = Instant.now();
        if (now.isBefore(pausedUntil)) {
            return;
        }
        pausedUntil = now.plus(pause);
        LOG.warn("Salesforce API limit reached: no calls until {} ({} s); the record stays uncommitted", pausedUntil, pause.toSeconds());
    }

    /** First step of the sync route: holds the record while the pause lasts (at most {@code maxHold}). */
    public void awaitWindow(Exchange exchange) throws InterruptedException {
        Duration remaining = Duration.between(Instant.now(), pausedUntil);
        if (remaining.isNegative() || remaining.isZero()) {
            return;
        }
        Duration hold = remaining.compareTo(maxHold) < 0 ? remaining : maxHold;
        LOG.info("Holding sync for {} ms: Salesforce API limit pause", hold.toMillis());
        Thread.sleep(hold.toMillis());
    }

    public boolean isPaused() {
        return Instant.now().isBefore(pausedUntil);
    }
}
