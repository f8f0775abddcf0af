package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceBookRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SandboxOrg org;
    private static CamelSalesforce sf;
    private String standardEntry;

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

    private static String create(String sObject, String json) throws Exception {
        Exchange ex = sf.call("salesforce:createSObject?sObjectName=" + sObject + "&rawPayload=true", json, Map.of());
        assertNull(ex.getException(), () -> String.valueOf(ex.getException()));
        return JSON.readTree(CamelSalesforce.body(ex)).get("id").asText();
    }

    private static SalesforceException createFails(String sObject, String json) {
        Exchange ex = sf.call("salesforce:createSObject?sObjectName=" + sObject + "&rawPayload=true", json, Map.of());
        return assertInstanceOf(SalesforceException.class, ex.getException());
    }

    private static Map<String, Object> opportunity() {
        return org.findByExternalId("Opportunity", "Commerce_Order_Id__c", "O-1").orElseThrow();
    }

    @BeforeEach
    void catalogueAndOrder() throws Exception {
        org.reset();
        sf.upsert("Product2", "Commerce_Sku__c", "SKU-1", "{\"Name\":\"Mug\",\"IsActive\":true}");
        String product = (String) org.records("Product2").get(0).get("Id");
        standardEntry = create("PricebookEntry", "{\"Pricebook2Id\":\"" + org.standardPricebookId() + "\",\"Product2Id\":\""
                + product + "\",\"UnitPrice\":12.5,\"IsActive\":true}");
        sf.upsert("Opportunity", "Commerce_Order_Id__c", "O-1",
                "{\"Name\":\"#1001\",\"StageName\":\"Paid\",\"CloseDate\":\"2026-11-25\",\"Amount\":999}");
    }

    private Exchange line(String lineId, String pricing) {
        return sf.upsert("OpportunityLineItem", "Commerce_Line_Id__c", lineId, "{\"Opportunity\":{\"Commerce_Order_Id__c\":\"O-1\"},"
                + "\"PricebookEntryId\":\"" + standardEntry + "\"," + pricing + "}");
    }

    @Test
    void theStandardPriceBookIsSeededAndSurvivesReset() throws Exception {
        JsonNode result = JSON.readTree(CamelSalesforce.body(sf.call("salesforce:query?rawPayload=true", null,
                Map.of("sObjectQuery", "SELECT Id, Name, IsActive FROM Pricebook2 WHERE IsStandard = true"))));
        assertEquals(1, result.get("totalSize").asInt());
        assertEquals(org.standardPricebookId(), result.get("records").get(0).get("Id").asText());
        assertEquals("Standard Price Book", result.get("records").get(0).get("Name").asText());
        assertTrue(result.get("records").get(0).get("IsActive").asBoolean());
        org.reset();
        assertEquals(1, org.records("Pricebook2").size());
        assertEquals(org.standardPricebookId(), org.records("Pricebook2").get(0).get("Id"));
    }

    @Test
    void lineItemsRollUpIntoTheOpportunityAmount() {
        assertEquals(201, CamelSalesforce.status(line("L-1", "\"Quantity\":2,\"UnitPrice\":10")));
        assertEquals(201, CamelSalesforce.status(line("L-2", "\"Quantity\":3,\"TotalPrice\":15")));
        Map<String, Object> opp = opportunity();
        assertEquals(35.0, opp.get("Amount"));
        assertEquals(true, opp.get("HasOpportunityLineItem"));
        assertEquals(org.standardPricebookId(), opp.get("Pricebook2Id"), "the price book comes from the first line");
        Map<String, Object> second = org.findByExternalId("OpportunityLineItem", "Commerce_Line_Id__c", "L-2").orElseThrow();
        assertEquals(5.0, second.get("UnitPrice"));
        assertEquals(12.5, second.get("ListPrice"));
        assertEquals(org.records("Product2").get(0).get("Id"), second.get("Product2Id"));
        line("L-1", "\"Quantity\":4").getMessage();
        assertEquals(55.0, opportunity().get("Amount"), "quantity change re-prices the line");
        sf.upsert("Opportunity", "Commerce_Order_Id__c", "O-1", "{\"Amount\":1}");
        assertEquals(55.0, opportunity().get("Amount"), "Amount is read-only while line items exist");
        String first = (String) org.findByExternalId("OpportunityLineItem", "Commerce_Line_Id__c", "L-1").orElseThrow().get("Id");
        assertNull(sf.call("salesforce:deleteSObject?sObjectName=OpportunityLineItem", null, Map.of("sObjectId", first))
                .getException());
        assertEquals(15.0, opportunity().get("Amount"));
    }

    @Test
    void lineItemsNeedExactlyOneOfUnitPriceAndTotalPrice() {
        SalesforceException both = assertInstanceOf(SalesforceException.class,
                line("L-1", "\"Quantity\":1,\"UnitPrice\":10,\"TotalPrice\":10").getException());
        assertEquals("FIELD_INTEGRITY_EXCEPTION", both.getErrors().get(0).getErrorCode());
        SalesforceException neither = assertInstanceOf(SalesforceException.class, line("L-1", "\"Quantity\":1").getException());
        assertEquals("FIELD_INTEGRITY_EXCEPTION", neither.getErrors().get(0).getErrorCode());
        SalesforceException noEntry = assertInstanceOf(SalesforceException.class, sf.upsert("OpportunityLineItem",
                "Commerce_Line_Id__c", "L-9", "{\"Opportunity\":{\"Commerce_Order_Id__c\":\"O-1\"},\"Quantity\":1,"
                        + "\"UnitPrice\":1}").getException());
        assertEquals("FIELD_INTEGRITY_EXCEPTION", noEntry.getErrors().get(0).getErrorCode());
        assertEquals(List.of("PricebookEntryId", "unknown"), noEntry.getErrors().get(0).getFields());
        assertTrue(org.records("OpportunityLineItem").isEmpty());
    }

    @Test
    void lineUpdatesMayNotChangeBothPricesButMayResendTheParent() {
        line("L-1", "\"Quantity\":1,\"UnitPrice\":10");
        SalesforceException both = assertInstanceOf(SalesforceException.class,
                line("L-1", "\"UnitPrice\":10,\"TotalPrice\":10").getException());
        assertEquals("INVALID_FIELD", both.getErrors().get(0).getErrorCode());
        assertEquals("Cannot change both 'UnitPrice' and 'TotalPrice' in update call", both.getErrors().get(0).getMessage());
        assertEquals(200, CamelSalesforce.status(line("L-1", "\"TotalPrice\":30")));
        assertEquals(30.0, opportunity().get("Amount"));
        assertEquals(30.0, org.findByExternalId("OpportunityLineItem", "Commerce_Line_Id__c", "L-1").orElseThrow().get("UnitPrice"));
    }

    @Test
    void lineItemsMustComeFromTheOpportunitysPriceBook() throws Exception {
        String custom = create("Pricebook2", "{\"Name\":\"Wholesale\",\"IsActive\":true}");
        String product = (String) org.records("Product2").get(0).get("Id");
        String customEntry = create("PricebookEntry", "{\"Pricebook2Id\":\"" + custom + "\",\"Product2Id\":\"" + product
                + "\",\"UnitPrice\":9,\"IsActive\":true}");
        assertEquals(201, CamelSalesforce.status(line("L-1", "\"Quantity\":1,\"UnitPrice\":10")));
        Exchange other = sf.upsert("OpportunityLineItem", "Commerce_Line_Id__c", "L-2", "{\"Opportunity\":{\"Commerce_Order_Id__c\":\"O-1\"},"
                + "\"PricebookEntryId\":\"" + customEntry + "\",\"Quantity\":1,\"UnitPrice\":9}");
        SalesforceException e = assertInstanceOf(SalesforceException.class, other.getException());
        assertEquals("FIELD_INTEGRITY_EXCEPTION", e.getErrors().get(0).getErrorCode());
        assertEquals(List.of("PricebookEntryId"), e.getErrors().get(0).getFields());
        SalesforceException noBook = assertInstanceOf(SalesforceException.class, sf.upsert("Opportunity", "Commerce_Order_Id__c",
                "O-1", "{\"Pricebook2Id\":\"" + custom + "\"}").getException());
        assertEquals("FIELD_INTEGRITY_EXCEPTION", noBook.getErrors().get(0).getErrorCode());
    }

    @Test
    void customPricesNeedAStandardPriceAndAreUnique() throws Exception {
        String custom = create("Pricebook2", "{\"Name\":\"Wholesale\",\"IsActive\":true}");
        String lonely = create("Product2", "{\"Name\":\"No standard price\"}");
        SalesforceException missing = createFails("PricebookEntry", "{\"Pricebook2Id\":\"" + custom + "\",\"Product2Id\":\""
                + lonely + "\",\"UnitPrice\":1}");
        assertEquals("STANDARD_PRICE_NOT_DEFINED", missing.getErrors().get(0).getErrorCode());
        assertEquals("No standard price defined for this product", missing.getErrors().get(0).getMessage());
        String product = (String) org.records("Product2").get(0).get("Id");
        SalesforceException duplicate = createFails("PricebookEntry", "{\"Pricebook2Id\":\"" + org.standardPricebookId()
                + "\",\"Product2Id\":\"" + product + "\",\"UnitPrice\":1}");
        assertEquals("DUPLICATE_VALUE", duplicate.getErrors().get(0).getErrorCode());
    }

    @Test
    void orderProductsMustUseTheOrdersPriceBook() throws Exception {
        sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"Acme\"}");
        String account = (String) org.records("Account").get(0).get("Id");
        String withoutBook = create("Order", "{\"AccountId\":\"" + account + "\",\"EffectiveDate\":\"2026-11-25\",\"Status\":\"Draft\"}");
        SalesforceException e = createFails("OrderItem", "{\"OrderId\":\"" + withoutBook + "\",\"PricebookEntryId\":\""
                + standardEntry + "\",\"Quantity\":1,\"UnitPrice\":12.5}");
        assertEquals("FIELD_INTEGRITY_EXCEPTION", e.getErrors().get(0).getErrorCode());
        assertEquals("Order Products must have a Price Book Entry that belongs to the Price Book related to the parent "
                + "Order.: Price Book Entry ID", e.getErrors().get(0).getMessage());
        String order = create("Order", "{\"AccountId\":\"" + account + "\",\"EffectiveDate\":\"2026-11-25\",\"Status\":\"Draft\","
                + "\"Pricebook2Id\":\"" + org.standardPricebookId() + "\"}");
        create("OrderItem", "{\"OrderId\":\"" + order + "\",\"PricebookEntryId\":\"" + standardEntry
                + "\",\"Quantity\":2,\"UnitPrice\":12.5}");
        Map<String, Object> stored = org.records("Order").stream().filter(o -> o.get("Id").equals(order)).findFirst().orElseThrow();
        assertEquals(25.0, stored.get("TotalAmount"));
        SalesforceException missingEntry = createFails("OrderItem", "{\"OrderId\":\"" + order + "\",\"Quantity\":1,\"UnitPrice\":1}");
        assertEquals("Required fields are missing: [PricebookEntryId]", missingEntry.getErrors().get(0).getMessage());
    }

    @Test
    void ordersStartAsDraftAndLockWhenActivated() throws Exception {
        sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"Acme\"}");
        String order = "{\"Account\":{\"Commerce_Customer_Id__c\":\"C-1\"},\"EffectiveDate\":\"2026-11-25\","
                + "\"Pricebook2Id\":\"" + org.standardPricebookId() + "\",\"Status\":\"%s\"}";
        SalesforceException activeAtBirth = assertInstanceOf(SalesforceException.class,
                sf.upsert("Order", "Commerce_Order_Id__c", "O-9", order.formatted("Activated")).getException());
        assertEquals(List.of("Status"), activeAtBirth.getErrors().get(0).getFields());
        assertEquals(201, CamelSalesforce.status(sf.upsert("Order", "Commerce_Order_Id__c", "O-9", order.formatted("Draft"))));
        String orderId = (String) org.records("Order").get(0).get("Id");
        create("OrderItem", "{\"OrderId\":\"" + orderId + "\",\"PricebookEntryId\":\"" + standardEntry
                + "\",\"Quantity\":1,\"UnitPrice\":12.5}");
        SalesforceException mixed = assertInstanceOf(SalesforceException.class, sf.upsert("Order", "Commerce_Order_Id__c", "O-9",
                "{\"Status\":\"Activated\",\"Description\":\"x\"}").getException());
        assertEquals("FIELD_INTEGRITY_EXCEPTION", mixed.getErrors().get(0).getErrorCode());
        assertEquals(200, CamelSalesforce.status(sf.upsert("Order", "Commerce_Order_Id__c", "O-9", order.formatted("Activated"))),
                "re-sending unchanged values with the new status activates");
        SalesforceException moreItems = createFails("OrderItem", "{\"OrderId\":\"" + orderId + "\",\"PricebookEntryId\":\""
                + standardEntry + "\",\"Quantity\":1,\"UnitPrice\":12.5}");
        assertEquals("FIELD_INTEGRITY_EXCEPTION", moreItems.getErrors().get(0).getErrorCode());
        SalesforceException delete = assertInstanceOf(SalesforceException.class,
                sf.call("salesforce:deleteSObject?sObjectName=Order", null, Map.of("sObjectId", orderId)).getException());
        assertEquals("DELETE_FAILED", delete.getErrors().get(0).getErrorCode());
        assertEquals(200, CamelSalesforce.status(sf.upsert("Order", "Commerce_Order_Id__c", "O-9", "{\"Status\":\"Draft\"}")));
        assertNull(sf.call("salesforce:deleteSObject?sObjectName=Order", null, Map.of("sObjectId", orderId)).getException());
    }

    @Test
    void deletingAnOpportunityDeletesItsLineItems() throws Exception {
        line("L-1", "\"Quantity\":1,\"UnitPrice\":10");
        assertNull(sf.call("salesforce:deleteSObject?sObjectName=Opportunity", null,
                Map.of("sObjectId", opportunity().get("Id"))).getException());
        assertTrue(org.records("OpportunityLineItem").isEmpty());
    }
}
