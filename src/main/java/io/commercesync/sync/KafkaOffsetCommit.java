package io.commercesync.sync;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Commits the consumed record's offset, synchronously, once the event is in Salesforce or on a dead-letter
 * topic: the last step of each path through {@code sync-orders}. Until then a crash redelivers the record,
 * and the upserts by external id make the redelivery harmless. Inside a poll batch (split from {@code sync-orders})
 * it does nothing: {@link PollBatchCommit} commits the batch at its end.
 */
public final class KafkaOffsetCommit implements Processor {

    @Override
    public void process(Exchange exchange) {
        if (exchange.getProperty(PollBatch.PROPERTY) != null) {
            return; // a record of a poll batch: the batch commits once all of it is done (PollBatchCommit)
        }
        KafkaManualCommit commit = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (commit == null) {
            throw new IllegalStateException("No " + KafkaConstants.MANUAL_COMMIT
                    + " header: the Kafka consumer must run with allowManualCommit=true and autoCommitEnable=false");
        }
        commit.commit();
    }
}
