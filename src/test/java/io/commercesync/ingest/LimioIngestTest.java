package io.commercesync.ingest;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.testing.Fixtures;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.LimioWebhookClient;
import io.commercesync.testing.RunningApp;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.commercesync.ingest.WooCommerceIngestTest.header;
import static io.commercesync.testing.LimioWebhookClient.basic;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Limio as it really speaks: Basic Auth, the Limio object as the body, through real HTTP and the real broker. */
class LimioIngestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = LimioWebhookClient.TENANT;

    private static RunningApp app;
    private static LimioWebhookClient limio;

    @BeforeAll
    static void startApp() {
        app = RunningApp.start(Map.of(
                "commerce.limio.stores.other.tenant", "other.prod.limio.com",
                "commerce.limio.stores.other.username", "other-user",
                "commerce.limio.stores.other.password", "other-password"));
        limio = new LimioWebhookClient(app.baseUrl());
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @Test
    void orderSubmittedWithTheTenantsCredentialsIsWrittenUnderItsSubscription() throws Exception {
        byte[] order = Fixtures.bytes("limio/limio_order_submitted_new_assembled.json");
        HttpResponse<String> response = limio.send("order.submitted", order);

        assertEquals(200, response.statusCode(), response.body());
        String key = "limio:" + TENANT + ":subscription:2TJ25TK632EG";
        assertEquals(key, JSON.readTree(response.body()).get("key").asText());
        ConsumerRecord<String, byte[]> record = lastRecordWithKey(key);
        assertArrayEquals(order, record.value());
        assertEquals("limio", header(record, WebhookHeaders.SOURCE));
        assertEquals("order.submitted", header(record, WebhookHeaders.TOPIC));
        assertEquals("ORDER", header(record, WebhookHeaders.EVENT_KIND));
    }

    @Test
    void cancellationAndCustomerEventsAreAcceptedWithTheirKinds() throws Exception {
        HttpResponse<String> cancellation = limio.send("order.cancellation", Fixtures.bytes("limio/limio_order_cancellation_assembled.json"));
        HttpResponse<String> customer = limio.send("customer", Fixtures.bytes("limio/limio_customer_assembled.json"));

        assertEquals(200, cancellation.statusCode(), cancellation.body());
        assertEquals("ORDER_CANCELLED", header(lastRecordWithKey(JSON.readTree(cancellation.body()).get("key").asText()), WebhookHeaders.EVENT_KIND));
        assertEquals(200, customer.statusCode(), customer.body());
        assertEquals("limio:" + TENANT + ":customer:cust-2b7e151628aed2a6abf7158809cf4f3c", JSON.readTree(customer.body()).get("key").asText());
    }

    @Test
    void withoutAnEventInTheUrlTheEventIsToldFromTheObject() throws Exception {
        HttpResponse<String> subscription = limio.send(null, Fixtures.bytes("limio/limio_subscription_3V053CN9SFIG_objects_api.json"));
        HttpResponse<String> offerChange = limio.send(null, Fixtures.bytes("limio/limio_order_change_offer_assembled.json"));

        assertEquals(200, subscription.statusCode(), subscription.body());
        assertEquals("subscription.created", header(lastRecordWithKey("limio:" + TENANT + ":subscription:3V053CN9SFIG"), WebhookHeaders.TOPIC));
        assertEquals(200, offerChange.statusCode(), offerChange.body());
        assertEquals("order.offer_change", header(lastRecordWithKey("limio:" + TENANT + ":subscription:2TJ25TK632EG"), WebhookHeaders.TOPIC));
    }

    @Test
    void eachTenantIsKnownByItsOwnCredentials() throws Exception {
        HttpResponse<String> other = limio.send("order.submitted", Fixtures.bytes("limio/limio_order_submitted_new_assembled.json"),
                basic("other-user", "other-password"));

        assertEquals(200, other.statusCode(), other.body());
        assertEquals("limio:other.prod.limio.com:subscription:2TJ25TK632EG", JSON.readTree(other.body()).get("key").asText());
    }

    @Test
    void wrongOrMissingCredentialsAre401AndNothingIsWritten() throws Exception {
        long before = KafkaTopics.endOffset(app.inboundTopic());
        byte[] order = Fixtures.bytes("limio/limio_order_submitted_new_assembled.json");
        List<HttpResponse<String>> refused = List.of(
                limio.send("order.submitted", order, basic(LimioWebhookClient.USERNAME, "wrong")),
                limio.send("order.submitted", order, basic("other-user", LimioWebhookClient.PASSWORD)),
                limio.send("order.submitted", order, null),
                limio.send("order.submitted", order, "Bearer " + LimioWebhookClient.PASSWORD),
                limio.send("order.submitted", order, "Basic not-base64!"));

        for (HttpResponse<String> response : refused) {
            assertEquals(401, response.statusCode(), response.body());
            assertEquals("invalid_credentials", JSON.readTree(response.body()).get("error").asText());
            assertFalse(response.body().contains(LimioWebhookClient.PASSWORD), "no secret in answers");
        }
        assertEquals(before, KafkaTopics.endOffset(app.inboundTopic()));
    }

    @Test
    void eventWeDoNotSyncGets202() throws Exception {
        HttpResponse<String> response = limio.send("entitlement", "{\"id\":\"ent-1\"}".getBytes(StandardCharsets.UTF_8));

        assertEquals(202, response.statusCode());
        assertEquals("entitlement", JSON.readTree(response.body()).get("ignored").asText());
    }

    private ConsumerRecord<String, byte[]> lastRecordWithKey(String key) {
        List<ConsumerRecord<String, byte[]>> records = KafkaTopics.readAll(app.inboundTopic()).stream()
                .filter(r -> key.equals(r.key())).toList();
        assertFalse(records.isEmpty(), "no record with key " + key);
        return records.get(records.size() - 1);
    }
}
