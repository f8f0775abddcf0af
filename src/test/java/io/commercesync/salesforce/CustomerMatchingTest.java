package io.commercesync.salesforce;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.sandbox.SandboxOrg;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.SharedInfrastructure;
import io.commercesync.testing.ShopifyWebhookClient;
import io.commercesync.testing.WooCommerceWebhookClient;
import org.apache.camel.Exchange;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code commerce.sync.matching=email,company}, an order's customer is found among records the org
 * already has (made by people, not by Commerce Sync) before anything is created; with
 * {@code unmatched=review}, an order whose customer matches nothing waits on the review topic.
 */
class CustomerMatchingTest {

    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHOP = ShopifyWebhookClient.SHOP;

    private static RunningApp app;
    private static SandboxOrg org;

    @BeforeAll
    static void startApp() {
        org = SharedInfrastructure.sandboxOrg();
        app = RunningApp.start(Map.of("commerce.sync.matching", "email,company"));
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @Test
    void aContactWithTheBuyersEmailIsTheCustomerEvenWithAQuoteInTheEmail() {
        String email = "o'brien." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String accountId = create(app, "Account", Map.of("Name", "O'Brien Household"));
        String contactId = create(app, "Contact", Map.of("LastName", "O'Brien", "Email", email, "AccountId", accountId));
        StoreFixture order = StoreFixture.fresh("shopify/taxreceipts_orders_paid_usd_2018.json").with(json -> {
            json.put("email", email);
            ((ObjectNode) json.get("customer")).put("email", email);
        });

        assertEquals(200, new ShopifyWebhookClient(app.baseUrl()).send("orders/paid", order.bytes()).statusCode());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);

        Map<String, Object> opportunity = org.findByExternalId("Opportunity", "Commerce_Order_Id__c",
                "shopify:" + SHOP + ":" + order.id).orElseThrow();
        assertEquals(contactId, opportunity.get("ContactId"));
        assertEquals(accountId, opportunity.get("AccountId"));
        String customerId = "shopify:" + SHOP + ":" + order.id;
        assertEquals(contactId, org.findByExternalId("Contact", "Commerce_Customer_Id__c", customerId).orElseThrow().get("Id"),
                "the Contact found by e-mail now carries the customer's id");
        assertEquals(1, org.records("Contact").stream().filter(c -> email.equals(c.get("Email"))).count(), "no second Contact");
    }

    @Test
    void aGuestWhoseCompanyIsAnAccountIsFiledUnderIt() {
        String company = "Matching Test Co " + UUID.randomUUID().toString().substring(0, 8);
        String accountId = create(app, "Account", Map.of("Name", company));
        StoreFixture order = StoreFixture.fresh("woocommerce/wcdocs_v3_order_727_guest_processing.json").with(json -> {
            ((ObjectNode) json.get("billing")).put("company", company);
            ((ObjectNode) json.get("billing")).put("email", "buyer." + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        });

        assertEquals(200, new WooCommerceWebhookClient(app.baseUrl()).send("order.created", order.bytes()).statusCode());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);

        Map<String, Object> opportunity = org.findByExternalId("Opportunity", "Commerce_Order_Id__c",
                "woocommerce:demo-shop.example.com:" + order.id).orElseThrow();
        assertEquals(accountId, opportunity.get("AccountId"));
        Map<String, Object> contact = org.records("Contact").stream().filter(c -> c.get("Id").equals(opportunity.get("ContactId")))
                .findFirst().orElseThrow();
        assertEquals(accountId, contact.get("AccountId"));
        assertEquals(1, org.records("Account").stream().filter(a -> company.equals(a.get("Name"))).count(), "no second Account");
    }

    @Test
    void anUnmatchedCustomerWaitsOnTheReviewTopicAndNothingIsWritten() {
        String reviewTopic = "test-" + UUID.randomUUID().toString().substring(0, 8) + ".commerce.review";
        try (RunningApp reviewing = RunningApp.start(Map.of("commerce.sync.matching", "email",
                "commerce.sync.unmatched", "review", "commerce.kafka.review-topic", reviewTopic))) {
            StoreFixture order = StoreFixture.fresh("shopify/taxreceipts_orders_paid_usd_2018.json");
            assertEquals(200, new ShopifyWebhookClient(reviewing.baseUrl()).send("orders/paid", order.bytes()).statusCode());
            KafkaTopics.awaitAllConsumed(reviewing, SYNC_TIMEOUT);

            List<ConsumerRecord<String, byte[]>> review = KafkaTopics.readAll(reviewTopic);
            assertEquals(1, review.size());
            assertArrayEquals(order.bytes(), review.get(0).value(), "the store's bytes, for whoever assigns it");
            assertEquals("shopify:" + SHOP + ":" + order.id, review.get(0).key());
            assertTrue(org.findByExternalId("Opportunity", "Commerce_Order_Id__c", "shopify:" + SHOP + ":" + order.id).isEmpty());
            assertTrue(org.findByExternalId("Contact", "Commerce_Customer_Id__c", "shopify:" + SHOP + ":" + order.id).isEmpty());
            assertEquals(0, KafkaTopics.endOffset(reviewing.deadLetterTopic("shopify")));
        }
    }

    /** A record made the way a person or another integration would: a plain camel-salesforce create. */
    private static String create(RunningApp through, String sObject, Map<String, Object> fields) {
        try {
            Exchange reply = through.context().createProducerTemplate().request(
                    "salesforce:createSObject?rawPayload=true&sObjectName=" + sObject,
                    e -> e.getMessage().setBody(JSON.writeValueAsString(fields)));
            assertNull(reply.getException());
            return JSON.readTree(reply.getMessage().getBody(String.class)).get("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
