package io.commercesync.salesforce;

import io.commercesync.model.CommerceEvent;

/**
 * An order event of a poll batch, for {@link GraphBatchWriter}.
 *
 * @param member the event's place in its batch (unique within the batch)
 */
public record BatchOrder(int member, CommerceEvent event) {
}
