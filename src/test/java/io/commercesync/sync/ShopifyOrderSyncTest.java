package io.commercesync.sync;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.sandbox.SandboxOrg;
import io.commercesync.testing.Fixtures;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.SharedInfrastructure;
import io.commercesync.testing.ShopifyWebhookClient;
import io.commercesync.verify.HmacSha256;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walking skeleton end to end, through real interfaces only: signed HTTP requests to the running app,
 * a real Kafka broker, camel-salesforce writing to the sandbox org, and the records read back from the org.
 */
class ShopifyOrderSyncTest {

    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHOP = ShopifyWebhookClient.SHOP;

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
        if (app != null) {
            app.close();
        }
    }

    @Test
    void signedShopifyOrderAppearsInSandboxOrgWithMappedFields() throws Exception {
        HttpResponse<String> response = shopify.send("orders/paid", Fixtures.bytes("shopify/taxreceipts_orders_paid_usd_2018.json"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode body = JSON.readTree(response.body());
        assertEquals("accepted", body.get("status").asText());
        assertEquals("shopify:" + SHOP + ":762815840312", body.get("key").asText());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);

        Map<String, Object> opportunity = org.findByExternalId("Opportunity", "Commerce_Order_Id__c",
                "shopify:" + SHOP + ":762815840312").orElseThrow();
        Map<String, Object> account = org.findByExternalId("Account", "Commerce_Customer_Id__c",
                "shopify:" + SHOP + ":929937489976").orElseThrow();
        Map<String, Object> contact = org.findByExternalId("Contact", "Commerce_Customer_Id__c",
                "shopify:" + SHOP + ":929937489976").orElseThrow();
        assertEquals("Shopify order #1029", opportunity.get("Name"));
        assertEquals("Paid", opportunity.get("StageName"));
        assertEquals(0, new BigDecimal("457.74").compareTo(new BigDecimal(String.valueOf(opportunity.get("Amount")))));
        assertEquals("USD", opportunity.get("CurrencyIsoCode"));
        assertEquals("2018-12-28", String.valueOf(opportunity.get("CloseDate")));
        assertEquals("#1029", opportunity.get("Commerce_Order_Number__c"));
        assertEquals(SHOP, opportunity.get("Commerce_Store__c"));
        assertEquals(account.get("Id"), opportunity.get("AccountId"));
        assertEquals("Kevin Hughes", account.get("Name"));
        assertEquals("Kevin", contact.get("FirstName"));
        assertEquals("Hughes", contact.get("LastName"));
        assertEquals("kevinhughes27@gmail.com", contact.get("Email"));
        assertEquals(account.get("Id"), contact.get("AccountId"));
    }

    @Test
    void sameDeliveryPostedTwiceLeavesOneAccountAndOneOpportunity() {
        byte[] order = Fixtures.bytes("shopify/taxreceipts_shopify_docs_sample_order_1001.json");
        String signature = new HmacSha256(ShopifyWebhookClient.SECRET).sign(order);
        String webhookId = UUID.randomUUID().toString();
        assertEquals(200, shopify.send("orders/create", order, signature, webhookId).statusCode());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);
        long callsBefore = org.apiCalls();
        assertEquals(200, shopify.send("orders/create", order, signature, webhookId).statusCode());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);

        assertEquals(0, org.apiCalls() - callsBefore, "Shopify's redelivery (same X-Shopify-Webhook-Id) costs no second call");
        String orderId = "shopify:" + SHOP + ":450789469";
        String customerId = "shopify:" + SHOP + ":207119551";
        assertEquals(1, org.records("Opportunity").stream().filter(r -> orderId.equals(r.get("Commerce_Order_Id__c"))).count());
        assertEquals(1, org.records("Account").stream().filter(r -> customerId.equals(r.get("Commerce_Customer_Id__c"))).count());
        assertEquals(1, org.records("Contact").stream().filter(r -> customerId.equals(r.get("Commerce_Customer_Id__c"))).count());
        assertEquals("TENOFF", org.findByExternalId("Opportunity", "Commerce_Order_Id__c", orderId).orElseThrow()
                .get("Commerce_Discount_Codes__c"));
    }

    @Test
    void rejectsTamperedBodyWith401AndNothingReachesKafka() throws Exception {
        byte[] order = Fixtures.bytes("shopify/bagserver_orders_create_aud_2020.json");
        String signature = new HmacSha256(ShopifyWebhookClient.SECRET).sign(order);
        byte[] tampered = new String(order, StandardCharsets.UTF_8).replace("\"59.45\"", "\"5.94\"").getBytes(StandardCharsets.UTF_8);
        long before = KafkaTopics.endOffset(app.inboundTopic());

        HttpResponse<String> response = shopify.send("orders/create", tampered, signature, UUID.randomUUID().toString());
        HttpResponse<String> unsigned = shopify.send("orders/create", order, null, UUID.randomUUID().toString());
        HttpResponse<String> wrongSecret = shopify.send("orders/create", order,
                new HmacSha256("not-the-shop-secret").sign(order), UUID.randomUUID().toString());

        for (HttpResponse<String> rejected : List.of(response, unsigned, wrongSecret)) {
            assertEquals(401, rejected.statusCode(), rejected.body());
            assertEquals("invalid_signature", JSON.readTree(rejected.body()).get("error").asText());
            assertTrue(rejected.headers().firstValue("X-Shopify-Hmac-Sha256").isEmpty(), "request headers must not be echoed");
        }
        assertEquals(before, KafkaTopics.endOffset(app.inboundTopic()), "nothing unverified may reach Kafka");
    }

    @Test
    void orderTheOrgRejectsLandsOnDeadLetterTopicWithOriginalBytesAndConsumerMovesOn() {
        // A real draft order with "customer": null and "email": "": there is no last name for the Contact,
        // and the org answers REQUIRED_FIELD_MISSING.
        byte[] rejected = Fixtures.bytes("shopify/membi_orders_create_hkd_no_discount_2025.json");
        byte[] next = Fixtures.bytes("shopify/bagserver_orders_create_aud_2020.json");

        assertEquals(200, shopify.send("orders/create", rejected).statusCode());
        assertEquals(200, shopify.send("orders/create", next).statusCode());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);

        List<ConsumerRecord<String, byte[]>> deadLetters = KafkaTopics.readAll(app.deadLetterTopic("shopify"));
        assertEquals(1, deadLetters.size());
        ConsumerRecord<String, byte[]> deadLetter = deadLetters.get(0);
        assertArrayEquals(rejected, deadLetter.value(), "the dead letter holds the exact bytes the store sent");
        assertEquals("shopify:" + SHOP + ":6198424240428", deadLetter.key());
        assertEquals("REQUIRED_FIELD_MISSING", header(deadLetter, "commerce-error-code"));
        assertEquals("400", header(deadLetter, "commerce-error-status"));
        assertEquals("1", header(deadLetter, "commerce-attempts"), "a validation error is not retried");
        assertEquals("shopify", header(deadLetter, "commerce-source"));
        assertEquals("orders/create", header(deadLetter, "commerce-topic"));
        assertEquals("true", header(deadLetter, "commerce-signature-verified"));
        assertTrue(header(deadLetter, "commerce-error-message").contains("LastName"), header(deadLetter, "commerce-error-message"));
        assertTrue(org.findByExternalId("Opportunity", "Commerce_Order_Id__c", "shopify:" + SHOP + ":2998557704341").isPresent(),
                "the order after the rejected one is synced");
        assertTrue(org.findByExternalId("Opportunity", "Commerce_Order_Id__c", "shopify:" + SHOP + ":6198424240428").isEmpty(),
                "all or none: nothing of the rejected order is left in the org");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
