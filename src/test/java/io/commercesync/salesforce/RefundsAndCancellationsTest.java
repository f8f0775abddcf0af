package io.commercesync.salesforce;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.commercesync.sandbox.SandboxOrg;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.SharedInfrastructure;
import io.commercesync.testing.ShopifyWebhookClient;
import io.commercesync.testing.WooCommerceWebhookClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.commercesync.salesforce.StoreFixture.amount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refunds lower the Opportunity's Amount with a negative line that carries the refund's details; a full
 * refund or a cancellation moves it to the configured cancelled stage.
 */
class RefundsAndCancellationsTest {

    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);
    private static final String SHOP = ShopifyWebhookClient.SHOP;

    private static RunningApp app;
    private static ShopifyWebhookClient shopify;
    private static WooCommerceWebhookClient woo;
    private static SandboxOrg org;

    @BeforeAll
    static void startApp() {
        org = SharedInfrastructure.sandboxOrg();
        app = RunningApp.start(Map.of("commerce.sync.stage.cancelled", "Cancelled", "commerce.sync.stage.refunded", "Cancelled"));
        shopify = new ShopifyWebhookClient(app.baseUrl());
        woo = new WooCommerceWebhookClient(app.baseUrl());
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @Test
    void aPartialRefundLowersTheAmountAndAddsALineWithTheRefundDetails() {
        StoreFixture order = StoreFixture.fresh("shopify/taxreceipts_shopify_docs_sample_order_1001.json");
        send(shopify.send("orders/create", order.bytes()).statusCode());
        String stage = opportunity("shopify:" + SHOP + ":" + order.id).get("StageName").toString();

        StoreFixture refund = StoreFixture.fresh("shopify/shopifyapiruby_rest2026_07_refund_509562969.json")
                .with(json -> json.put("order_id", order.id));
        send(shopify.send("refunds/create", refund.bytes()).statusCode());

        Map<String, Object> opportunity = opportunity("shopify:" + SHOP + ":" + order.id);
        assertEquals(0, new BigDecimal("200.94").compareTo(amount(opportunity, "Amount")), "409.94 - 209.00");
        assertEquals(stage, opportunity.get("StageName"), "a partial refund does not close the opportunity");
        Map<String, Object> refundLine = refundLines(opportunity).get(0);
        assertEquals(0, new BigDecimal("-209").compareTo(amount(refundLine, "UnitPrice")));
        assertEquals("shopify:" + SHOP + ":" + order.id + ":refund:" + refund.id, refundLine.get("Commerce_Line_Id__c"));
        String details = String.valueOf(refundLine.get("Description"));
        assertTrue(details.contains("209.00 USD") && details.contains("it broke during shipping")
                && details.contains("2025-07-02T16:38:15Z"), details);
    }

    @Test
    void aRefundListedOnTheOrderAndDeliveredOnItsOwnIsOneLine() {
        StoreFixture order = StoreFixture.fresh("shopify/shopifyapiruby_rest2026_07_order_450789469_refund_discount.json");
        send(shopify.send("orders/updated", order.bytes()).statusCode());
        StoreFixture refund = StoreFixture.fresh("shopify/shopifyapiruby_rest2026_07_refund_509562969.json")
                .with(json -> {
                    json.put("order_id", order.id);
                    json.put("id", 509562969L);
                });
        send(shopify.send("refunds/create", refund.bytes()).statusCode());

        Map<String, Object> opportunity = opportunity("shopify:" + SHOP + ":" + order.id);
        assertEquals(1, refundLines(opportunity).size());
        assertEquals(0, new BigDecimal("389.94").compareTo(amount(opportunity, "Amount")), "598.94 - 209.00");
    }

    @Test
    void aFullyRefundedOrderIsCancelledWithNothingLeftToPay() {
        StoreFixture order = StoreFixture.fresh("woocommerce/wcios_order_609_fully_refunded_wc3.1.2.json");
        send(woo.send("order.updated", order.bytes()).statusCode());

        Map<String, Object> opportunity = opportunity("woocommerce:demo-shop.example.com:" + order.id);
        assertEquals("Cancelled", opportunity.get("StageName"));
        assertEquals(0, BigDecimal.ZERO.compareTo(amount(opportunity, "Amount")));
        assertTrue(String.valueOf(refundLines(opportunity).get(0).get("Description")).contains("Order fully refunded"));
    }

    @Test
    void aCancelledOrderMovesToTheCancelledStage() {
        StoreFixture paid = StoreFixture.fresh("shopify/bagserver_orders_create_aud_2020.json")
                .with(json -> json.put("financial_status", "paid"));
        StoreFixture cancelled = paid.with(json -> {
            json.put("cancelled_at", "2020-12-28T09:00:00+11:00");
            json.put("cancel_reason", "customer");
            json.put("updated_at", "2020-12-28T09:00:00+11:00");
        });
        send(shopify.send("orders/paid", paid.bytes()).statusCode());
        String id = "shopify:" + SHOP + ":" + paid.id;
        assertEquals("Paid", opportunity(id).get("StageName"));

        send(shopify.send("orders/cancelled", cancelled.bytes()).statusCode());

        assertEquals("Cancelled", opportunity(id).get("StageName"));
        assertEquals("AUD", opportunity(id).get("CurrencyIsoCode"));
    }

    @Test
    void theOpportunityHistoryShowsTheLifeOfTheOrder() {
        StoreFixture placed = StoreFixture.fresh("shopify/taxreceipts_shopify_docs_sample_order_1001.json")
                .with(json -> {
                    json.put("financial_status", "pending");
                    json.put("updated_at", "2008-01-10T11:00:00-05:00");
                });
        StoreFixture paid = placed.with(json -> {
            json.put("financial_status", "paid");
            json.put("updated_at", "2008-01-10T12:00:00-05:00");
        });
        StoreFixture shipped = paid.with(json -> {
            json.put("fulfillment_status", "fulfilled");
            json.put("updated_at", "2008-01-11T09:00:00-05:00");
        });
        StoreFixture refund = StoreFixture.fresh("shopify/shopifyapiruby_rest2026_07_refund_509562969.json")
                .with(json -> json.put("order_id", placed.id));
        StoreFixture cancelled = shipped.with(json -> {
            json.put("cancelled_at", "2008-01-12T09:00:00-05:00");
            json.put("updated_at", "2026-01-12T09:00:00-05:00");
        });

        send(shopify.send("orders/create", placed.bytes()).statusCode());
        send(shopify.send("orders/paid", paid.bytes()).statusCode());
        send(shopify.send("orders/fulfilled", shipped.bytes()).statusCode());
        send(shopify.send("refunds/create", refund.bytes()).statusCode());
        send(shopify.send("orders/cancelled", cancelled.bytes()).statusCode());

        String opportunityId = (String) opportunity("shopify:" + SHOP + ":" + placed.id).get("Id");
        List<Map<String, Object>> history = org.records("OpportunityHistory").stream()
                .filter(row -> opportunityId.equals(row.get("OpportunityId")))
                .sorted(java.util.Comparator.comparing(row -> (String) row.get("Id"))).toList();
        List<String> stages = history.stream().map(row -> (String) row.get("StageName")).distinct().toList();
        assertEquals(List.of("Placed", "Paid", "Shipped", "Cancelled"), stages, "the stages the order went through, in order");
        assertTrue(history.stream().anyMatch(row -> "Shipped".equals(row.get("StageName"))
                        && new BigDecimal("200.94").compareTo(amount(row, "Amount")) == 0),
                "the partial refund's lower amount is in the history too: " + history);
    }

    private static void send(int status) {
        assertEquals(200, status);
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);
    }

    private static Map<String, Object> opportunity(String orderId) {
        return org.findByExternalId("Opportunity", "Commerce_Order_Id__c", orderId).orElseThrow();
    }

    private static List<Map<String, Object>> refundLines(Map<String, Object> opportunity) {
        return LineItemsTest.lines(opportunity).stream()
                .filter(l -> String.valueOf(l.get("Commerce_Line_Id__c")).contains(":refund:")).toList();
    }
}
