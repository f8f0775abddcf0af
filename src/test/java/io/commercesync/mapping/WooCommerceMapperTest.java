package io.commercesync.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.commercesync.model.CommerceEvent;
import io.commercesync.model.Customer;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WooCommerce's own and real payloads (see fixtures/woocommerce/SOURCES.md) in the canonical model. */
class WooCommerceMapperTest {

    private static final String SITE = "shop.example.com";
    private final WooCommerceEventMapper mapper = new WooCommerceEventMapper();

    private CommerceEvent map(String topic, String fixture) {
        return mapper.toEvent(Fixtures.bytes("woocommerce/" + fixture),
                new CommerceEvent.Origin(Source.WOOCOMMERCE, SITE, topic, "d-1", Instant.parse("2025-01-01T00:00:00Z")));
    }

    @Test
    void guestOrderOfTheDocsIsPaidWithStringPricesAndAGuestCustomerByEmail() {
        CommerceEvent event = map("order.created", "wcdocs_v3_order_727_guest_processing.json");
        Order order = event.order();

        assertEquals(EventKind.ORDER, event.kind());
        assertEquals("woocommerce:shop.example.com:727", order.externalId());
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals("processing", order.sourceStatus());
        assertEquals(new BigDecimal("29.35"), order.totals().total());
        assertEquals(new BigDecimal("10.00"), order.totals().shipping());
        assertEquals(new BigDecimal("1.35"), order.totals().tax());
        assertEquals("Flat Rate", order.shippingMethod());
        assertTrue(order.customer().guest());
        assertEquals("woocommerce:shop.example.com:guest:john.doe@example.com", order.customer().externalId());
        assertEquals("San Francisco", order.billingAddress().city());
        assertEquals(2, order.lines().size());
        assertEquals(Instant.parse("2017-03-22T19:28:02Z"), order.placedAt());
        assertEquals(Instant.parse("2017-03-22T19:28:08Z"), event.sourceUpdatedAt(), "read from date_modified_gmt as UTC");
    }

    @Test
    void registeredCompletedOrderListsItsRefundsAsPositiveAmounts() {
        Order order = map("order.updated", "wcdocs_v3_order_723_registered_completed_2refunds.json").order();

        assertEquals(OrderStatus.CLOSED, order.status());
        assertFalse(order.customer().guest());
        assertEquals("woocommerce:shop.example.com:26", order.customer().externalId());
        assertEquals(List.of(new BigDecimal("10.00"), new BigDecimal("9.00")), order.refunds().stream().map(Refund::amount).toList());
        assertEquals("woocommerce:shop.example.com:refund:726", order.refunds().get(0).externalId());
        assertEquals(order.externalId(), order.refunds().get(0).orderExternalId());
    }

    @Test
    void guestCheckoutWithUnroundedFloatPriceKeepsTheExactDecimal() {
        Order order = map("order.created", "wcios_order_211_guest_customer0_wc6.1.1.json").order();

        assertTrue(order.customer().guest());
        assertEquals(new BigDecimal("17.647059"), order.lines().get(0).unitPrice());
    }

    @Test
    void couponCodesAndDiscountAreKept() {
        Order order = map("order.created", "wcios_order_963_coupon_meta_wc3.3.4.json").order();

        assertEquals(List.of("30$off"), order.discountCodes());
        assertEquals(new BigDecimal("30.00"), order.totals().discount());
        assertEquals(new BigDecimal("60.00"), order.totals().subtotal(), "sum of line subtotals, before the coupon");
        assertEquals(new BigDecimal("31.20"), order.totals().total());
        assertNull(order.totals().fees(), "no fee lines");
        assertEquals("5555-A", order.lines().get(1).sku());
    }

    @Test
    void fullyRefundedOrderIsRefundedAndShowsThePluginsOrderNumberFromMetaData() {
        Order order = map("order.updated", "wcios_order_609_fully_refunded_wc3.1.2.json").order();

        assertEquals(OrderStatus.REFUNDED, order.status());
        assertEquals("WC-1018-ZZ", order.number(), "_order_number_formatted in meta_data");
        assertEquals(new BigDecimal("223.71"), order.refunds().get(0).amount());
        assertEquals("Order fully refunded", order.refunds().get(0).reason());
        assertEquals("Ground (UPS)", order.shippingMethod());
        assertEquals("90210", order.shippingAddress().postalCode(), "shipping address apart from billing");
        assertEquals("01904", order.billingAddress().postalCode());
    }

    @Test
    void everyWooCommerceStatusHasACanonicalOne() {
        assertEquals(OrderStatus.PLACED, WooCommerceOrderMapper.status("pending"));
        assertEquals(OrderStatus.PLACED, WooCommerceOrderMapper.status("on-hold"));
        assertEquals(OrderStatus.PLACED, WooCommerceOrderMapper.status("failed"));
        assertEquals(OrderStatus.PLACED, WooCommerceOrderMapper.status("checkout-draft"));
        assertEquals(OrderStatus.PAID, WooCommerceOrderMapper.status("processing"));
        assertEquals(OrderStatus.CLOSED, WooCommerceOrderMapper.status("completed"));
        assertEquals(OrderStatus.CANCELLED, WooCommerceOrderMapper.status("cancelled"));
        assertEquals(OrderStatus.CANCELLED, WooCommerceOrderMapper.status("trash"));
        assertEquals(OrderStatus.REFUNDED, WooCommerceOrderMapper.status("refunded"));
        assertEquals(OrderStatus.PLACED, WooCommerceOrderMapper.status("wc-awaiting-shipment"));
    }

    @Test
    void cancelledOrderIsACancellation() {
        String cancelled = new String(Fixtures.bytes("woocommerce/wcdocs_v3_order_727_guest_processing.json"))
                .replace("\"status\": \"processing\"", "\"status\": \"cancelled\"");
        CommerceEvent event = mapper.toEvent(cancelled.getBytes(),
                new CommerceEvent.Origin(Source.WOOCOMMERCE, SITE, "order.updated", null, Instant.now()));

        assertEquals(EventKind.ORDER_CANCELLED, event.kind());
        assertTrue(event.carriesOrder());
    }

    @Test
    void deletionCarriesOnlyTheOrdersIdAndIsNotForTheOrderWriter() {
        CommerceEvent event = mapper.toEvent("{\"id\":727}".getBytes(),
                new CommerceEvent.Origin(Source.WOOCOMMERCE, SITE, "order.deleted", null, Instant.now()));

        assertEquals(EventKind.ORDER_DELETED, event.kind());
        assertEquals("woocommerce:shop.example.com:727", event.order().externalId());
        assertFalse(event.carriesOrder());
    }

    @Test
    void customerOfTheDocsHasTheIdItsOrdersUse() {
        CommerceEvent event = map("customer.updated", "wcdocs_v3_customer_25.json");
        Customer customer = event.customer();

        assertEquals(EventKind.CUSTOMER, event.kind());
        assertEquals("woocommerce:shop.example.com:25", customer.externalId());
        assertEquals("john.doe@example.com", customer.email());
        assertEquals("Doe", customer.lastName());
        assertEquals("94103", customer.address().postalCode());
        assertFalse(event.carriesOrder());
    }
}
