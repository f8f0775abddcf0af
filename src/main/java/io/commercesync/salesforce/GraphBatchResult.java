package io.commercesync.salesforce;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link GraphBatchWriter} did with each order of a batch, by {@link BatchOrder#member()}.
 *
 * @param written          in Salesforce now
 * @param skipped          changed nothing: older than Salesforce's copy, or a later event of the same order is in the batch
 * @param refused          failed for good (each alone): to the dead-letter topic with this exception
 * @param onTheirOwn       cannot be part of a graph (e.g. a customer for review): to be written one at a time
 * @param pending          not written because of a transient failure ({@link #transientFailure}): to be tried again
 */
public record GraphBatchResult(Set<Integer> written, Set<Integer> skipped, Map<Integer, RuntimeException> refused,
                               Set<Integer> onTheirOwn, List<BatchOrder> pending, Optional<SalesforceError> transientFailure) {
}
