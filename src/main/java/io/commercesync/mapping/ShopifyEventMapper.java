package io.commercesync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.model.CommerceEvent;
import io.commercesync.model.EventKind;
import io.commercesync.model.Order;
import io.commercesync.model.OrderStatus;

import static io.commercesync.mapping.JsonFields.instant;
import static io.commercesync.mapping.Payloads.firstNonNull;

/**
 * Shopify webhooks to canonical events, by topic: {@code orders/*} to orders ({@code orders/cancelled}, or
 * any order with {@code cancelled_at}, is a cancellation), {@code refunds/create} to refunds,
 * {@code customers/*} to customers.
 */
public final class ShopifyEventMapper implements StoreEventMapper {

    private final ShopifyOrderMapper orders = new ShopifyOrderMapper();
    private final ShopifyRefundMapper refunds = new ShopifyRefundMapper();
    private final ShopifyCustomerMapper customers = new ShopifyCustomerMapper();

    @Override
    public CommerceEvent toEvent(byte[] body, CommerceEvent.Origin origin) {
        JsonNode payload = Payloads.object(body, "Shopify");
        String topic = origin.topic() == null ? "orders/updated" : origin.topic();
        if (topic.startsWith("refunds/")) {
            return CommerceEvent.ofRefund(origin, firstNonNull(instant(payload, "processed_at"), instant(payload, "created_at")),
                    refunds.toRefund(payload, origin.store(), null));
        }
        if (topic.startsWith("customers/")) {
            return CommerceEvent.ofCustomer(origin, firstNonNull(instant(payload, "updated_at"), instant(payload, "created_at")),
                    customers.toCustomer(payload, origin.store()));
        }
        Order order = orders.toOrder(payload, origin.store());
        EventKind kind = order.status() == OrderStatus.CANCELLED ? EventKind.ORDER_CANCELLED : EventKind.ORDER;
        return CommerceEvent.ofOrder(origin, kind, firstNonNull(instant(payload, "updated_at"), instant(payload, "created_at")), order);
    }
}
