package io.commercesync.mapping;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.commercesync.ingest.WebhookHeaders;
import io.commercesync.model.CommerceEvent;
import io.commercesync.model.Source;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * First step of {@code sync-orders}: a record from {@code commerce.inbound} (the store's raw bytes plus the
 * {@link WebhookHeaders}) becomes a {@link CommerceEvent}, by the mapper of the record's source.
 * The raw bytes stay untouched in the record; only the exchange body changes.
 */
public final class InboundEventMapper implements Processor {

    private final ShopifyOrderMapper shopify;

    public InboundEventMapper(ShopifyOrderMapper shopify) {
        this.shopify = shopify;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String sourceId = message.getHeader(WebhookHeaders.SOURCE, String.class);
        if (sourceId == null) {
            throw new MappingException("The record has no " + WebhookHeaders.SOURCE + " header");
        }
        Source source;
        try {
            source = Source.fromId(sourceId);
        } catch (IllegalArgumentException e) {
            throw new MappingException("Unknown source " + sourceId);
        }
        byte[] body = message.getBody(byte[].class);
        String store = message.getHeader(WebhookHeaders.STORE, String.class);
        String deliveryId = message.getHeader(WebhookHeaders.DELIVERY_ID, String.class);
        Instant receivedAt = receivedAt(message.getHeader(WebhookHeaders.RECEIVED_AT, String.class));
        CommerceEvent event = switch (source) {
            case SHOPIFY -> shopify.toEvent(body, store, deliveryId, receivedAt);
            default -> throw new MappingException("No mapper for source " + source.id() + " yet");
        };
        message.setBody(event);
    }

    private static Instant receivedAt(String header) {
        if (header == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(header);
        } catch (DateTimeParseException e) {
            throw new MappingException("Header " + WebhookHeaders.RECEIVED_AT + " is not an ISO-8601 instant: " + header);
        }
    }
}
