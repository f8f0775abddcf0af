package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flow Commerce Sync is designed around (shared/DESIGN.md): one composite call per order that
 * upserts the customer, contact, opportunity and its line items by external id, safe to replay;
 * and composite graph batches under load.
 */
class OrderSyncScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SandboxOrg org;
    private static CamelSalesforce sf;
    private String mugEntry;
    private String teaEntry;

    @BeforeAll
    static void start() {
        org = SandboxOrg.start(SandboxOrgSettings.defaults());
        sf = CamelSalesforce.connect(org);
    }

    @AfterAll
    static void stop() {
        sf.close();
        org.close();
    }

    @BeforeEach
    void catalogue() throws Exception {
        org.reset();
        mugEntry = entry("shopify:acme:SKU-MUG", "Mug", 12.5);
        teaEntry = entry("shopify:acme:SKU-TEA", "Tea", 4);
    }

    private static String entry(String sku, String name, double price) throws Exception {
        String product = JSON.readTree(CamelSalesforce.body(sf.upsert("Product2", "Commerce_Sku__c", sku,
                "{\"Name\":\"" + name + "\",\"IsActive\":true}"))).get("id").asText();
        Exchange ex = sf.call("salesforce:createSObject?sObjectName=PricebookEntry&rawPayload=true", "{\"Pricebook2Id\":\""
                + org.standardPricebookId() + "\",\"Product2Id\":\"" + product + "\",\"UnitPrice\":" + price
                + ",\"IsActive\":true,\"CurrencyIsoCode\":\"AUD\"}", Map.of());
        return JSON.readTree(CamelSalesforce.body(ex)).get("id").asText();
    }

    private String order(String orderId, String customerId, String stage) {
        return """
                {"allOrNone": true, "compositeRequest": [
                  {"method": "PATCH", "url": "/services/data/v60.0/sobjects/Account/Commerce_Customer_Id__c/%2$s",
                   "referenceId": "account", "body": {"Name": "Ada Lovelace", "BillingCity": "Sydney", "CurrencyIsoCode": "AUD"}},
                  {"method": "PATCH", "url": "/services/data/v60.0/sobjects/Contact/Commerce_Customer_Id__c/%2$s",
                   "referenceId": "contact", "body": {"LastName": "Lovelace", "FirstName": "Ada", "Email": "ada@example.com",
                     "Account": {"Commerce_Customer_Id__c": "%2$s"}}},
                  {"method": "PATCH", "url": "/services/data/v60.0/sobjects/Opportunity/Commerce_Order_Id__c/%1$s",
                   "referenceId": "opportunity", "body": {"Name": "Order #1001", "StageName": "%3$s", "CloseDate": "2026-11-25",
                     "CurrencyIsoCode": "AUD", "Account": {"Commerce_Customer_Id__c": "%2$s"},
                     "Commerce_Source_Updated_At__c": "2026-11-25T14:00:00Z"}},
                  {"method": "PATCH", "url": "/services/data/v60.0/composite/sobjects/OpportunityLineItem/Commerce_Line_Id__c",
                   "referenceId": "lines", "body": {"allOrNone": true, "records": [
                     {"attributes": {"type": "OpportunityLineItem"}, "Commerce_Line_Id__c": "%1$s:1",
                      "Opportunity": {"Commerce_Order_Id__c": "%1$s"}, "PricebookEntryId": "%4$s", "Quantity": 2, "UnitPrice": 12.5},
                     {"attributes": {"type": "OpportunityLineItem"}, "Commerce_Line_Id__c": "%1$s:2",
                      "Opportunity": {"Commerce_Order_Id__c": "%1$s"}, "PricebookEntryId": "%5$s", "Quantity": 3, "UnitPrice": 4}]}}
                ]}""".formatted(orderId, customerId, stage, mugEntry, teaEntry);
    }

    @Test
    void oneCompositeCallPerOrderAndReplaysAreHarmless() throws Exception {
        long before = org.apiCalls();
        Exchange first = sf.composite(order("shopify:acme:1001", "shopify:acme:c-7", "Placed"));
        JsonNode results = JSON.readTree(CamelSalesforce.body(first)).get("compositeResponse");
        for (JsonNode r : results) {
            assertTrue(r.get("httpStatusCode").asInt() < 300, r.toString());
        }
        assertEquals(before + 1, org.apiCalls(), "one API call per order");
        Map<String, Object> opp = org.findByExternalId("Opportunity", "Commerce_Order_Id__c", "shopify:acme:1001").orElseThrow();
        assertEquals(37.0, opp.get("Amount"));
        assertEquals(org.standardPricebookId(), opp.get("Pricebook2Id"));
        assertEquals(org.records("Account").get(0).get("Id"), opp.get("AccountId"));
        assertEquals("2026-11-25T14:00:00.000+0000", opp.get("Commerce_Source_Updated_At__c"));

        Exchange replay = sf.composite(order("shopify:acme:1001", "shopify:acme:c-7", "Paid"));
        JsonNode again = JSON.readTree(CamelSalesforce.body(replay)).get("compositeResponse");
        assertEquals(200, again.get(0).get("httpStatusCode").asInt());
        assertEquals(200, again.get(2).get("httpStatusCode").asInt());
        assertTrue(again.get(3).get("body").get(0).get("success").asBoolean(), again.toString());
        assertEquals(false, again.get(3).get("body").get(0).get("created").asBoolean());
        assertEquals(1, org.records("Account").size());
        assertEquals(1, org.records("Contact").size());
        assertEquals(1, org.records("Opportunity").size());
        assertEquals(2, org.records("OpportunityLineItem").size());
        assertEquals("Paid", org.records("Opportunity").get(0).get("StageName"));
        assertEquals(37.0, org.records("Opportunity").get(0).get("Amount"));
    }

    @Test
    void aGraphCarriesManyOrdersInOneCall() throws Exception {
        StringBuilder graphs = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            JsonNode composite = JSON.readTree(order("shopify:acme:" + (2000 + i), "shopify:acme:c-" + i, "Paid"));
            graphs.append(i == 0 ? "" : ",").append("{\"graphId\":\"o").append(i).append("\",\"compositeRequest\":")
                    .append(JSON.writeValueAsString(graphNodes(composite))).append('}');
        }
        long before = org.apiCalls();
        Exchange ex = sf.call("salesforce:raw?rawMethod=POST&rawPath=/services/data/v60.0/composite/graph",
                "{\"graphs\":[" + graphs + "]}", Map.of());
        assertNull(ex.getException(), () -> String.valueOf(ex.getException()));
        JsonNode result = JSON.readTree(CamelSalesforce.body(ex)).get("graphs");
        for (JsonNode g : result) {
            assertTrue(g.get("isSuccessful").asBoolean(), g.toString());
        }
        assertEquals(before + 1, org.apiCalls(), "50 orders, one API call");
        assertEquals(50, org.records("Opportunity").size());
        assertEquals(100, org.records("OpportunityLineItem").size());
    }

    /** Graph nodes must be single-record calls: the lines' collection becomes one upsert node per line. */
    private static JsonNode graphNodes(JsonNode composite) {
        var nodes = JSON.createArrayNode();
        for (JsonNode sub : composite.get("compositeRequest")) {
            if (!sub.get("url").asText().contains("/composite/sobjects/")) {
                nodes.add(sub);
                continue;
            }
            int n = 0;
            for (JsonNode line : sub.get("body").get("records")) {
                var body = line.deepCopy();
                String lineId = ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("Commerce_Line_Id__c").asText();
                ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("attributes");
                var node = JSON.createObjectNode();
                node.put("method", "PATCH");
                node.put("url", "/services/data/v60.0/sobjects/OpportunityLineItem/Commerce_Line_Id__c/"
                        + java.net.URLEncoder.encode(lineId, java.nio.charset.StandardCharsets.UTF_8));
                node.put("referenceId", "line" + n++);
                node.set("body", body);
                nodes.add(node);
            }
        }
        return nodes;
    }
}
