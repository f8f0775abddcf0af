package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoqlQueryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SandboxOrg org;
    private static CamelSalesforce sf;
    private static String acmeId;

    @BeforeAll
    static void start() throws Exception {
        org = SandboxOrg.start(SandboxOrgSettings.defaults());
        sf = CamelSalesforce.connect(org);
        acmeId = JSON.readTree(CamelSalesforce.body(sf.upsert("Account", "Commerce_Customer_Id__c", "C-1",
                "{\"Name\":\"O'Brien & Sons\",\"BillingCity\":\"Dublin\"}"))).get("id").asText();
        sf.upsert("Account", "Commerce_Customer_Id__c", "C-2", "{\"Name\":\"Zeta\",\"BillingCity\":\"Berlin\"}");
        sf.upsert("Account", "Commerce_Customer_Id__c", "C-3", "{\"Name\":\"Alpha\",\"BillingCity\":\"Dublin\"}");
        sf.upsert("Contact", "Commerce_Customer_Id__c", "C-1",
                "{\"LastName\":\"Brien\",\"Account\":{\"Commerce_Customer_Id__c\":\"C-1\"}}");
    }

    @AfterAll
    static void stop() {
        sf.close();
        org.close();
    }

    private static Exchange query(String soql) {
        return sf.call("salesforce:query?rawPayload=true", null, Map.of("sObjectQuery", soql));
    }

    private static JsonNode ok(String soql) throws Exception {
        Exchange ex = query(soql);
        assertNull(ex.getException(), () -> String.valueOf(ex.getException()));
        return JSON.readTree(CamelSalesforce.body(ex));
    }

    @Test
    void selectWithEscapedQuoteAndAndFindsTheRecord() throws Exception {
        JsonNode result = ok("SELECT Id, Name FROM Account WHERE Name = 'O\\'Brien & Sons' AND BillingCity = 'Dublin' LIMIT 5");
        assertEquals(1, result.get("totalSize").asInt());
        assertTrue(result.get("done").asBoolean());
        JsonNode record = result.get("records").get(0);
        assertEquals(UpsertByExternalIdTest.keys(JSON.readTree("{\"attributes\":1,\"Id\":1,\"Name\":1}")),
                UpsertByExternalIdTest.keys(record));
        assertEquals("Account", record.get("attributes").get("type").asText());
        assertEquals("/services/data/v60.0/sobjects/Account/" + acmeId, record.get("attributes").get("url").asText());
        assertEquals(acmeId, record.get("Id").asText());
        assertEquals("O'Brien & Sons", record.get("Name").asText());
    }

    @Test
    void orderByLimitInLikeAndParentFields() throws Exception {
        JsonNode sorted = ok("select Name from Account where BillingCity in ('Dublin', 'Berlin') order by Name desc limit 2");
        assertEquals(2, sorted.get("totalSize").asInt());
        assertEquals("Zeta", sorted.get("records").get(0).get("Name").asText());
        assertEquals("O'Brien & Sons", sorted.get("records").get(1).get("Name").asText());
        assertEquals(2, ok("SELECT Id FROM Account WHERE Name LIKE '%a'").get("totalSize").asInt());
        JsonNode contact = ok("SELECT LastName, Account.Name, Account.Commerce_Customer_Id__c FROM Contact "
                + "WHERE Account.Commerce_Customer_Id__c = 'c-1'").get("records").get(0);
        assertEquals("O'Brien & Sons", contact.get("Account").get("Name").asText());
        assertEquals("Account", contact.get("Account").get("attributes").get("type").asText());
        assertEquals(3, ok("SELECT COUNT() FROM Account").get("totalSize").asInt());
        assertEquals(1, ok("SELECT Id FROM Contact WHERE AccountId = '" + acmeId.substring(0, 15) + "'").get("totalSize").asInt());
    }

    @Test
    void orderIsAnObjectAfterFromAndAKeywordBeforeBy() throws Exception {
        JsonNode orders = ok("SELECT Id, Status FROM Order WHERE Status = 'Draft' ORDER BY Id LIMIT 5");
        assertEquals(0, orders.get("totalSize").asInt());
        JsonNode sorted = ok("SELECT Id FROM Order ORDER BY Id");
        assertTrue(sorted.get("done").asBoolean());
    }

    @Test
    void unparseableQueryAnswersMalformedQuery() {
        SalesforceException e = assertInstanceOf(SalesforceException.class, query("SELECT Id FROM Account WHERE").getException());
        assertEquals(400, e.getStatusCode());
        assertEquals("MALFORMED_QUERY", e.getErrors().get(0).getErrorCode());
        assertTrue(e.getErrors().get(0).getMessage().contains("ERROR at Row:1:Column:29"), e.getErrors().get(0).getMessage());
        SalesforceException badEscape = assertInstanceOf(SalesforceException.class,
                query("SELECT Id FROM Account WHERE Name = 'a\\qb'").getException());
        assertEquals("MALFORMED_QUERY", badEscape.getErrors().get(0).getErrorCode());
    }

    @Test
    void unknownColumnsAndObjectsAreNamed() {
        SalesforceException field = assertInstanceOf(SalesforceException.class, query("SELECT Foo__c FROM Account").getException());
        assertEquals("INVALID_FIELD", field.getErrors().get(0).getErrorCode());
        assertTrue(field.getErrors().get(0).getMessage().contains("No such column 'Foo__c' on entity 'Account'"));
        SalesforceException type = assertInstanceOf(SalesforceException.class, query("SELECT Id FROM Acount").getException());
        assertEquals("INVALID_TYPE", type.getErrors().get(0).getErrorCode());
        assertTrue(type.getErrors().get(0).getMessage().contains("sObject type 'Acount' is not supported"));
    }

    @Test
    void largeResultsArePagedWithNextRecordsUrlAndCamelQueryMore() throws Exception {
        try (SandboxOrg big = SandboxOrg.start(SandboxOrgSettings.defaults());
             CamelSalesforce client = CamelSalesforce.connect(big)) {
            StringBuilder records = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                records.append(i == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Account\"},\"Name\":\"A").append(i).append("\"}");
            }
            for (int batch = 0; batch < 11; batch++) {
                client.call("salesforce:raw?rawMethod=POST&rawPath=/services/data/v60.0/composite/sobjects",
                        "{\"records\":[" + records + "]}", Map.of());
            }
            JsonNode first = JSON.readTree(CamelSalesforce.body(client.call("salesforce:query?rawPayload=true", null,
                    Map.of("sObjectQuery", "SELECT Id FROM Account"))));
            assertEquals(2200, first.get("totalSize").asInt());
            assertEquals(false, first.get("done").asBoolean());
            assertEquals(2000, first.get("records").size());
            String next = first.get("nextRecordsUrl").asText();
            assertTrue(next.matches("/services/data/v60.0/query/01g[0-9A-Za-z]{15}-2000"), next);
            Exchange more = client.call("salesforce:queryMore?rawPayload=true", null, Map.of("sObjectQuery", next));
            assertNull(more.getException(), () -> String.valueOf(more.getException()));
            JsonNode second = JSON.readTree(CamelSalesforce.body(more));
            assertEquals(200, second.get("records").size());
            assertTrue(second.get("done").asBoolean());
            assertEquals(2200, second.get("totalSize").asInt());
            Exchange again = client.call("salesforce:queryMore?rawPayload=true", null, Map.of("sObjectQuery", next));
            SalesforceException gone = assertInstanceOf(SalesforceException.class, again.getException());
            assertEquals("INVALID_QUERY_LOCATOR", gone.getErrors().get(0).getErrorCode());
        }
    }

    @Test
    void queryWorksAsACompositeSubrequestWithReferences() throws Exception {
        Exchange ex = sf.composite("""
                {"compositeRequest": [
                  {"method": "GET", "url": "/services/data/v60.0/query?q=SELECT+Id+FROM+Account+WHERE+Commerce_Customer_Id__c+%3D+'C-2'",
                   "referenceId": "q"},
                  {"method": "PATCH", "url": "/services/data/v60.0/sobjects/Account/@{q.records[0].Id}",
                   "referenceId": "rename", "body": {"Description": "found by query"}}]}""");
        JsonNode results = JSON.readTree(CamelSalesforce.body(ex)).get("compositeResponse");
        assertEquals(200, results.get(0).get("httpStatusCode").asInt());
        assertEquals(204, results.get(1).get("httpStatusCode").asInt());
        assertEquals("found by query", org.findByExternalId("Account", "Commerce_Customer_Id__c", "C-2").orElseThrow()
                .get("Description"));
    }
}
