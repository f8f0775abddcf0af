package io.commercesync.ingest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.testing.Fixtures;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.ShopifyWebhookClient;
import io.commercesync.verify.HmacSha256;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a store gets back for requests that are wrong in each way, and that none of them reaches Kafka. */
class ShopifyIngestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningApp app;
    private static ShopifyWebhookClient shopify;

    private static final String SECOND_SHOP = "second-shop.myshopify.com";
    private static final String SECOND_SECRET = "second-shop-secret";

    @BeforeAll
    static void startApp() {
        app = RunningApp.start(Map.of(
                "commerce.shopify.stores.second.shop-domain", SECOND_SHOP,
                "commerce.shopify.stores.second.secret", SECOND_SECRET));
        shopify = new ShopifyWebhookClient(app.baseUrl());
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @Test
    void rejectsMalformedJsonWith400NamingThePosition() throws Exception {
        long before = KafkaTopics.endOffset(app.inboundTopic());
        HttpResponse<String> response = shopify.send("orders/create", "{\"id\": 1,\n \"name\": }".getBytes(StandardCharsets.UTF_8));

        assertEquals(400, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("malformed_json", body.get("error").asText());
        assertTrue(body.get("message").asText().contains("line 2"), body.get("message").asText());
        assertEquals(before, KafkaTopics.endOffset(app.inboundTopic()));
    }

    @Test
    void rejectsUnknownShopWith401() throws Exception {
        byte[] order = Fixtures.bytes("shopify/taxreceipts_orders_paid_usd_2018.json");
        HttpResponse<String> response = shopify.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/webhooks/shopify"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Shop-Domain", "someone-else.myshopify.com")
                .header("X-Shopify-Hmac-Sha256", new HmacSha256(ShopifyWebhookClient.SECRET).sign(order))
                .POST(HttpRequest.BodyPublishers.ofByteArray(order)).build());

        assertEquals(401, response.statusCode());
        assertEquals("unknown_shop", JSON.readTree(response.body()).get("error").asText());
    }

    @Test
    void rejectsWrongContentTypeWith415() throws Exception {
        byte[] order = Fixtures.bytes("shopify/taxreceipts_orders_paid_usd_2018.json");
        HttpResponse<String> response = shopify.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/webhooks/shopify"))
                .header("Content-Type", "text/plain")
                .header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Shop-Domain", ShopifyWebhookClient.SHOP)
                .header("X-Shopify-Hmac-Sha256", new HmacSha256(ShopifyWebhookClient.SECRET).sign(order))
                .POST(HttpRequest.BodyPublishers.ofByteArray(order)).build());

        assertEquals(415, response.statusCode());
        assertEquals("unsupported_content_type", JSON.readTree(response.body()).get("error").asText());
    }

    @Test
    void answersTopicWeDoNotSyncWith202Ignored() throws Exception {
        long before = KafkaTopics.endOffset(app.inboundTopic());
        HttpResponse<String> response = shopify.send("products/update", "{\"id\": 632910392}".getBytes(StandardCharsets.UTF_8));

        assertEquals(202, response.statusCode());
        assertEquals("products/update", JSON.readTree(response.body()).get("ignored").asText());
        assertEquals(before, KafkaTopics.endOffset(app.inboundTopic()));
    }

    @Test
    void acknowledgesOnlyAfterTheEventIsOnTheInboundTopic() {
        long before = KafkaTopics.endOffset(app.inboundTopic());
        HttpResponse<String> response = shopify.send("orders/create", Fixtures.bytes("shopify/bagserver_orders_create_aud_2020.json"));

        assertEquals(200, response.statusCode());
        assertEquals(before + 1, KafkaTopics.endOffset(app.inboundTopic()), "the 200 came after the write");
    }

    @Test
    void answers503WhenKafkaCannotTakeTheEvent() throws Exception {
        // An app whose broker address has nothing listening: the store must hear 503 (and retry), not 200.
        try (RunningApp brokerless = RunningApp.start(Map.of(
                "commerce.kafka.brokers", "127.0.0.1:" + unusedPort(),
                "commerce.kafka.create-topics", "false"))) {
            ShopifyWebhookClient client = new ShopifyWebhookClient(brokerless.baseUrl());
            long started = System.nanoTime();
            HttpResponse<String> response = client.send("orders/create", Fixtures.bytes("shopify/bagserver_orders_create_aud_2020.json"));

            assertEquals(503, response.statusCode(), response.body());
            assertEquals("kafka_unavailable", JSON.readTree(response.body()).get("error").asText());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5,
                    "Shopify waits 5 s: the 503 must come before that");
        }
    }

    private static int unusedPort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void refundIsKeyedByItsOrderSoBothShareAPartition() throws Exception {
        HttpResponse<String> response = shopify.send("refunds/create", Fixtures.bytes("shopify/shopifyapiruby_rest2026_07_refund_509562969.json"));

        assertEquals(200, response.statusCode(), response.body());
        String key = "shopify:" + ShopifyWebhookClient.SHOP + ":450789469";
        assertEquals(key, JSON.readTree(response.body()).get("key").asText());
        assertEquals("REFUND", WooCommerceIngestTest.header(KafkaTopics.readAll(app.inboundTopic()).stream()
                .filter(r -> key.equals(r.key())).reduce((a, b) -> b).orElseThrow(), WebhookHeaders.EVENT_KIND));
    }

    @Test
    void customerTopicsAreAcceptedUnderTheCustomersKey() throws Exception {
        for (String topic : java.util.List.of("customers/create", "customers/update")) {
            HttpResponse<String> response = shopify.send(topic, Fixtures.bytes("shopify/shopifyapiruby_rest2026_07_customer_207119551.json"));
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("shopify:" + ShopifyWebhookClient.SHOP + ":customer:207119551", JSON.readTree(response.body()).get("key").asText());
        }
    }

    @Test
    void eachShopIsVerifiedWithItsOwnSecret() throws Exception {
        byte[] order = Fixtures.bytes("shopify/bagserver_orders_create_aud_2020.json");
        HttpResponse<String> second = shopify.send(signedFor(SECOND_SHOP, SECOND_SECRET, order));
        HttpResponse<String> secondWithDemoSecret = shopify.send(signedFor(SECOND_SHOP, ShopifyWebhookClient.SECRET, order));

        assertEquals(200, second.statusCode(), second.body());
        assertTrue(JSON.readTree(second.body()).get("key").asText().startsWith("shopify:" + SECOND_SHOP + ":"));
        assertEquals(401, secondWithDemoSecret.statusCode());
        assertEquals("invalid_signature", JSON.readTree(secondWithDemoSecret.body()).get("error").asText());
    }

    private HttpRequest signedFor(String shop, String secret, byte[] body) {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + "/webhooks/shopify"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Shop-Domain", shop)
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .header("X-Shopify-Hmac-Sha256", new HmacSha256(secret).sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }
}
