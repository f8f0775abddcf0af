package io.commercesync.sync;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.sandbox.Fault;
import io.commercesync.sandbox.SandboxOrg;
import io.commercesync.testing.Fixtures;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.SharedInfrastructure;
import io.commercesync.testing.ShopifyWebhookClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Poll batches through real interfaces: signed webhooks to the running app, the real broker, camel-salesforce
 * and the sandbox org. The sync route is stopped while the orders are sent, so that they come back as one poll
 * batch when it starts (one partition, one consumer).
 */
class GraphBatchSyncTest {

    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE = "shopify/taxreceipts_shopify_docs_sample_order_1001.json";
    /** Account, Contact, Opportunity and 3 + 1 lines: 500 nodes carry 71 such orders. */
    private static final int NODES_PER_SAMPLE_ORDER = 7;

    private static RunningApp app;
    private static ShopifyWebhookClient shopify;
    private static SandboxOrg org;
    private static long nextId = System.currentTimeMillis() * 10;

    @BeforeAll
    static void startApp() throws Exception {
        org = SharedInfrastructure.sandboxOrg();
        app = RunningApp.start(Map.of("commerce.kafka.partitions", "1", "commerce.sync.consumers", "1"));
        shopify = new ShopifyWebhookClient(app.baseUrl());
        // the price book and the sample's products are looked up (or created) once, by this first order
        send(order(nextId++));
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    @AfterEach
    void clearFaults() {
        org.faults().clear();
    }

    @Test
    void burstOfOrdersCostsOneGuardQueryAndOneGraphCallPerFullGraphRequest() throws Exception {
        int orders = 150;
        List<Long> ids = new ArrayList<>();
        long before = org.apiCalls();
        asOneBatch(() -> {
            for (int i = 0; i < orders; i++) {
                ids.add(nextId);
                send(order(nextId++));
            }
        });

        int graphCalls = (int) Math.ceil((double) orders / (500 / NODES_PER_SAMPLE_ORDER));
        assertEquals(1 + graphCalls, org.apiCalls() - before, "one query call for the ordering guard, then "
                + graphCalls + " graph calls (at most 75 graphs and 500 nodes each)");
        for (long id : ids) {
            String orderId = "shopify:" + ShopifyWebhookClient.SHOP + ":" + id;
            assertTrue(org.findByExternalId("Opportunity", "Commerce_Order_Id__c", orderId).isPresent(), orderId);
        }
        long lines = org.records("OpportunityLineItem").stream()
                .filter(line -> String.valueOf(line.get("Commerce_Line_Id__c")).contains(":" + ids.get(0) + ":")).count();
        assertEquals(4, lines, "the sample order's three items and its shipping/tax line");
    }

    @Test
    void batchWithOneInvalidOrderDeadLettersThatOneAloneAndWritesTheOthers() throws Exception {
        // a real draft order without customer or e-mail: no LastName for the Contact, REQUIRED_FIELD_MISSING
        byte[] rejected = Fixtures.bytes("shopify/membi_orders_create_hkd_no_discount_2025.json");
        List<Long> ids = new ArrayList<>();
        int deadLettersBefore = KafkaTopics.readAll(app.deadLetterTopic("shopify")).size();
        asOneBatch(() -> {
            for (int i = 0; i < 4; i++) {
                ids.add(nextId);
                send(order(nextId++));
                if (i == 1) {
                    send(rejected);
                }
            }
        });

        List<ConsumerRecord<String, byte[]>> deadLetters = KafkaTopics.readAll(app.deadLetterTopic("shopify"));
        assertEquals(deadLettersBefore + 1, deadLetters.size(), "exactly the invalid order is dead-lettered");
        ConsumerRecord<String, byte[]> deadLetter = deadLetters.get(deadLetters.size() - 1);
        assertArrayEquals(rejected, deadLetter.value(), "the dead letter holds the exact bytes the store sent");
        assertEquals("REQUIRED_FIELD_MISSING", header(deadLetter, "commerce-error-code"));
        assertEquals("orders/create", header(deadLetter, "commerce-topic"));
        assertTrue(org.findByExternalId("Opportunity", "Commerce_Order_Id__c", "shopify:" + ShopifyWebhookClient.SHOP + ":6198424240428").isEmpty(),
                "its graph is all or none: nothing of it is in the org");
        for (long id : ids) {
            assertTrue(org.findByExternalId("Opportunity", "Commerce_Order_Id__c", "shopify:" + ShopifyWebhookClient.SHOP + ":" + id).isPresent(),
                    "the other orders of its graph request are written");
        }
    }

    @Test
    void graphCallWhoseAnswerIsLostIsRetriedAndEachOrderIsWrittenOnce() throws Exception {
        List<Long> ids = new ArrayList<>();
        long before = org.apiCalls();
        asOneBatch(() -> {
            for (int i = 0; i < 5; i++) {
                ids.add(nextId);
                send(order(nextId++));
            }
            // the guard query goes through; the graph call is written in the org but its answer is lost (503)
            org.faults().delayNext(1, Duration.ZERO);
            org.faults().failNextAfterCommit(1, Fault.SERVICE_UNAVAILABLE);
        });

        for (long id : ids) {
            String suffix = ":" + id;
            assertEquals(1, org.records("Opportunity").stream()
                    .filter(r -> String.valueOf(r.get("Commerce_Order_Id__c")).endsWith(suffix)).count(), "one Opportunity of " + id);
            assertEquals(1, org.records("Account").stream()
                    .filter(r -> String.valueOf(r.get("Commerce_Customer_Id__c")).endsWith(suffix)).count(), "one Account of " + id);
        }
        assertEquals(5, org.apiCalls() - before, "guard query and the lost graph call; then the graph step again, whole: the guard "
                + "query (the orders exist now), their lines (for lines to delete) and the graph call");
        assertTrue(KafkaTopics.readAll(app.deadLetterTopic("shopify")).stream()
                .noneMatch(r -> ids.stream().anyMatch(id -> r.key().endsWith(":" + id))), "nothing dead-lettered");
    }

    /** Sends while the sync route is stopped, so the records come as one poll batch when it starts again. */
    private static void asOneBatch(ThrowingRunnable sending) throws Exception {
        asOneBatch(sending, () -> { });
    }

    private static void asOneBatch(ThrowingRunnable sending, ThrowingRunnable beforeStart) throws Exception {
        app.context().getRouteController().stopRoute("sync-orders");
        sending.run();
        beforeStart.run();
        app.context().getRouteController().startRoute("sync-orders");
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void send(byte[] order) {
        assertEquals(200, shopify.send("orders/create", order).statusCode());
    }

    private static byte[] order(long id) throws Exception {
        ObjectNode order = (ObjectNode) JSON.readTree(Fixtures.bytes(SAMPLE));
        order.put("id", id);
        order.put("name", "#G" + id);
        ((ObjectNode) order.get("customer")).put("id", id);
        return JSON.writeValueAsBytes(order);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
