package io.commercesync.salesforce;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.sandbox.SandboxOrg;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.SharedInfrastructure;
import io.commercesync.testing.ShopifyWebhookClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code commerce.sync.target=events}: every event is published as one {@code Commerce_Order_Event__e} (the fields
 * in the README) and no record is written, for orgs whose Flows do the mapping.
 */
class PlatformEventsTest {

    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHOP = ShopifyWebhookClient.SHOP;

    private static RunningApp app;
    private static SandboxOrg org;

    @BeforeAll
    static void startApp() {
        org = SharedInfrastructure.sandboxOrg();
        app = RunningApp.start(Map.of("commerce.sync.target", "events"));
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @Test
    void anOrderARefundAndACustomerArePublishedAsOneEventEachAndNoRecordIsWritten() throws Exception {
        StoreFixture order = StoreFixture.fresh("shopify/taxreceipts_shopify_docs_sample_order_1001.json");
        StoreFixture refund = StoreFixture.fresh("shopify/shopifyapiruby_rest2026_07_refund_509562969.json")
                .with(json -> json.put("order_id", order.id));
        StoreFixture customer = StoreFixture.fresh("shopify/shopifyapiruby_rest2026_07_customer_207119551.json");
        ShopifyWebhookClient shopify = new ShopifyWebhookClient(app.baseUrl());
        long before = org.apiCalls();
        assertEquals(200, shopify.send("orders/paid", order.bytes()).statusCode());
        assertEquals(200, shopify.send("refunds/create", refund.bytes()).statusCode());
        assertEquals(200, shopify.send("customers/create", customer.bytes()).statusCode());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);

        String orderId = "shopify:" + SHOP + ":" + order.id;
        Map<String, Object> placed = event("Order_Id__c", orderId, "ORDER");
        assertEquals("shopify", placed.get("Source__c"));
        assertEquals(SHOP, placed.get("Store__c"));
        assertEquals("orders/paid", placed.get("Topic__c"));
        assertEquals("#1001", placed.get("Order_Number__c"));
        assertEquals("PAID", placed.get("Status__c"));
        assertEquals("USD", placed.get("Currency__c"));
        assertEquals(409.94, placed.get("Amount__c"));
        assertEquals(orderId, placed.get("Customer_Id__c"));
        assertEquals("2008-01-10T16:00:00.000+0000", placed.get("Source_Updated_At__c"));
        JsonNode payload = JSON.readTree(String.valueOf(placed.get("Payload__c")));
        assertEquals(orderId, payload.path("order").path("externalId").asText());
        assertEquals(3, payload.path("order").path("lines").size(), "the whole canonical order");

        Map<String, Object> refunded = event("Order_Id__c", orderId, "REFUND");
        assertEquals("shopify:" + SHOP + ":refund:" + refund.id, refunded.get("Refund_Id__c"));
        assertEquals(209.0, refunded.get("Amount__c"));
        assertEquals("shopify:" + SHOP + ":" + customer.id, event("Customer_Id__c", "shopify:" + SHOP + ":" + customer.id, "CUSTOMER")
                .get("Customer_Id__c"));

        assertEquals(3, org.apiCalls() - before, "one publish per event");
        assertTrue(org.findByExternalId("Opportunity", "Commerce_Order_Id__c", orderId).isEmpty(), "no records in events mode");
        assertTrue(org.findByExternalId("Account", "Commerce_Customer_Id__c", "shopify:" + SHOP + ":" + customer.id).isEmpty());
        assertEquals(0, KafkaTopics.endOffset(app.deadLetterTopic("shopify")));
    }

    private static Map<String, Object> event(String field, String value, String kind) {
        List<Map<String, Object>> events = org.records("Commerce_Order_Event__e").stream()
                .filter(e -> value.equals(e.get(field)) && kind.equals(e.get("Kind__c"))).toList();
        assertEquals(1, events.size(), kind + " events of " + value + ": " + events);
        return events.get(0);
    }
}
