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
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@code commerce.sync.account-mode=person}: a customer is one person account (record type PersonAccount,
 * FirstName/LastName, PersonEmail), never an Account plus a Contact; with {@code matching=email} a person
 * account the org already has is found by its PersonEmail.
 */
class PersonAccountsTest {

    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHOP = ShopifyWebhookClient.SHOP;

    private static RunningApp app;
    private static SandboxOrg org;

    @BeforeAll
    static void startApp() {
        org = SharedInfrastructure.sandboxOrg();
        app = RunningApp.start(Map.of("commerce.sync.account-mode", "person", "commerce.sync.matching", "email"));
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @Test
    void anOrdersCustomerBecomesAPersonAccountLinkedToTheOpportunity() {
        StoreFixture paid = StoreFixture.fresh("shopify/taxreceipts_orders_paid_usd_2018.json");
        send("orders/paid", paid.bytes());

        String customerId = "shopify:" + SHOP + ":" + paid.id;
        Map<String, Object> account = org.findByExternalId("Account", "Commerce_Customer_Id__c", customerId).orElseThrow();
        assertEquals(true, account.get("IsPersonAccount"));
        assertEquals(org.personAccountRecordTypeId(), account.get("RecordTypeId"));
        assertEquals("Kevin", account.get("FirstName"));
        assertEquals("Hughes", account.get("LastName"));
        assertEquals("Kevin Hughes", account.get("Name"));
        assertEquals("kevinhughes27@gmail.com", account.get("PersonEmail"));
        List<Map<String, Object>> contacts = org.records("Contact").stream().filter(c -> account.get("Id").equals(c.get("AccountId"))).toList();
        assertEquals(1, contacts.size(), "only the person contact Salesforce keeps");
        assertEquals(true, contacts.get(0).get("IsPersonAccount"));

        Map<String, Object> opportunity = org.findByExternalId("Opportunity", "Commerce_Order_Id__c", "shopify:" + SHOP + ":" + paid.id).orElseThrow();
        assertEquals(account.get("Id"), opportunity.get("AccountId"));
        assertEquals(account.get("PersonContactId"), opportunity.get("ContactId"));
    }

    @Test
    void aPersonAccountWithTheBuyersEmailIsTheCustomer() {
        String email = "o'neill." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String existing = create("Account", Map.of("RecordTypeId", org.personAccountRecordTypeId(), "LastName", "O'Neill",
                "PersonEmail", email));
        StoreFixture paid = StoreFixture.fresh("shopify/taxreceipts_orders_paid_usd_2018.json").with(json -> {
            json.put("email", email);
            ((ObjectNode) json.get("customer")).put("email", email);
        });
        send("orders/paid", paid.bytes());

        Map<String, Object> opportunity = org.findByExternalId("Opportunity", "Commerce_Order_Id__c", "shopify:" + SHOP + ":" + paid.id).orElseThrow();
        assertEquals(existing, opportunity.get("AccountId"));
        assertEquals(existing, org.findByExternalId("Account", "Commerce_Customer_Id__c", "shopify:" + SHOP + ":" + paid.id)
                .orElseThrow().get("Id"), "the person account found by e-mail now carries the customer's id");
        assertEquals(1, org.records("Account").stream().filter(a -> email.equals(a.get("PersonEmail"))).count(), "no second person account");
    }

    @Test
    void aCustomerEventBecomesAPersonAccount() {
        StoreFixture customer = StoreFixture.fresh("shopify/shopifyapiruby_rest2026_07_customer_207119551.json");
        send("customers/create", customer.bytes());

        Map<String, Object> account = org.findByExternalId("Account", "Commerce_Customer_Id__c", "shopify:" + SHOP + ":" + customer.id)
                .orElseThrow();
        assertEquals(true, account.get("IsPersonAccount"));
        assertEquals("bob.norman@mail.example.com", account.get("PersonEmail"));
        assertEquals("Louisville", account.get("PersonMailingCity"));
        assertEquals(0, KafkaTopics.endOffset(app.deadLetterTopic("shopify")));
    }

    @Test
    void inOrdersModeTheOrderBelongsToThePersonAccount() {
        try (RunningApp orders = RunningApp.start(Map.of("commerce.sync.account-mode", "person", "commerce.sync.target", "orders"))) {
            StoreFixture paid = StoreFixture.fresh("shopify/taxreceipts_orders_paid_usd_2018.json");
            assertEquals(200, new ShopifyWebhookClient(orders.baseUrl()).send("orders/paid", paid.bytes()).statusCode());
            KafkaTopics.awaitAllConsumed(orders, SYNC_TIMEOUT);

            Map<String, Object> account = org.findByExternalId("Account", "Commerce_Customer_Id__c", "shopify:" + SHOP + ":" + paid.id)
                    .orElseThrow();
            assertEquals(true, account.get("IsPersonAccount"));
            Map<String, Object> order = org.findByExternalId("Order", "Commerce_Order_Id__c", "shopify:" + SHOP + ":" + paid.id).orElseThrow();
            assertEquals(account.get("Id"), order.get("AccountId"));
            assertEquals("Draft", order.get("Status"));
        }
    }

    private static void send(String topic, byte[] body) {
        assertEquals(200, new ShopifyWebhookClient(app.baseUrl()).send(topic, body).statusCode());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);
    }

    /** A record made the way a person or another integration would: a plain camel-salesforce create. */
    private static String create(String sObject, Map<String, Object> fields) {
        try {
            Exchange reply = app.context().createProducerTemplate().request(
                    "salesforce:createSObject?rawPayload=true&sObjectName=" + sObject,
                    e -> e.getMessage().setBody(JSON.writeValueAsString(fields)));
            assertNull(reply.getException());
            return JSON.readTree(reply.getMessage().getBody(String.class)).get("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
