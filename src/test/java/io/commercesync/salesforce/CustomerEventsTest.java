package io.commercesync.salesforce;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.commercesync.sandbox.SandboxOrg;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.SharedInfrastructure;
import io.commercesync.testing.ShopifyWebhookClient;
import io.commercesync.testing.WooCommerceWebhookClient;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Customer events (Shopify {@code customers/create|update}, WooCommerce {@code customer.created|updated}) are
 * written to {@code commerce.sync.customer-target}: the customer's Account and Contact by default, or a Contact,
 * a Lead, or a custom object with a record type; blank store values never overwrite what Salesforce holds.
 */
class CustomerEventsTest {

    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHOP = ShopifyWebhookClient.SHOP;
    private static final String SITE = "demo-shop.example.com";
    private static final String SHOPIFY_CUSTOMER = "shopify/shopifyapiruby_rest2026_07_customer_207119551.json";
    private static final String WOO_CUSTOMER = "woocommerce/wcdocs_v3_customer_25.json";

    private static RunningApp app;
    private static SandboxOrg org;

    @BeforeAll
    static void startApp() {
        org = SharedInfrastructure.sandboxOrg();
        app = RunningApp.start();
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @Test
    void aShopifyCustomerBecomesAnAccountWithItsContactByDefault() {
        StoreFixture customer = StoreFixture.fresh(SHOPIFY_CUSTOMER);
        shopify(app, "customers/create", customer);

        String id = "shopify:" + SHOP + ":" + customer.id;
        Map<String, Object> account = org.findByExternalId("Account", "Commerce_Customer_Id__c", id).orElseThrow();
        Map<String, Object> contact = org.findByExternalId("Contact", "Commerce_Customer_Id__c", id).orElseThrow();
        assertEquals("Bob Norman", account.get("Name"));
        assertEquals(account.get("Id"), contact.get("AccountId"));
        assertEquals("bob.norman@mail.example.com", contact.get("Email"));
        assertEquals("Louisville", contact.get("MailingCity"));
        assertEquals(0, KafkaTopics.endOffset(app.deadLetterTopic("shopify")), "no longer an UNSUPPORTED_EVENT");
    }

    @Test
    void blankStoreFieldsDoNotOverwriteSalesforceValues() {
        StoreFixture created = StoreFixture.fresh(SHOPIFY_CUSTOMER);
        shopify(app, "customers/create", created);
        StoreFixture updated = created.with(json -> {
            json.put("first_name", "Robert");
            json.set("phone", NullNode.getInstance());
            json.put("email", "");
            json.remove("default_address");
            json.remove("addresses");
        });
        shopify(app, "customers/update", updated);

        Map<String, Object> contact = org.findByExternalId("Contact", "Commerce_Customer_Id__c", "shopify:" + SHOP + ":" + created.id).orElseThrow();
        assertEquals("Robert", contact.get("FirstName"), "what the store changed is written");
        assertEquals("+16136120707", contact.get("Phone"), "a blank phone leaves the phone Salesforce has");
        assertEquals("bob.norman@mail.example.com", contact.get("Email"));
        assertEquals("Louisville", contact.get("MailingCity"));
    }

    @Test
    void aWooCommerceCustomerBecomesALeadWithTheConfiguredRecordType() {
        String recordTypeId = create("RecordType", Map.of("Name", "Webshop Lead", "DeveloperName", "Webshop_Lead",
                "SobjectType", "Lead", "IsActive", true));
        Map<String, String> lead = new LinkedHashMap<>();
        lead.put("commerce.sync.customer-target", "lead");
        lead.put("commerce.sync.customer.record-type", "Webshop_Lead");
        try (RunningApp leads = RunningApp.start(lead)) {
            StoreFixture customer = StoreFixture.fresh(WOO_CUSTOMER);
            assertEquals(200, new WooCommerceWebhookClient(leads.baseUrl()).send("customer.created", customer.bytes()).statusCode());
            KafkaTopics.awaitAllConsumed(leads, SYNC_TIMEOUT);

            Map<String, Object> record = org.findByExternalId("Lead", "Commerce_Customer_Id__c", "woocommerce:" + SITE + ":" + customer.id)
                    .orElseThrow();
            assertEquals("John", record.get("FirstName"));
            assertEquals("Doe", record.get("LastName"));
            assertEquals("john.doe@example.com", record.get("Email"));
            assertEquals("John Doe", record.get("Company"), "no company in the store: the customer's name, as Lead.Company is required");
            assertEquals("Open - Not Contacted", record.get("Status"));
            assertEquals(recordTypeId, record.get("RecordTypeId"));
            assertEquals("San Francisco", record.get("City"));
            assertEquals("94103", record.get("PostalCode"));
            assertEquals(0, org.records("Contact").stream().filter(c -> ("woocommerce:" + SITE + ":" + customer.id)
                    .equals(c.get("Commerce_Customer_Id__c"))).count(), "a Lead only");
        }
    }

    @Test
    void aCustomerGoesToACustomObjectWithTheConfiguredRecordType() {
        String recordTypeId = create("RecordType", Map.of("Name", "Online Customer", "DeveloperName", "Online_Customer",
                "SobjectType", "Commerce_Customer__c", "IsActive", true));
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("commerce.sync.customer-target", "Commerce_Customer__c");
        custom.put("commerce.sync.customer.record-type", "Online_Customer");
        custom.put("commerce.sync.customer.field.email", "Email__c");
        custom.put("commerce.sync.customer.field.first-name", "First_Name__c");
        custom.put("commerce.sync.customer.field.last-name", "Last_Name__c");
        custom.put("commerce.sync.customer.field.city", "City__c");
        custom.put("commerce.sync.customer.field.store", "Store__c");
        try (RunningApp customObjects = RunningApp.start(custom)) {
            StoreFixture customer = StoreFixture.fresh(SHOPIFY_CUSTOMER);
            shopify(customObjects, "customers/create", customer);

            Map<String, Object> record = org.findByExternalId("Commerce_Customer__c", "Commerce_Customer_Id__c",
                    "shopify:" + SHOP + ":" + customer.id).orElseThrow();
            assertEquals(recordTypeId, record.get("RecordTypeId"));
            assertEquals("Bob Norman", record.get("Name"));
            assertEquals("bob.norman@mail.example.com", record.get("Email__c"));
            assertEquals("Norman", record.get("Last_Name__c"));
            assertEquals("Louisville", record.get("City__c"));
            assertEquals(SHOP, record.get("Store__c"));
            assertNull(record.get("Phone__c"), "a canonical field not mapped is not written");
        }
    }

    private static void shopify(RunningApp through, String topic, StoreFixture customer) {
        assertEquals(200, new ShopifyWebhookClient(through.baseUrl()).send(topic, customer.bytes()).statusCode());
        KafkaTopics.awaitAllConsumed(through, SYNC_TIMEOUT);
    }

    /** Org setup the way an administrator's tool would do it: a plain camel-salesforce create. */
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
