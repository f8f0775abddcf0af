package io.commercesync.sync;

import org.apache.camel.Exchange;

/**
 * In {@code sync-orders}' split of a batch's dead letters: gives each record its own failure, where
 * {@code direct:dead-letter} ({@code DeadLetterRecord}) reads it, and drops the carrier header.
 */
public final class BatchDeadLetter implements org.apache.camel.Processor {

    @Override
    public void process(Exchange exchange) {
        Object failure = exchange.getMessage().removeHeader(PollBatch.FAILURE_HEADER);
        if (failure instanceof Exception exception) {
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, exception);
        }
    }
}
