package io.commercesync.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened in a store, in the canonical model: exactly one of {@code order}, {@code refund}
 * and {@code customer} is set, as {@code kind} says (an {@link EventKind#ORDER_DELETED} event has an order
 * that holds only its external id).
 *
 * @param store           the store within its platform: a Shopify shop domain, a WooCommerce site, a Limio tenant
 * @param topic           the store's own name of the event, e.g. {@code orders/paid}, {@code order.updated}
 * @param deliveryId      the store's id of this webhook delivery, when it sends one
 * @param sourceUpdatedAt when the store last changed the object, used to ignore events older than Salesforce's copy
 * @param receivedAt      when Commerce Sync received the webhook
 */
public record CommerceEvent(Source source, String store, EventKind kind, String topic, String deliveryId,
                            Instant sourceUpdatedAt, Instant receivedAt, Order order, Refund refund, Customer customer) {

    public CommerceEvent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        boolean consistent = switch (kind) {
            case ORDER, ORDER_CANCELLED, ORDER_DELETED -> order != null && refund == null && customer == null;
            case REFUND -> refund != null && order == null && customer == null;
            case CUSTOMER -> customer != null && order == null && refund == null;
        };
        if (!consistent) {
            throw new IllegalArgumentException("A " + kind + " event must carry exactly its own payload");
        }
    }

    /** Where the event came from and when, shared by every kind. */
    public record Origin(Source source, String store, String topic, String deliveryId, Instant receivedAt) {
    }

    public static CommerceEvent ofOrder(Origin origin, EventKind kind, Instant sourceUpdatedAt, Order order) {
        return new CommerceEvent(origin.source(), origin.store(), kind, origin.topic(), origin.deliveryId(),
                sourceUpdatedAt, origin.receivedAt(), order, null, null);
    }

    public static CommerceEvent ofRefund(Origin origin, Instant sourceUpdatedAt, Refund refund) {
        return new CommerceEvent(origin.source(), origin.store(), EventKind.REFUND, origin.topic(), origin.deliveryId(),
                sourceUpdatedAt, origin.receivedAt(), null, refund, null);
    }

    public static CommerceEvent ofCustomer(Origin origin, Instant sourceUpdatedAt, Customer customer) {
        return new CommerceEvent(origin.source(), origin.store(), EventKind.CUSTOMER, origin.topic(), origin.deliveryId(),
                sourceUpdatedAt, origin.receivedAt(), null, null, customer);
    }

    /** Whether this is an order the order writer can write: placed/changed or cancelled, with its customer. */
    public boolean carriesOrder() {
        return (kind == EventKind.ORDER || kind == EventKind.ORDER_CANCELLED) && order.customer() != null;
    }

    /** The external id of what the event is about (order, refund or customer), for logs. */
    public String subjectId() {
        return switch (kind) {
            case ORDER, ORDER_CANCELLED, ORDER_DELETED -> order.externalId();
            case REFUND -> refund.externalId();
            case CUSTOMER -> customer.externalId();
        };
    }
}
