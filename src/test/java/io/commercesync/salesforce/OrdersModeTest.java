package io.commercesync.salesforce;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * {@code commerce.sync.target=orders}: an order becomes a Draft Salesforce Order with its OrderItems (upserted by
 * Commerce_Order_Id__c / Commerce_Line_Id__c), still one call per order, with the ordering guard, refunds as
 * negative products and cancellations in {@code Commerce_Status__c}.
 */
class OrdersModeTest {

    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);
    private static final String SHOP = ShopifyWebhookClient.SHOP;

    private static RunningApp app;
    private static ShopifyWebhookClient shopify;
    private static SandboxOrg org;

    @BeforeAll
    static void startApp() {
        org = SharedInfrastructure.sandboxOrg();
        app = RunningApp.start(Map.of("commerce.sync.target", "orders"));
        shopify = new ShopifyWebhookClient(app.baseUrl());
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @Test
    void anOrderBecomesADraftOrderWithItsProductsInOneCall() {
        StoreFixture paid = StoreFixture.fresh("shopify/taxreceipts_shopify_docs_sample_order_1001.json");
        long before = org.apiCalls();
        send("orders/paid", paid);

        String id = "shopify:" + SHOP + ":" + paid.id;
        Map<String, Object> order = order(id);
        assertEquals("Draft", order.get("Status"));
        assertEquals("paid", order.get("Commerce_Status__c"));
        assertEquals("shopify", order.get("Commerce_Source__c"));
        assertEquals(org.standardPricebookId(), order.get("Pricebook2Id"));
        assertEquals("2008-01-10", order.get("EffectiveDate"));
        assertEquals(0, new BigDecimal("409.94").compareTo(amount(order, "TotalAmount")), "the products add up to the order total");
        Map<String, Object> account = org.findByExternalId("Account", "Commerce_Customer_Id__c",
                "shopify:" + SHOP + ":" + paid.id).orElseThrow();
        assertEquals(account.get("Id"), order.get("AccountId"));
        List<Map<String, Object>> items = items(order);
        assertEquals(4, items.size(), "three iPods and the adjustment line: " + items);
        assertTrue(items.stream().anyMatch(i -> (id + ":line:466157049").equals(i.get("Commerce_Line_Id__c"))));
        assertTrue(org.findByExternalId("Opportunity", "Commerce_Order_Id__c", id).isEmpty(), "no Opportunity in orders mode");
        assertTrue(org.apiCalls() - before <= 3, "the order is one call (besides price book reads the first time)");
    }

    @Test
    void anOlderEventLeavesTheOrderAsItIsWithoutADeadLetter() {
        StoreFixture paid = StoreFixture.fresh("shopify/taxreceipts_orders_paid_usd_2018.json");
        StoreFixture created = paid.with(json -> {
            json.put("financial_status", "pending");
            json.put("updated_at", "2018-12-28T08:20:00-05:00");
            json.put("note", "written when the order was placed");
        });
        send("orders/paid", paid);
        long before = org.apiCalls();
        send("orders/create", created);

        Map<String, Object> order = order("shopify:" + SHOP + ":" + paid.id);
        assertEquals("paid", order.get("Commerce_Status__c"));
        assertEquals(null, order.get("Commerce_Note__c"), "nothing of the older event was written");
        assertEquals("2018-12-28T13:26:30.000+0000", order.get("Commerce_Source_Updated_At__c"));
        assertEquals(1, org.apiCalls() - before, "the guard is inside the order's request");
        assertEquals(0, KafkaTopics.endOffset(app.deadLetterTopic("shopify")));
    }

    @Test
    void aRefundAddsANegativeProductThatLowersTheOrderAmount() {
        StoreFixture placed = StoreFixture.fresh("shopify/taxreceipts_shopify_docs_sample_order_1001.json");
        send("orders/create", placed);
        StoreFixture refund = StoreFixture.fresh("shopify/shopifyapiruby_rest2026_07_refund_509562969.json")
                .with(json -> json.put("order_id", placed.id));
        send("refunds/create", refund);

        String id = "shopify:" + SHOP + ":" + placed.id;
        Map<String, Object> order = order(id);
        assertEquals("Draft", order.get("Status"), "Commerce Sync never activates an order");
        assertEquals(0, new BigDecimal("200.94").compareTo(amount(order, "TotalAmount")), "409.94 - 209.00");
        Map<String, Object> refundItem = items(order).stream()
                .filter(i -> (id + ":refund:" + refund.id).equals(i.get("Commerce_Line_Id__c"))).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("-209").compareTo(amount(refundItem, "UnitPrice")));
    }

    @Test
    void aCancelledOrderStaysDraftWithItsStatusCancelled() {
        StoreFixture paid = StoreFixture.fresh("shopify/bagserver_orders_create_aud_2020.json")
                .with(json -> json.put("financial_status", "paid"));
        StoreFixture cancelled = paid.with(json -> {
            json.put("cancelled_at", "2020-12-28T09:00:00+11:00");
            json.put("cancel_reason", "customer");
            json.put("updated_at", "2020-12-28T09:00:00+11:00");
        });
        send("orders/paid", paid);
        send("orders/cancelled", cancelled);

        Map<String, Object> order = order("shopify:" + SHOP + ":" + paid.id);
        assertEquals("Draft", order.get("Status"));
        assertEquals("cancelled", order.get("Commerce_Status__c"));
        assertEquals("AUD", order.get("CurrencyIsoCode"));
    }

    @Test
    void aProductTheStoreRemovedIsDeletedFromTheOrder() {
        StoreFixture placed = StoreFixture.fresh("shopify/taxreceipts_shopify_docs_sample_order_1001.json");
        send("orders/create", placed);
        StoreFixture edited = placed.with(json -> {
            ((ArrayNode) json.get("line_items")).remove(2);
            json.put("updated_at", "2008-01-10T12:00:00-05:00");
        });
        send("orders/updated", edited);

        Map<String, Object> order = order("shopify:" + SHOP + ":" + placed.id);
        assertEquals(3, items(order).size(), items(order).toString());
        assertEquals(0, new BigDecimal("409.94").compareTo(amount(order, "TotalAmount")), "the adjustment keeps the total");
    }

    @Test
    void aWooCommerceGuestOrderBecomesAnOrderOfItsGuestAccount() {
        StoreFixture guest = StoreFixture.fresh("woocommerce/wcdocs_v3_order_727_guest_processing.json");
        assertEquals(200, new WooCommerceWebhookClient(app.baseUrl()).send("order.created", guest.bytes()).statusCode());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);

        Map<String, Object> order = order("woocommerce:demo-shop.example.com:" + guest.id);
        assertEquals(0, new BigDecimal("29.35").compareTo(amount(order, "TotalAmount")));
        assertEquals(org.findByExternalId("Account", "Commerce_Customer_Id__c",
                "woocommerce:demo-shop.example.com:guest:john.doe@example.com").orElseThrow().get("Id"), order.get("AccountId"));
    }

    private static void send(String topic, StoreFixture payload) {
        assertEquals(200, shopify.send(topic, payload.bytes()).statusCode());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);
    }

    private static Map<String, Object> order(String orderId) {
        return org.findByExternalId("Order", "Commerce_Order_Id__c", orderId).orElseThrow(
                () -> new AssertionError("no Order " + orderId + "; dead letters: " + KafkaTopics.endOffset(app.deadLetterTopic("shopify"))));
    }

    private static List<Map<String, Object>> items(Map<String, Object> order) {
        return org.records("OrderItem").stream().filter(i -> order.get("Id").equals(i.get("OrderId"))).toList();
    }
}
