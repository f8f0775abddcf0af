package io.commercesync.mapping;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.commercesync.ingest.WebhookHeaders;
import io.commercesync.model.CommerceEvent;
import io.commercesync.model.Source;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * First step of {@code sync-orders}: a record from {@code commerce.inbound} (the store's raw bytes plus the
 * {@link WebhookHeaders}) becomes a {@link CommerceEvent}, by the mapper of the record's source and its
 * topic. The raw bytes stay untouched in the record; only the exchange body changes. The event's kind is
 * also set as the {@link WebhookHeaders#EVENT_KIND} header, so later steps can tell orders (which the order
 * writer writes) from refunds, customers and deletions (see {@link CommerceEvent#carriesOrder()}).
 */
public final class InboundEventMapper implements Processor {

    private final Map<Source, StoreEventMapper> mappers;

    public InboundEventMapper(Map<Source, StoreEventMapper> mappers) {
        this.mappers = Map.copyOf(mappers);
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
        StoreEventMapper mapper = mappers.get(source);
        if (mapper == null) {
            throw new MappingException("No mapper for source " + source.id());
        }
        CommerceEvent.Origin origin = new CommerceEvent.Origin(source, message.getHeader(WebhookHeaders.STORE, String.class),
                message.getHeader(WebhookHeaders.TOPIC, String.class), message.getHeader(WebhookHeaders.DELIVERY_ID, String.class),
                receivedAt(message.getHeader(WebhookHeaders.RECEIVED_AT, String.class)));
        CommerceEvent event = mapper.toEvent(message.getBody(byte[].class), origin);
        message.setHeader(WebhookHeaders.EVENT_KIND, event.kind().name());
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
