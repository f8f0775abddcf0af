package io.commercesync.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Random;

/**
 * Fault injection. Planned faults are consumed one per counted API call, in the order they were
 * queued: a fault answer instead of processing ({@link #failNext}), a fault answer after the call
 * was processed and committed, i.e. a lost response ({@link #failNextAfterCommit}), or a delay
 * before normal processing ({@link #delayNext}). Besides the queue, a share of calls can fail
 * ({@link #failShare}): each counted call that no queued disturbance claims fails with that
 * probability, until {@link #clear()}.
 */
public final class Faults {

    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

    /** One planned disturbance of one call. */
    record Planned(Fault fault, boolean afterCommit, Duration delay) {
    }

    /** Each counted call fails with {@code fault} with probability {@code share}, drawn from {@code random}. */
    private record Share(double share, Fault fault, Random random) {
    }

    private final Deque<Planned> pending = new ArrayDeque<>();
    private Share share;

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

    /**
     * From now until {@link #clear()}, each counted API call that no queued disturbance claims fails
     * with {@code fault} (and changes nothing) with probability {@code share} (0 to 1). Replaces an
     * earlier share.
     */
    public void failShare(double share, Fault fault) {
        failShare(share, fault, new Random());
    }

    /** {@link #failShare(double, Fault)} drawing from {@code new Random(seed)}: the same calls fail on every run. */
    public void failShare(double share, Fault fault, long seed) {
        failShare(share, fault, new Random(seed));
    }

    private synchronized void failShare(double share, Fault fault, Random random) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be between 0 and 1");
        }
        this.share = new Share(share, requireFault(fault), random);
        LOG.info("fault share set: {}% of calls answer {}", share * 100, fault);
    }

    /** The share of calls currently failing (0 when none is set). */
    public synchronized double share() {
        return share == null ? 0 : share.share();
    }

    /** Clears the queue and the share. */
    public synchronized void clear() {
        pending.clear();
        share = null;
    }

    /** Number of planned disturbances not yet consumed. */
    public synchronized int pending() {
        return pending.size();
    }

    /** The disturbance of the next counted call: the next queued one, else perhaps the share's fault. */
    synchronized Optional<Planned> take() {
        Planned next = pending.pollFirst();
        if (next == null && share != null && share.random().nextDouble() < share.share()) {
            next = new Planned(share.fault(), false, null);
        }
        return Optional.ofNullable(next);
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
