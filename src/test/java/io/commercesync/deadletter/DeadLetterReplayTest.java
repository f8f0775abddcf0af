package io.commercesync.deadletter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.sandbox.Fault;
import io.commercesync.sandbox.SandboxOrg;
import io.commercesync.testing.AppProcess;
import io.commercesync.testing.Fixtures;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.SharedInfrastructure;
import io.commercesync.testing.ShopifyWebhookClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operators replay dead letters once the cause is fixed. Two orders are dead-lettered first: one during a
 * Salesforce outage (503, code HTTP_503: a fault that goes away) and one the org rejects for good
 * (REQUIRED_FIELD_MISSING). Then the replay is driven over HTTP and from the command line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadLetterReplayTest {

    private static final String TOKEN = "test-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);
    private static final String OUTAGE_ORDER = "shopify:" + ShopifyWebhookClient.SHOP + ":762815840312";
    private static final String REJECTED_ORDER = "shopify:" + ShopifyWebhookClient.SHOP + ":6198424240428";

    private static RunningApp app;
    private static SandboxOrg org;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void deadLetterTwoOrders() {
        org = SharedInfrastructure.sandboxOrg();
        app = RunningApp.start(Map.of("commerce.admin.token", TOKEN, "commerce.sync.retry.max-attempts", "2"));
        ShopifyWebhookClient shopify = new ShopifyWebhookClient(app.baseUrl());
        org.faults().failNext(2, Fault.SERVICE_UNAVAILABLE);
        assertEquals(200, shopify.send("orders/paid", Fixtures.bytes("shopify/taxreceipts_orders_paid_usd_2018.json")).statusCode());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT); // one at a time: the outage's two answers are for this order
        assertEquals(200, shopify.send("orders/create", Fixtures.bytes("shopify/membi_orders_create_hkd_no_discount_2025.json")).statusCode());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);
        org.faults().clear();
        assertEquals(2, KafkaTopics.endOffset(app.deadLetterTopic("shopify")));
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @Test
    @Order(1)
    void refusesReplayWithoutTheAdminToken() throws Exception {
        HttpResponse<String> missing = replay("{\"source\":\"shopify\",\"dryRun\":true}", null);
        HttpResponse<String> wrong = replay("{\"source\":\"shopify\",\"dryRun\":true}", "not-the-token");

        assertEquals(401, missing.statusCode());
        assertEquals(401, wrong.statusCode());
        assertEquals("invalid_token", JSON.readTree(wrong.body()).get("error").asText());
    }

    @Test
    @Order(2)
    void rejectsAFilterThatMakesNoSense() throws Exception {
        HttpResponse<String> noSource = replay("{\"dryRun\":true}", TOKEN);
        HttpResponse<String> badTime = replay("{\"source\":\"shopify\",\"from\":\"yesterday\"}", TOKEN);

        assertEquals(400, noSource.statusCode());
        assertEquals(400, badTime.statusCode());
        assertTrue(JSON.readTree(badTime.body()).get("message").asText().contains("ISO-8601"));
    }

    @Test
    @Order(3)
    void dryRunListsWhatWouldGoAndWritesNothing() throws Exception {
        long inboundBefore = KafkaTopics.endOffset(app.inboundTopic());

        JsonNode summary = JSON.readTree(replay("{\"source\":\"shopify\",\"dryRun\":true}", TOKEN).body());

        assertTrue(summary.get("dryRun").asBoolean());
        assertEquals(2, summary.get("read").asLong());
        assertEquals(2, summary.get("replayed").asLong());
        assertEquals(2, summary.get("records").size());
        assertEquals(inboundBefore, KafkaTopics.endOffset(app.inboundTopic()));
    }

    @Test
    @Order(4)
    void commandLineDryRunShowsProgressAndSummary() {
        try (AppProcess command = AppProcess.start(Map.of(
                        "commerce.kafka.brokers", SharedInfrastructure.kafka().bootstrapServers(),
                        "commerce.kafka.inbound-topic", app.inboundTopic(),
                        "commerce.kafka.dead-letter-topic-prefix", app.property("commerce.kafka.dead-letter-topic-prefix")),
                List.of("replay", "--source", "shopify", "--error-code", "HTTP_503", "--dry-run"))) {
            assertEquals(0, command.awaitExit(Duration.ofSeconds(60)), command.output());
            String output = command.output();
            assertTrue(output.contains("read 2/2 (100%)"), output);
            assertTrue(output.contains("would replay " + OUTAGE_ORDER), output);
            assertTrue(output.contains("2 read, 1 would be replayed, 1 skipped, 0 failed"), output);
        }
    }

    @Test
    @Order(5)
    void commandLineRejectsUnknownOptionsWithUsage() {
        try (AppProcess command = AppProcess.start(Map.of(), List.of("replay", "--sauce", "shopify"))) {
            assertEquals(2, command.awaitExit(Duration.ofSeconds(60)));
            assertTrue(command.output().contains("unknown option --sauce"), command.output());
            assertTrue(command.output().contains("Usage: bin/commerce-sync replay"), command.output());
        }
    }

    @Test
    @Order(6)
    void replayOfTheFixedOutageWritesTheOrderAndKeepsItsHistory() throws Exception {
        JsonNode summary = JSON.readTree(replay("{\"source\":\"shopify\",\"errorCode\":\"HTTP_503\"}", TOKEN).body());

        assertEquals(1, summary.get("replayed").asLong());
        assertEquals(1, summary.get("skipped").asLong(), "the REQUIRED_FIELD_MISSING one stays put");
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);
        assertEquals("Paid", org.findByExternalId("Opportunity", "Commerce_Order_Id__c", OUTAGE_ORDER).orElseThrow().get("StageName"));

        List<ConsumerRecord<String, byte[]>> replays = KafkaTopics.readAll(app.inboundTopic()).stream()
                .filter(r -> r.headers().lastHeader(DeadLetterReplay.REPLAY_COUNT) != null).toList();
        assertEquals(1, replays.size());
        ConsumerRecord<String, byte[]> replayed = replays.get(0);
        assertEquals(OUTAGE_ORDER, replayed.key());
        assertArrayEquals(Fixtures.bytes("shopify/taxreceipts_orders_paid_usd_2018.json"), replayed.value());
        assertEquals("1", header(replayed, DeadLetterReplay.REPLAY_COUNT));
        assertEquals("orders/paid", header(replayed, "commerce-topic"));
        assertNull(replayed.headers().lastHeader(DeadLetterRecord.ERROR_CODE), "error headers stay on the dead letter");
    }

    @Test
    @Order(7)
    void replayingAgainDoesNoHarm() throws Exception {
        long callsBefore = org.apiCalls();

        JsonNode summary = JSON.readTree(replay("{\"source\":\"shopify\",\"orderId\":\"762815840312\"}", TOKEN).body());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);

        assertEquals(1, summary.get("replayed").asLong());
        assertEquals(0, org.apiCalls() - callsBefore, "already written: the idempotent consumer skips it");
        assertEquals(1, org.records("Opportunity").stream().filter(r -> OUTAGE_ORDER.equals(r.get("Commerce_Order_Id__c"))).count());
    }

    @Test
    @Order(8)
    void permanentFailureReplayedUnfixedComesBackWithItsReplayCount() throws Exception {
        long deadLettersBefore = KafkaTopics.endOffset(app.deadLetterTopic("shopify"));

        replay("{\"source\":\"shopify\",\"errorCode\":\"REQUIRED_FIELD_MISSING\"}", TOKEN);
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);

        List<ConsumerRecord<String, byte[]>> deadLetters = KafkaTopics.readAll(app.deadLetterTopic("shopify"));
        assertEquals(deadLettersBefore + 1, deadLetters.size());
        List<ConsumerRecord<String, byte[]>> again = deadLetters.stream()
                .filter(r -> r.headers().lastHeader(DeadLetterReplay.REPLAY_COUNT) != null).toList();
        assertEquals(1, again.size());
        assertEquals(REJECTED_ORDER, again.get(0).key());
        assertEquals("1", header(again.get(0), DeadLetterReplay.REPLAY_COUNT));
        assertEquals("REQUIRED_FIELD_MISSING", header(again.get(0), DeadLetterRecord.ERROR_CODE));
        assertFalse(org.findByExternalId("Opportunity", "Commerce_Order_Id__c", REJECTED_ORDER).isPresent());
    }

    @Test
    @Order(9)
    void metricsCountRetriesDeadLettersReplaysAndSkippedRedeliveries() throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(app.managementUrl() + "/observe/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertTrue(metrics.contains("commerce_sync_retries_total{code=\"HTTP_503\",source=\"shopify\"} 1.0"), metrics);
        assertTrue(metrics.contains("commerce_dead_letters_total{code=\"HTTP_503\",source=\"shopify\"} 1.0"), metrics);
        assertTrue(metrics.contains("commerce_dead_letters_total{code=\"REQUIRED_FIELD_MISSING\",source=\"shopify\"} 2.0"), metrics);
        assertTrue(metrics.contains("commerce_replayed_total{source=\"shopify\"} 3.0"), metrics);
        assertTrue(metrics.contains("commerce_duplicates_skipped_total{source=\"shopify\"} 1.0"), metrics);
    }

    private static HttpResponse<String> replay(String filter, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/admin/dead-letters/replay"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(filter));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
