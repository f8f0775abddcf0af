package io.commercesync.sync;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.commercesync.sandbox.Fault;
import io.commercesync.sandbox.SandboxOrg;
import io.commercesync.testing.Fixtures;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.SharedInfrastructure;
import io.commercesync.testing.ShopifyWebhookClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transient Salesforce failures are retried; exhausted retries end on the dead-letter topic with the count. */
class SalesforceFailureTest {

    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);
    private static RunningApp app;
    private static ShopifyWebhookClient shopify;
    private static SandboxOrg org;

    @BeforeAll
    static void startApp() {
        org = SharedInfrastructure.sandboxOrg();
        app = RunningApp.start(Map.of("commerce.sync.retry.max-attempts", "3", "commerce.sync.limit-pause-ms", "1000"));
        shopify = new ShopifyWebhookClient(app.baseUrl());
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @AfterEach
    void clearFaults() {
        org.faults().clear();
    }

    @Test
    void lockedRowIsRetriedUntilTheOrderIsWritten() {
        // the price book and the order's products are read once per app: done first, so only the order's calls count
        assertEquals(200, shopify.send("orders/paid", Fixtures.bytes("shopify/taxreceipts_orders_paid_usd_2018.json")).statusCode());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);
        long callsBefore = org.apiCalls();
        long deadLettersBefore = KafkaTopics.endOffset(app.deadLetterTopic("shopify"));
        org.faults().failNext(2, Fault.UNABLE_TO_LOCK_ROW);

        assertEquals(200, shopify.send("orders/paid", Fixtures.bytes("shopify/taxreceipts_orders_paid_usd_2018.json")).statusCode());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);

        assertTrue(org.findByExternalId("Opportunity", "Commerce_Order_Id__c",
                "shopify:" + ShopifyWebhookClient.SHOP + ":762815840312").isPresent());
        assertEquals(3, org.apiCalls() - callsBefore, "two failed attempts and one that wrote: one call each");
        assertEquals(deadLettersBefore, KafkaTopics.endOffset(app.deadLetterTopic("shopify")));
    }

    @Test
    void outageLongerThanTheRetriesEndsOnTheDeadLetterTopicWithItsAttempts() {
        org.faults().failNext(3, Fault.SERVICE_UNAVAILABLE);
        byte[] order = Fixtures.bytes("shopify/taxreceipts_shopify_docs_sample_order_1001.json");

        assertEquals(200, shopify.send("orders/create", order).statusCode());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);

        List<ConsumerRecord<String, byte[]>> deadLetters = KafkaTopics.readAll(app.deadLetterTopic("shopify")).stream()
                .filter(r -> r.key().endsWith(":450789469")).toList();
        assertEquals(1, deadLetters.size());
        assertEquals("3", header(deadLetters.get(0), "commerce-attempts"));
        assertEquals("503", header(deadLetters.get(0), "commerce-error-status"));
        assertTrue(header(deadLetters.get(0), "commerce-first-failure-at").compareTo(header(deadLetters.get(0), "commerce-last-failure-at")) < 0);
    }

    @Test
    void expiredSessionIsRenewedByCamelSalesforceAndTheOrderIsWritten() {
        long deadLettersBefore = KafkaTopics.endOffset(app.deadLetterTopic("shopify"));
        org.expireSessions();

        assertEquals(200, shopify.send("orders/create", Fixtures.bytes("shopify/bagserver_orders_create_aud_2020.json")).statusCode());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);

        assertTrue(org.findByExternalId("Opportunity", "Commerce_Order_Id__c",
                "shopify:" + ShopifyWebhookClient.SHOP + ":2998557704341").isPresent());
        assertEquals(deadLettersBefore, KafkaTopics.endOffset(app.deadLetterTopic("shopify")), "no retry of ours, no dead letter: camel-salesforce logged in again");
    }

    @Test
    void requestLimitPausesTheSyncInsteadOfBurningRetries() {
        long deadLettersBefore = KafkaTopics.endOffset(app.deadLetterTopic("shopify"));
        // More limit answers than the 3 attempts a transient failure gets: retried, this order would be dead-lettered.
        org.faults().failNext(4, Fault.REQUEST_LIMIT_EXCEEDED);
        long started = System.nanoTime();

        assertEquals(200, shopify.send("orders/create", Fixtures.bytes("shopify/orders-create-test-notification.json")).statusCode());
        KafkaTopics.await(() -> org.findByExternalId("Opportunity", "Commerce_Order_Id__c",
                "shopify:" + ShopifyWebhookClient.SHOP + ":820982911946154508").isPresent(), SYNC_TIMEOUT, "the order after the pauses");

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 3000, "four answers, four pauses of 1 s (three before success)");
        assertEquals(deadLettersBefore, KafkaTopics.endOffset(app.deadLetterTopic("shopify")), "the limit is not the event's fault");
        assertEquals("Closed Lost", org.findByExternalId("Opportunity", "Commerce_Order_Id__c",
                "shopify:" + ShopifyWebhookClient.SHOP + ":820982911946154508").orElseThrow().get("StageName"));
    }

    @Test
    void retryOnOnePartitionDoesNotHoldUpTheOthers() throws Exception {
        try (RunningApp slowRetries = RunningApp.start(Map.of("commerce.sync.retry.initial-delay-ms", "4000",
                "commerce.sync.retry.max-delay-ms", "4000"))) {
            ShopifyWebhookClient client = new ShopifyWebhookClient(slowRetries.baseUrl());
            KafkaTopics.awaitGroupSpread(slowRetries.groupId(), 3, SYNC_TIMEOUT);
            byte[] locked = withId(Fixtures.bytes("shopify/taxreceipts_orders_paid_usd_2018.json"), 8_200_000_001L);
            long otherId = 8_200_000_002L;
            while (partition("shopify:" + ShopifyWebhookClient.SHOP + ":" + otherId) == partition("shopify:" + ShopifyWebhookClient.SHOP + ":8200000001")) {
                otherId++;
            }
            byte[] other = withId(Fixtures.bytes("shopify/taxreceipts_orders_paid_usd_2018.json"), otherId);
            org.faults().failNext(1, Fault.UNABLE_TO_LOCK_ROW);

            assertEquals(200, client.send("orders/paid", locked).statusCode());
            KafkaTopics.await(() -> org.faults().pending() == 0, SYNC_TIMEOUT, "the locked order's first attempt");
            assertEquals(200, client.send("orders/paid", other).statusCode());

            String otherOrder = "shopify:" + ShopifyWebhookClient.SHOP + ":" + otherId;
            String lockedOrder = "shopify:" + ShopifyWebhookClient.SHOP + ":8200000001";
            KafkaTopics.await(() -> org.findByExternalId("Opportunity", "Commerce_Order_Id__c", otherOrder).isPresent(),
                    Duration.ofSeconds(3), "the order on the other partition, within the locked one's 4 s backoff");
            assertTrue(org.findByExternalId("Opportunity", "Commerce_Order_Id__c", lockedOrder).isEmpty(), "still backing off");
            KafkaTopics.awaitAllConsumed(slowRetries, SYNC_TIMEOUT);
            assertTrue(org.findByExternalId("Opportunity", "Commerce_Order_Id__c", lockedOrder).isPresent());
        }
    }

    @Test
    void timedOutCallIsRetriedAndTheOrderIsWrittenOnce() throws Exception {
        try (RunningApp impatient = RunningApp.start(Map.of("camel.component.salesforce.http-request-timeout", "1000"))) {
            // Salesforce takes 2.5 s on the first call: the client gives up after 1 s, although the org does the work.
            org.faults().delayNext(1, Duration.ofMillis(2500));
            byte[] order = withId(Fixtures.bytes("shopify/taxreceipts_orders_paid_usd_2018.json"), 8_300_000_001L);

            assertEquals(200, new ShopifyWebhookClient(impatient.baseUrl()).send("orders/paid", order).statusCode());
            KafkaTopics.awaitAllConsumed(impatient, SYNC_TIMEOUT);

            String orderId = "shopify:" + ShopifyWebhookClient.SHOP + ":8300000001";
            assertEquals(1, org.records("Opportunity").stream().filter(r -> orderId.equals(r.get("Commerce_Order_Id__c"))).count(),
                    "the retry after a timeout is an upsert: still one Opportunity");
            assertEquals(0, KafkaTopics.endOffset(impatient.deadLetterTopic("shopify")));
        }
    }

    @Test
    void unreachableSalesforceIsRetriedThenDeadLetteredAsConnectionFailed() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RunningApp cutOff = RunningApp.start(Map.of(
                "camel.component.salesforce.login-url", "http://127.0.0.1:" + closedPort,
                "commerce.sync.retry.max-attempts", "3"))) {
            assertEquals(200, new ShopifyWebhookClient(cutOff.baseUrl())
                    .send("orders/create", Fixtures.bytes("shopify/bagserver_orders_create_aud_2020.json")).statusCode());
            KafkaTopics.awaitAllConsumed(cutOff, SYNC_TIMEOUT);

            List<ConsumerRecord<String, byte[]>> deadLetters = KafkaTopics.readAll(cutOff.deadLetterTopic("shopify"));
            assertEquals(1, deadLetters.size());
            assertEquals("3", header(deadLetters.get(0), "commerce-attempts"), "no answer is transient: retried");
            assertEquals("0", header(deadLetters.get(0), "commerce-error-status"));
        }
    }

    private static byte[] withId(byte[] order, long id) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = (ObjectNode) json.readTree(order);
        node.put("id", id);
        return json.writeValueAsBytes(node);
    }

    /** The partition Kafka's default partitioner picks for a key on the 3-partition inbound topic. */
    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
