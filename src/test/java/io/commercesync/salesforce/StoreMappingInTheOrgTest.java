package io.commercesync.salesforce;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.commercesync.sandbox.SandboxOrg;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.LimioWebhookClient;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.SharedInfrastructure;
import io.commercesync.testing.ShopifyWebhookClient;
import io.commercesync.testing.WooCommerceWebhookClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.commercesync.salesforce.StoreFixture.amount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every store's real order fixtures through the shipped mapping (application.properties, commerce.sync.*),
 * asserted as the records they make in the sandbox org. An integrator who edits the mapping runs this test
 * and sees at once which record changed (docs/salesforce-mapping.md).
 */
class StoreMappingInTheOrgTest {

    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);

    private static RunningApp app;
    private static SandboxOrg org;

    /** What one fixture must become: the Opportunity's fields and how many product and refund lines it has. */
    record Expected(String fixture, String topic, String name, String stage, String amount, String currency,
                    int productLines, int refundLines, Map<String, Object> fields) {
        @Override
        public String toString() {
            return fixture;
        }
    }

    static List<Expected> fixtures() {
        return List.of(
                new Expected("shopify/taxreceipts_orders_paid_usd_2018.json", "orders/paid", "Shopify order #1029", "Paid",
                        "457.74", "USD", 1, 0, Map.of("Commerce_Order_Number__c", "#1029", "Commerce_Source__c", "shopify")),
                new Expected("shopify/taxreceipts_shopify_docs_sample_order_1001.json", "orders/create", "Shopify order #1001", "Paid",
                        "409.94", "USD", 3, 0, Map.of("Commerce_Discount_Codes__c", "TENOFF", "Commerce_Shipping_Method__c", "Free Shipping",
                        "Commerce_Note__c", "Test note")),
                new Expected("shopify/bagserver_orders_create_aud_2020.json", "orders/create", "Shopify order #1030", "Paid",
                        "59.45", "AUD", 1, 0, Map.of("Commerce_Shipping_Method__c", "Standard")),
                new Expected("shopify/orders-create-test-notification.json", "orders/create", "Shopify order #9999", "Closed Lost",
                        "388.00", "USD", 2, 0, Map.of("Commerce_Shipping_Method__c", "Generic Shipping")),
                new Expected("woocommerce/wcdocs_v3_order_727_guest_processing.json", "order.created", "Woocommerce order 727", "Paid",
                        "29.35", "USD", 2, 0, Map.of("Commerce_Shipping_Method__c", "Flat Rate", "Commerce_Source__c", "woocommerce")),
                new Expected("woocommerce/wcdocs_v3_order_723_registered_completed_2refunds.json", "order.updated", "Woocommerce order 723",
                        "Closed Won", "20.00", "USD", 2, 2, Map.of("Commerce_Shipping_Method__c", "Flat rate")),
                new Expected("woocommerce/wcios_order_963_coupon_meta_wc3.3.4.json", "order.updated", "Woocommerce order 963", "Paid",
                        "31.20", "USD", 2, 0, Map.of("Commerce_Discount_Codes__c", "30$off")),
                new Expected("limio/limio_order_submitted_new_assembled.json", "order.submitted", "Limio order 8HK92PL401QW", "Paid",
                        "75.00", "USD", 1, 0, Map.of("Commerce_Discount_Codes__c", "TEST123", "Commerce_Source__c", "limio")));
    }

    @BeforeAll
    static void startApp() {
        org = SharedInfrastructure.sandboxOrg();
        app = RunningApp.start();
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void eachStoreFixtureBecomesTheseRecords(Expected expected) {
        Map<String, Object> opportunity = sync(app, expected);

        assertEquals(expected.name(), opportunity.get("Name"));
        assertEquals(expected.stage(), opportunity.get("StageName"));
        assertEquals(0, new BigDecimal(expected.amount()).compareTo(amount(opportunity, "Amount")), "Amount");
        assertEquals(expected.currency(), opportunity.get("CurrencyIsoCode"));
        expected.fields().forEach((field, value) -> assertEquals(value, opportunity.get(field), field));
        List<Map<String, Object>> lines = LineItemsTest.lines(opportunity);
        Function<String, Long> count = part -> lines.stream().filter(l -> String.valueOf(l.get("Commerce_Line_Id__c")).contains(part)).count();
        assertEquals(expected.productLines(), count.apply(":line:"), "product lines " + lines);
        assertEquals(expected.refundLines(), count.apply(":refund:"), "refund lines " + lines);
        Map<String, Object> account = org.records("Account").stream().filter(a -> a.get("Id").equals(opportunity.get("AccountId")))
                .findFirst().orElseThrow();
        assertEquals(account.get("Commerce_Customer_Id__c"), org.records("Contact").stream()
                .filter(c -> c.get("Id").equals(opportunity.get("ContactId"))).findFirst().orElseThrow().get("Commerce_Customer_Id__c"),
                "the Opportunity's Contact is its Account's customer");
    }

    @Test
    void anIntegratorsMappingDecidesTheFields() {
        try (RunningApp mapped = RunningApp.start(Map.of(
                "commerce.sync.field.opportunity.note", "Description",
                "commerce.sync.field.opportunity.number", "",
                "commerce.sync.field.opportunity.source-status", "Commerce_Financial_Status__c",
                "commerce.sync.stage.paid", "Closed Won"))) {
            Map<String, Object> opportunity = sync(mapped, fixtures().get(1));

            assertEquals("Test note", opportunity.get("Description"));
            assertEquals(null, opportunity.get("Commerce_Note__c"));
            assertFalse(opportunity.containsKey("Commerce_Order_Number__c"), "a field mapped to nothing is not written");
            assertEquals("paid/unfulfilled", opportunity.get("Commerce_Financial_Status__c"));
            assertEquals("Closed Won", opportunity.get("StageName"));
        }
    }

    private static Map<String, Object> sync(RunningApp target, Expected expected) {
        StoreFixture order = StoreFixture.fresh(expected.fixture());
        String source = expected.fixture().substring(0, expected.fixture().indexOf('/'));
        String orderId;
        HttpResponse<String> response;
        switch (source) {
            case "shopify" -> {
                response = new ShopifyWebhookClient(target.baseUrl()).send(expected.topic(), order.bytes());
                orderId = "shopify:" + ShopifyWebhookClient.SHOP + ":" + order.id;
            }
            case "woocommerce" -> {
                response = new WooCommerceWebhookClient(target.baseUrl()).send(expected.topic(), order.bytes());
                orderId = "woocommerce:demo-shop.example.com:" + order.id;
            }
            default -> {
                StoreFixture subscription = order.with(json -> json.put("subscriptionReference", "S" + order.id));
                response = new LimioWebhookClient(target.baseUrl()).send(expected.topic(), subscription.bytes());
                orderId = "limio:" + LimioWebhookClient.TENANT + ":subscription:S" + order.id;
            }
        }
        assertEquals(200, response.statusCode(), response.body());
        KafkaTopics.awaitAllConsumed(target, SYNC_TIMEOUT);
        return org.findByExternalId("Opportunity", "Commerce_Order_Id__c", orderId)
                .orElseThrow(() -> new AssertionError("no Opportunity " + orderId + "; dead letters: "
                        + KafkaTopics.readAll(target.deadLetterTopic(source)).stream()
                        .map(r -> LineItemsTest.header(r, "commerce-error-message")).toList()));
    }
}
