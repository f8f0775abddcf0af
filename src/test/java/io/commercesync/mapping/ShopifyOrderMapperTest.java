package io.commercesync.mapping;

import java.math.BigDecimal;
import java.time.Instant;

import io.commercesync.model.CommerceEvent;
import io.commercesync.model.EventKind;
import io.commercesync.model.Order;
import io.commercesync.model.OrderStatus;
import io.commercesync.model.Refund;
import io.commercesync.model.Source;
import io.commercesync.testing.Fixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShopifyOrderMapperTest {

    private static final String SHOP = "acme.myshopify.com";
    private final ShopifyEventMapper mapper = new ShopifyEventMapper();

    private CommerceEvent map(String fixture) {
        return map("orders/updated", fixture);
    }

    private CommerceEvent map(String topic, String fixture) {
        return mapper.toEvent(Fixtures.bytes("shopify/" + fixture), origin(topic));
    }

    private static CommerceEvent.Origin origin(String topic) {
        return new CommerceEvent.Origin(Source.SHOPIFY, SHOP, topic, "delivery-1", Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void mapsPaidOrderWithRegisteredCustomer() {
        CommerceEvent event = map("taxreceipts_orders_paid_usd_2018.json");
        Order order = event.order();

        assertEquals(EventKind.ORDER, event.kind());
        assertEquals("shopify:acme.myshopify.com:762815840312", order.externalId());
        assertEquals("#1029", order.number());
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals("USD", order.currency());
        assertEquals(new BigDecimal("457.74"), order.totals().total());
        assertEquals("shopify:acme.myshopify.com:929937489976", order.customer().externalId());
        assertFalse(order.customer().guest());
        assertEquals("Hughes", order.customer().lastName());
        assertEquals(1, order.lines().size());
        assertEquals(Instant.parse("2018-12-28T13:26:30Z"), event.sourceUpdatedAt());
    }

    @Test
    void mapsDiscountCodesShippingAndLinesOfDocsSampleOrder() {
        Order order = map("taxreceipts_shopify_docs_sample_order_1001.json").order();

        assertEquals(java.util.List.of("TENOFF"), order.discountCodes());
        assertEquals(3, order.lines().size());
        assertTrue(order.lines().stream().allMatch(line -> line.externalId().startsWith("shopify:acme.myshopify.com:line:")));
    }

    @Test
    void cancelledTestNotificationIsAnOrderCancellation() {
        CommerceEvent event = map("orders-create-test-notification.json");

        assertEquals(EventKind.ORDER_CANCELLED, event.kind());
        assertEquals(OrderStatus.CANCELLED, event.order().status());
        assertEquals("Generic Shipping", event.order().shippingMethod());
    }

    @Test
    void draftOrderWithoutCustomerOrEmailGetsAGuestIdFromTheOrder() {
        Order order = map("membi_orders_create_hkd_no_discount_2025.json").order();

        assertTrue(order.customer().guest());
        assertNull(order.customer().email(), "an empty e-mail is no e-mail");
        assertNull(order.customer().lastName());
        assertEquals("shopify:acme.myshopify.com:guest-order:6198424240428", order.customer().externalId());
        assertEquals("HKD", order.currency());
    }

    @Test
    void refundedCancelledOrderIsCancelled() {
        assertEquals(OrderStatus.CANCELLED, map("membi_orders_cancelled_hkd_2025.json").order().status());
    }

    @Test
    void rejectsPayloadWithoutId() {
        assertThrows(MappingException.class, () -> mapper.toEvent("{\"name\":\"#1\"}".getBytes(), origin("orders/create")));
    }

    @Test
    void multiCurrencyOrderIsKeptInTheShopsCurrencyWithWhatTheBuyerPaidBeside() {
        Order order = map("orders/create", "bagserver_orders_create_multicurrency_shop_aud_presentment_usd_2020.json").order();

        assertEquals("AUD", order.currency());
        assertEquals(new BigDecimal("60.33"), order.totals().total());
        assertEquals(new BigDecimal("10.15"), order.totals().shipping());
        assertEquals("USD", order.presentmentCurrency());
        assertEquals(new BigDecimal("45.85"), order.presentmentTotal());
    }

    @Test
    void singleCurrencyOrderHasNoPresentmentCurrency() {
        Order order = map("bagserver_orders_create_aud_2020.json").order();

        assertNull(order.presentmentCurrency());
        assertNull(order.presentmentTotal());
    }

    @Test
    void partiallyRefundedOrderKeepsItsRefundWithRefundedLinesAndDiscountCode() {
        Order order = map("shopifyapiruby_rest2026_07_order_450789469_refund_discount.json").order();

        assertEquals(OrderStatus.PAID, order.status());
        assertEquals("partially_refunded/unfulfilled", order.sourceStatus());
        assertEquals(java.util.List.of("TENOFF"), order.discountCodes());
        assertEquals("Free Shipping", order.shippingMethod());
        Refund refund = order.refunds().get(0);
        assertEquals("shopify:acme.myshopify.com:refund:509562969", refund.externalId());
        assertEquals(new BigDecimal("209.00"), refund.amount());
        assertEquals("it broke during shipping", refund.reason());
        assertEquals(2, refund.lines().size());
    }

    @Test
    void cancelledOrderKeepsItsCancelReasonStatusAndRefund() {
        Order order = map("orders/cancelled", "membi_orders_cancelled_hkd_2025.json").order();

        assertEquals("cancelled:refunded/unfulfilled", order.sourceStatus());
        assertEquals(new BigDecimal("99.00"), order.refunds().get(0).amount());
    }

    @Test
    void tagsAreSplitAndNotesKept() {
        assertEquals(java.util.List.of("tag1", "tag2"), map("orders-create-test-notification.json").order().tags());
        assertEquals(java.util.List.of("Léon", "Noël"), ShopifyOrderMapper.tags("Léon, Noël"));
    }

    @Test
    void refundsCreateBecomesARefundOfItsOrderWithRefundedLines() {
        CommerceEvent event = map("refunds/create", "shopifyapiruby_rest2026_07_refund_509562969.json");
        Refund refund = event.refund();

        assertEquals(EventKind.REFUND, event.kind());
        assertFalse(event.carriesOrder());
        assertEquals("shopify:acme.myshopify.com:450789469", refund.orderExternalId());
        assertEquals(new BigDecimal("209.00"), refund.amount());
        assertEquals("USD", refund.currency());
        assertEquals("shopify:acme.myshopify.com:line:703073504", refund.lines().get(0).lineExternalId());
        assertEquals(new BigDecimal("195.66"), refund.lines().get(0).amount());
        assertEquals(Instant.parse("2025-07-02T16:38:15Z"), refund.createdAt());
    }

    @Test
    void customerTopicsBecomeTheCustomerItsOrdersUse() {
        CommerceEvent event = map("customers/update", "shopifyapiruby_rest2026_07_customer_207119551.json");

        assertEquals(EventKind.CUSTOMER, event.kind());
        assertEquals("shopify:acme.myshopify.com:207119551", event.customer().externalId());
        assertEquals("bob.norman@mail.example.com", event.customer().email());
        assertEquals("Norman", event.customer().lastName());
        assertEquals("Louisville", event.customer().address().city());
        assertEquals(map("shopifyapiruby_rest2026_07_order_450789469_refund_discount.json").order().customer().externalId(),
                event.customer().externalId());
    }
}
