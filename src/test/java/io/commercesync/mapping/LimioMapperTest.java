package io.commercesync.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.commercesync.model.CommerceEvent;
import io.commercesync.model.EventKind;
import io.commercesync.model.Order;
import io.commercesync.model.OrderStatus;
import io.commercesync.model.Source;
import io.commercesync.testing.Fixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Limio objects in the canonical model. No complete Limio webhook body is public: these objects are
 * assembled from Limio's documented fragments (see fixtures/limio/SOURCES.md).
 */
class LimioMapperTest {

    private static final String TENANT = "acme.prod.limio.com";
    private final LimioEventMapper mapper = new LimioEventMapper();

    private CommerceEvent map(String event, String fixture) {
        return mapper.toEvent(Fixtures.bytes("limio/" + fixture),
                new CommerceEvent.Origin(Source.LIMIO, TENANT, event, null, Instant.parse("2025-01-01T00:00:00Z")));
    }

    @Test
    void newSubscriptionOrderIsAnOrderOfItsSubscription() {
        CommerceEvent event = map("order.submitted", "limio_order_submitted_new_assembled.json");
        Order order = event.order();

        assertEquals(EventKind.ORDER, event.kind());
        assertTrue(event.carriesOrder());
        assertEquals("limio:acme.prod.limio.com:subscription:2TJ25TK632EG", order.externalId());
        assertEquals("8HK92PL401QW", order.number());
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals("USD", order.currency());
        assertEquals(new BigDecimal("75.00"), order.totals().total());
        assertEquals(List.of("TEST123"), order.discountCodes());
        assertEquals("LI.DIGITAL", order.lines().get(0).sku());
        assertEquals("limio:acme.prod.limio.com:id-62401f8d5bf6b26a37ea0defd66fd005", order.customer().externalId());
        assertEquals("Reader", order.customer().lastName());
        assertEquals("EC4Y 1AA", order.billingAddress().postalCode());
        assertEquals(Instant.parse("2024-03-22T10:15:00Z"), order.placedAt());
    }

    @Test
    void offerChangeUpdatesTheSameCanonicalOrderInItsNewCurrency() {
        Order submitted = map("order.submitted", "limio_order_submitted_new_assembled.json").order();
        Order changed = map("order.offer_change", "limio_order_change_offer_assembled.json").order();

        assertEquals(submitted.externalId(), changed.externalId());
        assertEquals("GBP", changed.currency());
        assertEquals(new BigDecimal("19.99"), changed.totals().total());
        assertEquals("change_offer/complete", changed.sourceStatus());
    }

    @Test
    void subscriptionCancellationIsACancellationOfTheSubscriptionsOrder() {
        CommerceEvent event = map("order.cancellation", "limio_order_cancellation_assembled.json");

        assertEquals(EventKind.ORDER_CANCELLED, event.kind());
        assertEquals(OrderStatus.CANCELLED, event.order().status());
        assertEquals("limio:acme.prod.limio.com:subscription:2TJ25TK632EG", event.order().externalId());
    }

    @Test
    void subscriptionObjectFromTheObjectsApiIsAnOrderLikeAnyOther() {
        CommerceEvent event = map("subscription.created", "limio_subscription_3V053CN9SFIG_objects_api.json");

        assertEquals(EventKind.ORDER, event.kind());
        assertEquals("limio:acme.prod.limio.com:subscription:3V053CN9SFIG", event.order().externalId());
        assertEquals(Instant.parse("2024-03-22T00:00:00Z"), event.order().placedAt());
    }

    @Test
    void customerObjectBecomesACustomer() {
        CommerceEvent event = map("customer", "limio_customer_assembled.json");

        assertEquals(EventKind.CUSTOMER, event.kind());
        assertEquals("limio:acme.prod.limio.com:cust-2b7e151628aed2a6abf7158809cf4f3c", event.customer().externalId());
        assertEquals("Reader Media Ltd", event.customer().company());
        assertEquals("London", event.customer().address().city());
    }
}
