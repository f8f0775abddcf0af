package io.commercesync.sync;

import java.time.Instant;

import io.commercesync.salesforce.SalesforceWriteException;
import io.commercesync.mapping.MappingException;
import io.commercesync.metrics.CommerceCounters;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, at each failure of {@code sync-orders}, whether to try the step again ({@code retryWhile} of the
 * route's {@code onException}). Transient Salesforce failures (timeouts, 5xx, locks, limits, sessions) are
 * retried up to {@code commerce.sync.retry.max-attempts} attempts in all; permanent ones (validation,
 * mapping) are not retried and go straight to the dead-letter topic. It also stamps the first and last
 * failure time and the attempt count on the exchange, for the dead-letter record.
 */
public final class RetryPolicy {

    public static final String FIRST_FAILURE_AT = "commerceFirstFailureAt";
    public static final String LAST_FAILURE_AT = "commerceLastFailureAt";
    public static final String ATTEMPTS = "commerceAttempts";

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    private final int maxAttempts;
    private final CommerceCounters counters;

    public RetryPolicy(int maxAttempts, CommerceCounters counters) {
        this.counters = counters;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("commerce.sync.retry.max-attempts must be at least 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
    }

    public boolean shouldRetry(Exchange exchange) {
        Exception failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String now = Instant.now().toString();
        if (exchange.getProperty(FIRST_FAILURE_AT) == null) {
            exchange.setProperty(FIRST_FAILURE_AT, now);
        }
        exchange.setProperty(LAST_FAILURE_AT, now);
        // Camel has already counted this failure when it asks retryWhile: the counter is the attempts so far.
        int attempts = Math.max(1, exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class));
        exchange.setProperty(ATTEMPTS, attempts);
        boolean retry = isTransient(failure) && attempts < maxAttempts;
        if (retry) {
            counters.retried(exchange, errorCode(failure));
            LOG.warn("Attempt {} of {} failed, retrying: {}", attempts, maxAttempts, failure.getMessage());
        }
        return retry;
    }

    private static String errorCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SalesforceWriteException write) {
                return write.error().errorCode();
            }
        }
        return failure == null ? null : failure.getClass().getSimpleName();
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SalesforceWriteException write) {
                return write.error().isTransient();
            }
            if (t instanceof MappingException) {
                return false;
            }
        }
        return false;
    }
}
