package io.commercesync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.model.CommerceEvent;
import io.commercesync.model.EventKind;
import io.commercesync.model.ExternalId;
import io.commercesync.model.Order;
import io.commercesync.model.OrderStatus;
import io.commercesync.model.Source;

import static io.commercesync.mapping.JsonFields.utcInstant;
import static io.commercesync.mapping.Payloads.firstNonNull;

/**
 * WooCommerce webhooks to canonical events, by topic: {@code order.created/updated/restored} to orders (a
 * cancelled or trashed one is a cancellation), {@code order.deleted} (whose body is only {@code {"id": N}})
 * to a deletion, {@code customer.created/updated} to customers.
 */
public final class WooCommerceEventMapper implements StoreEventMapper {

    private final WooCommerceOrderMapper orders = new WooCommerceOrderMapper();
    private final WooCommerceCustomerMapper customers = new WooCommerceCustomerMapper();

    @Override
    public CommerceEvent toEvent(byte[] body, CommerceEvent.Origin origin) {
        JsonNode payload = Payloads.object(body, "WooCommerce");
        String topic = origin.topic() == null ? "order.updated" : origin.topic();
        if (topic.startsWith("customer.")) {
            return CommerceEvent.ofCustomer(origin,
                    firstNonNull(utcInstant(payload, "date_modified_gmt"), utcInstant(payload, "date_created_gmt")),
                    customers.toCustomer(payload, origin.store()));
        }
        if (topic.equals("order.deleted")) {
            String id = Payloads.requiredId(payload, "id", "WooCommerce order.deleted payload");
            return CommerceEvent.ofOrder(origin, EventKind.ORDER_DELETED, null,
                    Order.deleted(ExternalId.of(Source.WOOCOMMERCE, origin.store(), id)));
        }
        Order order = orders.toOrder(payload, origin.store());
        EventKind kind = order.status() == OrderStatus.CANCELLED ? EventKind.ORDER_CANCELLED : EventKind.ORDER;
        return CommerceEvent.ofOrder(origin, kind, WooCommerceOrderMapper.updatedAt(payload), order);
    }
}
