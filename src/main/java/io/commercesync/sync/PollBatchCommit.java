package io.commercesync.sync;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Last step of {@code sync-orders}: commits the poll batch's offsets, synchronously, once every record of it
 * is in Salesforce, skipped, or on its dead-letter topic: for each partition the offset after its last record.
 * Until then a crash redelivers the whole batch; what was written is skipped through {@code processedDeliveries}
 * and the upserts make the rest harmless.
 */
public final class PollBatchCommit implements Processor {

    @Override
    public void process(Exchange exchange) {
        PollBatch batch = exchange.getProperty(PollBatch.PROPERTY, PollBatch.class);
        if (batch == null) {
            throw new IllegalStateException("No poll batch on the exchange: sync-orders' first step is pollBatchSorter");
        }
        Map<Object, KafkaManualCommit> lastByPartition = new LinkedHashMap<>();
        for (Exchange member : batch.members()) {
            KafkaManualCommit commit = member.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
            if (commit == null) {
                throw new IllegalStateException("No " + KafkaConstants.MANUAL_COMMIT
                        + " header: the Kafka consumer must run with allowManualCommit=true and autoCommitEnable=false");
            }
            lastByPartition.put(member.getMessage().getHeader(KafkaConstants.PARTITION), commit);
        }
        lastByPartition.values().forEach(KafkaManualCommit::commit);
    }
}
