package io.commercesync.deadletter;

import java.time.Instant;

/** One record on a dead-letter topic, as a replay sees it. */
public record DeadLetter(int partition, long offset, String key, String errorCode, String errorMessage,
                         Instant deadLetteredAt, int replayCount) {
}
