package io.commercesync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.model.CommerceEvent;
import io.commercesync.model.EventKind;
import io.commercesync.model.Order;
import io.commercesync.model.OrderStatus;

import static io.commercesync.mapping.JsonFields.utcInstant;
import static io.commercesync.mapping.Payloads.firstNonNull;

/**
 * Limio webhooks to canonical events, by the event named at ingest: {@code customer} to a customer; a new
 * subscription and every order event to the subscription's canonical order, {@code order.cancellation} (or
 * an order whose type is a cancellation) to its cancellation.
 */
public final class LimioEventMapper implements StoreEventMapper {

    private final LimioOrderMapper orders = new LimioOrderMapper();
    private final LimioCustomerMapper customers = new LimioCustomerMapper();

    @Override
    public CommerceEvent toEvent(byte[] body, CommerceEvent.Origin origin) {
        JsonNode payload = Payloads.object(body, "Limio");
        JsonNode fields = LimioObjects.fields(payload);
        String topic = origin.topic() == null ? "order.submitted" : origin.topic();
        java.time.Instant updatedAt = firstNonNull(utcInstant(payload, "modified"), utcInstant(fields, "modified"),
                utcInstant(fields, "orderDate"), utcInstant(payload, "created"));
        if (topic.equals("customer")) {
            return CommerceEvent.ofCustomer(origin, updatedAt, customers.toCustomer(payload, origin.store()));
        }
        Order order = orders.toOrder(payload, origin.store(), topic.equals("order.cancellation"));
        EventKind kind = order.status() == OrderStatus.CANCELLED ? EventKind.ORDER_CANCELLED : EventKind.ORDER;
        return CommerceEvent.ofOrder(origin, kind, updatedAt, order);
    }
}
