package io.commercesync.salesforce;

import java.time.Duration;
import java.util.Map;

import io.commercesync.sandbox.SandboxOrg;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.SharedInfrastructure;
import io.commercesync.testing.ShopifyWebhookClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An event older than what Salesforce holds for its order (the store's updated-at against
 * Commerce_Source_Updated_At__c) changes nothing, decided inside the order's one request: no read first.
 */
class OrderOfEventsTest {

    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);
    private static final String SHOP = ShopifyWebhookClient.SHOP;
    private static final String PAID_ORDER = "shopify/taxreceipts_orders_paid_usd_2018.json";

    private static RunningApp app;
    private static ShopifyWebhookClient shopify;
    private static SandboxOrg org;

    @BeforeAll
    static void startApp() {
        org = SharedInfrastructure.sandboxOrg();
        app = RunningApp.start();
        shopify = new ShopifyWebhookClient(app.baseUrl());
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @Test
    void paidThenCreatedLeavesTheOpportunityPaidAndTheOlderEventCostsOneCall() {
        StoreFixture paid = StoreFixture.fresh(PAID_ORDER);
        StoreFixture created = paid.with(json -> {
            json.put("financial_status", "pending");
            json.put("updated_at", "2018-12-28T08:20:00-05:00");
            json.put("note", "written when the order was placed");
        });

        send("orders/paid", paid);
        long before = org.apiCalls();
        send("orders/create", created);

        Map<String, Object> opportunity = opportunity(paid);
        assertEquals("Paid", opportunity.get("StageName"));
        assertEquals("2018-12-28T13:26:30.000+0000", opportunity.get("Commerce_Source_Updated_At__c"));
        assertEquals(null, opportunity.get("Commerce_Note__c"), "nothing of the older event was written");
        assertEquals(1, org.apiCalls() - before, "the guard is inside the order's request");
        assertEquals(0, KafkaTopics.endOffset(app.deadLetterTopic("shopify")), "an older event is not an error");
    }

    @Test
    void createdThenPaidMovesTheOpportunityToPaid() {
        StoreFixture paid = StoreFixture.fresh(PAID_ORDER);
        StoreFixture created = paid.with(json -> {
            json.put("financial_status", "pending");
            json.put("updated_at", "2018-12-28T08:20:00-05:00");
        });

        send("orders/create", created);
        assertEquals("Placed", opportunity(paid).get("StageName"));
        send("orders/paid", paid);

        assertEquals("Paid", opportunity(paid).get("StageName"));
        assertEquals("2018-12-28T13:26:30.000+0000", opportunity(paid).get("Commerce_Source_Updated_At__c"));
    }

    @Test
    void theSameStateDeliveredAgainIsWrittenAgainHarmlessly() {
        StoreFixture paid = StoreFixture.fresh(PAID_ORDER);
        send("orders/paid", paid);
        send("orders/updated", paid);

        assertEquals("Paid", opportunity(paid).get("StageName"));
        assertEquals(1, org.records("Opportunity").stream()
                .filter(r -> ("shopify:" + SHOP + ":" + paid.id).equals(r.get("Commerce_Order_Id__c"))).count());
    }

    private static void send(String topic, StoreFixture order) {
        assertEquals(200, shopify.send(topic, order.bytes()).statusCode());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);
    }

    private static Map<String, Object> opportunity(StoreFixture order) {
        return org.findByExternalId("Opportunity", "Commerce_Order_Id__c", "shopify:" + SHOP + ":" + order.id).orElseThrow();
    }
}
