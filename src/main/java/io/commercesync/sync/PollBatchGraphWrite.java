package io.commercesync.sync;

import io.commercesync.salesforce.GraphBatchResult;
import io.commercesync.salesforce.GraphBatchWriter;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The graph step of {@code sync-orders}: writes the batch's orders still to be written ({@link GraphBatchWriter}),
 * records each written (or skipped) event in {@code processedDeliveries}, and throws
 * {@link GraphBatchFailedException} while some wait on a transient failure, so the route's redelivery tries
 * this step again for them alone. {@link #giveUp} dead-letters what is left when the attempts run out.
 */
public final class PollBatchGraphWrite implements Processor {

    private final GraphBatchWriter writer;
    private final IdempotentRepository processedDeliveries;

    public PollBatchGraphWrite(GraphBatchWriter writer, IdempotentRepository processedDeliveries) {
        this.writer = writer;
        this.processedDeliveries = processedDeliveries;
    }

    @Override
    public void process(Exchange exchange) {
        PollBatch batch = exchange.getProperty(PollBatch.PROPERTY, PollBatch.class);
        if (batch == null || batch.forGraph().isEmpty()) {
            return;
        }
        GraphBatchResult result = writer.write(batch.forGraph());
        batch.settle(result).forEach(processedDeliveries::add);
        if (!result.pending().isEmpty()) {
            throw new GraphBatchFailedException(result.transientFailure().orElseThrow(), result.pending().size());
        }
    }

    /** Called by the route's error handler once the graph step's attempts are used up. */
    public void giveUp(Exchange exchange) {
        PollBatch batch = exchange.getProperty(PollBatch.PROPERTY, PollBatch.class);
        RuntimeException failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RuntimeException.class);
        if (batch != null) {
            batch.deadLetterTheRest(failure);
        }
    }
}
