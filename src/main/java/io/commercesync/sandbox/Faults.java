package io.commercesync.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Fault injection. Planned faults are consumed one per counted API call, in the order they were
 * queued: a fault answer instead of processing ({@link #failNext}), a fault answer after the call
 * was processed and committed, i.e. a lost response ({@link #failNextAfterCommit}), or a delay
 * before normal processing ({@link #delayNext}).
 */
public final class Faults {

    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

    /** One planned disturbance of one call. */
    record Planned(Fault fault, boolean afterCommit, Duration delay) {
    }

    private final Deque<Planned> pending = new ArrayDeque<>();

    Faults() {
    }

    /** The next {@code calls} counted API calls fail with {@code fault} and change nothing. */
    public synchronized void failNext(int calls, Fault fault) {
        queue(calls, new Planned(requireFault(fault), false, null));
        LOG.info("fault queued: next {} call(s) answer {}", calls, fault);
    }

    /**
     * The next {@code calls} counted API calls are processed and committed as usual, then answered
     * with {@code fault}: the client sees a failure although the write happened (a lost response).
     */
    public synchronized void failNextAfterCommit(int calls, Fault fault) {
        queue(calls, new Planned(requireFault(fault), true, null));
        LOG.info("fault queued: next {} call(s) commit, then answer {}", calls, fault);
    }

    /** The next {@code calls} counted API calls wait {@code delay} before they are processed normally. */
    public synchronized void delayNext(int calls, Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be >= 0");
        }
        queue(calls, new Planned(null, false, delay));
        LOG.info("delay queued: next {} call(s) wait {} ms", calls, delay.toMillis());
    }

    public synchronized void clear() {
        pending.clear();
    }

    /** Number of planned disturbances not yet consumed. */
    public synchronized int pending() {
        return pending.size();
    }

    synchronized Optional<Planned> take() {
        return Optional.ofNullable(pending.pollFirst());
    }

    private void queue(int calls, Planned planned) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls must be >= 0");
        }
        for (int i = 0; i < calls; i++) {
            pending.addLast(planned);
        }
    }

    private static Fault requireFault(Fault fault) {
        if (fault == null) {
            throw new IllegalArgumentException("fault must not be null");
        }
        return fault;
    }
}
