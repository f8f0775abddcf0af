package io.commercesync.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Fault injection: queued faults are consumed one per counted API call, in order. */
public final class Faults {

    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

    private final Deque<Fault> pending = new ArrayDeque<>();

    Faults() {
    }

    /** The next {@code calls} counted API calls fail with {@code fault} (after any already queued). */
    public synchronized void failNext(int calls, Fault fault) {
        if (calls < 0 || fault == null) {
            throw new IllegalArgumentException("calls must be >= 0 and fault non-null");
        }
        for (int i = 0; i < calls; i++) {
            pending.addLast(fault);
        }
        LOG.info("fault queued: next {} call(s) answer {}", calls, fault);
    }

    public synchronized void clear() {
        pending.clear();
    }

    /** Number of faults still queued. */
    public synchronized int pending() {
        return pending.size();
    }

    synchronized Optional<Fault> take() {
        return Optional.ofNullable(pending.pollFirst());
    }
}
