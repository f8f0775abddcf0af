package io.commercesync.ingest;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.testing.Fixtures;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.LimioWebhookClient;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.ShopifyWebhookClient;
import io.commercesync.testing.WooCommerceWebhookClient;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answers every store gets in the same shape: 413 over the limit, 503 when Kafka cannot take the event. */
class IngestAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bodyOverTheConfiguredLimitIs413InJsonForEveryStore() throws Exception {
        try (RunningApp app = RunningApp.start(Map.of("commerce.ingest.max-body-bytes", "4096"))) {
            byte[] big = ("{\"id\": 1, \"note\": \"" + "x".repeat(10_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            long before = KafkaTopics.endOffset(app.inboundTopic());
            List<HttpResponse<String>> answers = List.of(
                    new ShopifyWebhookClient(app.baseUrl()).send("orders/create", big),
                    new WooCommerceWebhookClient(app.baseUrl()).send("order.created", big),
                    new LimioWebhookClient(app.baseUrl()).send("order.submitted", big));

            for (HttpResponse<String> answer : answers) {
                assertEquals(413, answer.statusCode(), answer.body());
                assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
                JsonNode body = JSON.readTree(answer.body());
                assertEquals("body_too_large", body.get("error").asText());
                assertTrue(body.get("message").asText().contains("4096"));
            }
            assertEquals(before, KafkaTopics.endOffset(app.inboundTopic()));
            // and a body within the limit still goes through
            byte[] small = "{\"id\": 2}".getBytes(StandardCharsets.UTF_8);
            assertEquals(200, new WooCommerceWebhookClient(app.baseUrl()).send("order.deleted", small).statusCode());
        }
    }

    @Test
    void kafkaThatCannotTakeTheEventIs503ForWooCommerceAndLimio() throws Exception {
        try (RunningApp brokerless = RunningApp.start(Map.of(
                "commerce.kafka.brokers", "127.0.0.1:" + unusedPort(),
                "commerce.kafka.create-topics", "false"))) {
            HttpResponse<String> woo = new WooCommerceWebhookClient(brokerless.baseUrl())
                    .send("order.created", Fixtures.bytes("woocommerce/wcdocs_v3_order_727_guest_processing.json"));
            HttpResponse<String> limio = new LimioWebhookClient(brokerless.baseUrl())
                    .send("order.submitted", Fixtures.bytes("limio/limio_order_submitted_new_assembled.json"));

            for (HttpResponse<String> answer : List.of(woo, limio)) {
                assertEquals(503, answer.statusCode(), answer.body());
                assertEquals("kafka_unavailable", JSON.readTree(answer.body()).get("error").asText());
                assertTrue(answer.headers().firstValue("Retry-After").isPresent());
            }
        }
    }

    /**
     * Shopify waits only a few seconds: ingest answers from the Kafka write alone, so a Salesforce that
     * accepts connections and never answers changes nothing for the store.
     */
    @Test
    void shopifyGetsItsAnswerFastWhileSalesforceHangs() throws Exception {
        try (ServerSocket blackHole = new ServerSocket(0)) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!blackHole.isClosed()) {
                    try {
                        held.add(blackHole.accept());
                    } catch (Exception closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (RunningApp app = RunningApp.start(Map.of(
                    "camel.component.salesforce.login-url", "http://127.0.0.1:" + blackHole.getLocalPort(),
                    "camel.component.salesforce.http-request-timeout", "1500",
                    "camel.main.shutdown-timeout", "3"))) {
                ShopifyWebhookClient shopify = new ShopifyWebhookClient(app.baseUrl());
                for (String fixture : List.of("taxreceipts_orders_paid_usd_2018.json", "bagserver_orders_create_aud_2020.json",
                        "membi_orders_create_hkd_no_discount_2025.json")) {
                    long started = System.nanoTime();
                    HttpResponse<String> response = shopify.send("orders/create", Fixtures.bytes("shopify/" + fixture));
                    Duration took = Duration.ofNanos(System.nanoTime() - started);

                    assertEquals(200, response.statusCode(), response.body());
                    assertTrue(took.toMillis() < 1500, "answered in " + took.toMillis() + " ms while Salesforce hangs");
                }
            }
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
