package io.commercesync.ingest;

import io.commercesync.model.EventKind;

/**
 * What one verified webhook delivery is, in the store's words: the topic and the store's delivery ids, and,
 * for a topic we handle, the kind of event and the id its Kafka key is made of.
 *
 * @param topic       the store's event name ({@code orders/create}, {@code order.updated}, {@code order.submitted})
 * @param kind        the canonical kind it becomes; null when the topic is not one we handle
 * @param keyId       the id within the store that the Kafka key ends with (the order id for orders and their
 *                    refunds, so they share a partition and stay in order; {@code customer:<id>} for customers)
 * @param deliveryId  the store's id of this delivery, when it sends one
 * @param eventId     the store's id of the event behind it, when it sends one
 * @param triggeredAt when the store says the event happened, as it says it
 */
public record Delivery(String topic, EventKind kind, String keyId, String deliveryId, String eventId, String triggeredAt) {

    public static Delivery ignored(String topic, String deliveryId) {
        return new Delivery(topic, null, null, deliveryId, null, null);
    }

    public boolean isIgnored() {
        return kind == null;
    }
}
