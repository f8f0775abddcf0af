package io.commercesync.ingest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.testing.Fixtures;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.WooCommerceWebhookClient;
import io.commercesync.verify.HmacSha256;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WooCommerce as it really speaks, through real HTTP to the running app and the real broker. */
class WooCommerceIngestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SITE = "demo-shop.example.com";
    private static final String SECOND_SITE_URL = "http://second-site.example.org/store/";
    private static final String SECOND_SECRET = "second-site-secret";

    private static RunningApp app;
    private static WooCommerceWebhookClient woo;

    @BeforeAll
    static void startApp() {
        app = RunningApp.start(Map.of(
                "commerce.woocommerce.stores.second.source-url", SECOND_SITE_URL,
                "commerce.woocommerce.stores.second.secret", SECOND_SECRET));
        woo = new WooCommerceWebhookClient(app.baseUrl());
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @Test
    void pingWhenAWebhookIsSavedGetsExactly200AndGoesNowhere() {
        long before = KafkaTopics.endOffset(app.inboundTopic());
        HttpResponse<String> response = woo.ping(12);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(before, KafkaTopics.endOffset(app.inboundTopic()));
        assertTrue(response.headers().firstValue("webhook_id").isEmpty(), "form fields must not come back as headers");
    }

    @Test
    void signedGuestOrderIsWrittenWithItsKeyHeadersAndExactBytes() throws Exception {
        byte[] order = Fixtures.bytes("woocommerce/wcdocs_v3_order_727_guest_processing.json");
        HttpResponse<String> response = woo.send("order.created", order);

        assertEquals(200, response.statusCode(), response.body());
        String key = "woocommerce:" + SITE + ":727";
        assertEquals(key, JSON.readTree(response.body()).get("key").asText());
        ConsumerRecord<String, byte[]> record = lastRecordWithKey(key);
        assertArrayEquals(order, record.value());
        assertEquals("woocommerce", header(record, WebhookHeaders.SOURCE));
        assertEquals(SITE, header(record, WebhookHeaders.STORE));
        assertEquals("order.created", header(record, WebhookHeaders.TOPIC));
        assertEquals("ORDER", header(record, WebhookHeaders.EVENT_KIND));
        assertEquals(32, header(record, WebhookHeaders.DELIVERY_ID).length());
        assertTrue(response.headers().firstValue("X-WC-Webhook-Signature").isEmpty(), "request headers are not echoed");
    }

    @Test
    void everyHandledTopicIsAcceptedWithItsKind() throws Exception {
        Map<String, String> kinds = Map.of(
                "order.updated", "ORDER", "order.restored", "ORDER", "order.deleted", "ORDER_DELETED",
                "customer.created", "CUSTOMER", "customer.updated", "CUSTOMER");
        for (Map.Entry<String, String> topic : kinds.entrySet()) {
            byte[] body = topic.getKey().startsWith("customer")
                    ? Fixtures.bytes("woocommerce/wcdocs_v3_customer_25.json")
                    : topic.getKey().equals("order.deleted") ? "{\"id\":723}".getBytes(StandardCharsets.UTF_8)
                    : Fixtures.bytes("woocommerce/wcdocs_v3_order_723_registered_completed_2refunds.json");
            HttpResponse<String> response = woo.send(topic.getKey(), body);
            assertEquals(200, response.statusCode(), topic.getKey() + ": " + response.body());
            String key = JSON.readTree(response.body()).get("key").asText();
            assertEquals(topic.getKey().startsWith("customer") ? "woocommerce:" + SITE + ":customer:25" : "woocommerce:" + SITE + ":723", key);
            assertEquals(topic.getValue(), header(lastRecordWithKey(key), WebhookHeaders.EVENT_KIND));
        }
    }

    @Test
    void eachSiteIsVerifiedWithItsOwnSecretAndNamespacesItsIds() throws Exception {
        byte[] order = Fixtures.bytes("woocommerce/wcios_order_211_guest_customer0_wc6.1.1.json");
        HttpResponse<String> second = woo.send("order.created", order, "https://SECOND-site.example.org/store", new HmacSha256(SECOND_SECRET).sign(order));
        HttpResponse<String> secondWithFirstSecret = woo.send("order.created", order, SECOND_SITE_URL,
                new HmacSha256(WooCommerceWebhookClient.SECRET).sign(order));

        assertEquals(200, second.statusCode(), second.body());
        assertEquals("woocommerce:second-site.example.org/store:211", JSON.readTree(second.body()).get("key").asText());
        assertEquals(401, secondWithFirstSecret.statusCode());
        assertEquals("invalid_signature", JSON.readTree(secondWithFirstSecret.body()).get("error").asText());
    }

    @Test
    void wrongSignatureOrUnknownSiteIs401AndNothingIsWritten() throws Exception {
        long before = KafkaTopics.endOffset(app.inboundTopic());
        byte[] order = Fixtures.bytes("woocommerce/wcdocs_v3_order_727_guest_processing.json");
        HttpResponse<String> tampered = woo.send("order.created", order, WooCommerceWebhookClient.SOURCE_URL,
                new HmacSha256(WooCommerceWebhookClient.SECRET).sign("{}".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> unsigned = woo.send("order.created", order, WooCommerceWebhookClient.SOURCE_URL, null);
        HttpResponse<String> unknown = woo.send("order.created", order, "https://elsewhere.example.net/",
                new HmacSha256(WooCommerceWebhookClient.SECRET).sign(order));

        assertEquals(401, tampered.statusCode());
        assertEquals(401, unsigned.statusCode());
        assertEquals("invalid_signature", JSON.readTree(unsigned.body()).get("error").asText());
        assertEquals(401, unknown.statusCode());
        assertEquals("unknown_site", JSON.readTree(unknown.body()).get("error").asText());
        assertEquals(before, KafkaTopics.endOffset(app.inboundTopic()));
    }

    @Test
    void topicWeDoNotSyncGets202SoWooCommerceCountsItAsDelivered() throws Exception {
        long before = KafkaTopics.endOffset(app.inboundTopic());
        HttpResponse<String> response = woo.send("product.updated", "{\"id\": 799}".getBytes(StandardCharsets.UTF_8));

        assertEquals(202, response.statusCode());
        assertEquals("product.updated", JSON.readTree(response.body()).get("ignored").asText());
        assertEquals(before, KafkaTopics.endOffset(app.inboundTopic()));
    }

    @Test
    void malformedJsonIs400WithThePosition() throws Exception {
        HttpResponse<String> response = woo.send("order.updated", "{\"id\": 727,\n\"status\": processing}".getBytes(StandardCharsets.UTF_8));

        assertEquals(400, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("malformed_json", body.get("error").asText());
        assertTrue(body.get("message").asText().contains("line 2, column"), body.get("message").asText());
    }

    @Test
    void jsonSentAsAnotherContentTypeIs415() throws Exception {
        byte[] order = Fixtures.bytes("woocommerce/wcdocs_v3_order_727_guest_processing.json");
        HttpResponse<String> response = woo.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/webhooks/woocommerce"))
                .header("Content-Type", "text/plain")
                .header("X-WC-Webhook-Source", WooCommerceWebhookClient.SOURCE_URL)
                .header("X-WC-Webhook-Topic", "order.created")
                .header("X-WC-Webhook-Signature", new HmacSha256(WooCommerceWebhookClient.SECRET).sign(order))
                .POST(HttpRequest.BodyPublishers.ofByteArray(order)).build());

        assertEquals(415, response.statusCode());
        assertEquals("unsupported_content_type", JSON.readTree(response.body()).get("error").asText());
    }

    private ConsumerRecord<String, byte[]> lastRecordWithKey(String key) {
        List<ConsumerRecord<String, byte[]>> records = KafkaTopics.readAll(app.inboundTopic()).stream()
                .filter(r -> key.equals(r.key())).toList();
        assertFalse(records.isEmpty(), "no record with key " + key);
        return records.get(records.size() - 1);
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
