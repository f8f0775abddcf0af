package io.commercesync.sync;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Commits the consumed record's offset, synchronously, once the event is in Salesforce or on a dead-letter
 * topic: the last step of each path through {@code sync-orders}. Until then a crash redelivers the record,
 * and the upserts by external id make the redelivery harmless.
 */
public final class KafkaOffsetCommit implements Processor {

    @Override
    public void process(Exchange exchange) {
        KafkaManualCommit commit = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (commit == null) {
            throw new IllegalStateException("No " + KafkaConstants.MANUAL_COMMIT
                    + " header: the Kafka consumer must run with allowManualCommit=true and autoCommitEnable=false");
        }
        commit.commit();
    }
}
