package io.commercesync.deadletter;

import java.util.List;

/**
 * What a replay did: records read from the dead-letter topic, replayed to the inbound topic (or, in a dry
 * run, that would be), skipped by the filter, and failed to write; {@code letters} are the matching records.
 */
public record ReplaySummary(String topic, boolean dryRun, long read, long replayed, long skipped, long failed,
                            List<DeadLetter> letters) {

    public ReplaySummary {
        letters = List.copyOf(letters);
    }
}
