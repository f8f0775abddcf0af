package io.commercesync.salesforce;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.commercesync.sandbox.SandboxOrg;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.SharedInfrastructure;
import io.commercesync.testing.ShopifyWebhookClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.commercesync.salesforce.StoreFixture.amount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Order lines become OpportunityLineItems in the same single request as their order: PricebookEntry found by
 * SKU and cached, products created on first sight (or the order dead-lettered as UNKNOWN_SKU), Quantity and
 * UnitPrice only, removed lines removed, and the Opportunity's Amount the order's total.
 */
class LineItemsTest {

    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);
    private static final String SHOP = ShopifyWebhookClient.SHOP;
    private static final String ORDER_1001 = "shopify/taxreceipts_shopify_docs_sample_order_1001.json";

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
        app.close();
    }

    @Test
    void eachOrderLineBecomesALineItemWithQuantityAndUnitPriceOfItsSkusPriceBookEntry() {
        StoreFixture order = StoreFixture.fresh(ORDER_1001);
        sync(order);

        Map<String, Object> opportunity = opportunity(order);
        List<Map<String, Object>> lines = lines(opportunity);
        assertEquals(4, lines.size(), "three iPods and the adjustment line: " + lines);
        Map<String, Object> green = lines.stream().filter(l -> "IPOD2008GREEN".equals(skuOf(l))).findFirst().orElseThrow();
        assertEquals(1.0, green.get("Quantity"));
        assertEquals(0, new BigDecimal("199.00").compareTo(amount(green, "UnitPrice")));
        assertEquals("shopify:" + SHOP + ":" + order.id + ":line:466157049", green.get("Commerce_Line_Id__c"));
        assertEquals("IPod Nano - 8gb - green", green.get("Description"));
        assertEquals(org.standardPricebookId(), opportunity.get("Pricebook2Id"));
        Map<String, Object> adjustment = lines.stream().filter(l -> "COMMERCE-ADJUSTMENT".equals(skuOf(l))).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("409.94").subtract(new BigDecimal("597.00")).compareTo(amount(adjustment, "UnitPrice")),
                "shipping, tax and the TENOFF discount in one line");
        assertEquals(0, new BigDecimal("409.94").compareTo(amount(opportunity, "Amount")), "Amount is the order's total");
    }

    @Test
    void anOrderOfThreeHundredFiftyLinesIsStillOneRequest() {
        sync(StoreFixture.fresh(ORDER_1001)); // the iPods' price book entries are known from here on
        StoreFixture big = StoreFixture.fresh(ORDER_1001).with(json -> {
            var items = (com.fasterxml.jackson.databind.node.ArrayNode) json.get("line_items");
            var template = items.get(0).deepCopy();
            items.removeAll();
            for (int i = 0; i < 350; i++) {
                var item = ((com.fasterxml.jackson.databind.node.ObjectNode) template.deepCopy());
                item.put("id", 900_000_000L + i);
                items.add(item);
            }
        });
        long before = org.apiCalls();

        sync(big);

        assertEquals(1, org.apiCalls() - before, "two collections of line items in the order's one composite");
        assertEquals(351, lines(opportunity(big)).size(), "350 lines and the adjustment line");
    }

    @Test
    void aKnownSkuCostsNoLookupTheNextOrderIsOneCall() {
        sync(StoreFixture.fresh(ORDER_1001));
        long before = org.apiCalls();

        sync(StoreFixture.fresh(ORDER_1001));

        assertEquals(1, org.apiCalls() - before, "the entries of IPOD2008GREEN/RED/BLACK are cached");
    }

    @Test
    void aLineRemovedFromTheOrderIsRemovedInSalesforce() {
        StoreFixture order = StoreFixture.fresh(ORDER_1001);
        sync(order);
        assertEquals(4, lines(opportunity(order)).size());

        StoreFixture edited = order.with(json -> {
            ((ArrayNode) json.get("line_items")).remove(2);
            json.put("updated_at", "2008-01-10T12:00:00-05:00");
        });
        sync(edited);

        List<Map<String, Object>> lines = lines(opportunity(order));
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> "IPOD2008BLACK".equals(skuOf(l))));
        assertEquals(0, new BigDecimal("409.94").compareTo(amount(opportunity(order), "Amount")), "the adjustment absorbs the change");
    }

    @Test
    void anUnknownSkuIsAPermanentErrorWhenProductsAreNotCreated() {
        try (RunningApp strict = RunningApp.start(Map.of("commerce.sync.create-products", "false"))) {
            ShopifyWebhookClient client = new ShopifyWebhookClient(strict.baseUrl());
            StoreFixture order = StoreFixture.fresh(ORDER_1001).with(json ->
                    ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("line_items").get(0)).put("sku", "NOT-IN-THE-CATALOGUE-" + System.nanoTime()));
            assertEquals(200, client.send("orders/create", order.bytes()).statusCode());
            KafkaTopics.awaitAllConsumed(strict, SYNC_TIMEOUT);

            List<ConsumerRecord<String, byte[]>> deadLetters = KafkaTopics.readAll(strict.deadLetterTopic("shopify"));
            assertEquals(1, deadLetters.size());
            assertEquals("UNKNOWN_SKU", header(deadLetters.get(0), "commerce-error-code"));
            assertEquals("1", header(deadLetters.get(0), "commerce-attempts"), "not retried");
            assertTrue(header(deadLetters.get(0), "commerce-error-message").contains("NOT-IN-THE-CATALOGUE-"));
            assertTrue(org.findByExternalId("Opportunity", "Commerce_Order_Id__c", "shopify:" + SHOP + ":" + order.id).isEmpty());
        }
    }

    private static void sync(StoreFixture order) {
        assertEquals(200, shopify.send("orders/create", order.bytes()).statusCode());
        KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);
    }

    private static Map<String, Object> opportunity(StoreFixture order) {
        return org.findByExternalId("Opportunity", "Commerce_Order_Id__c", "shopify:" + SHOP + ":" + order.id).orElseThrow();
    }

    static List<Map<String, Object>> lines(Map<String, Object> opportunity) {
        return SharedInfrastructure.sandboxOrg().records("OpportunityLineItem").stream()
                .filter(l -> opportunity.get("Id").equals(l.get("OpportunityId")))
                .sorted(Comparator.comparing(l -> String.valueOf(l.get("Commerce_Line_Id__c")))).toList();
    }

    static String skuOf(Map<String, Object> line) {
        SandboxOrg org = SharedInfrastructure.sandboxOrg();
        return org.records("Product2").stream().filter(p -> p.get("Id").equals(line.get("Product2Id")))
                .map(p -> String.valueOf(p.get("Commerce_Sku__c"))).findFirst().orElse(null);
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
