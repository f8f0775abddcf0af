package io.commercesync.deadletter;

/** Told about a replay's progress as it goes; {@code total} is the number of records on the topic at the start. */
@FunctionalInterface
public interface ReplayProgress {

    void update(long read, long total, long replayed, long skipped, long failed);

    ReplayProgress NONE = (read, total, replayed, skipped, failed) -> { };
}
