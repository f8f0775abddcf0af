package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompositeTest extends CamelAgainstSandboxOrg {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER = """
            {"allOrNone": %s, "compositeRequest": [
              {"method": "PATCH", "url": "/services/data/v60.0/sobjects/Account/Commerce_Customer_Id__c/C-1",
               "referenceId": "customer", "body": {"Name": "Ada Lovelace"}},
              {"method": "PATCH", "url": "/services/data/v60.0/sobjects/Opportunity/Commerce_Order_Id__c/O-1",
               "referenceId": "order", "body": {"Name": "Order #1", "StageName": "Placed", "CloseDate": "2026-11-25",
                 "Amount": 42.5, "Account": {"Commerce_Customer_Id__c": "%s"}}},
              {"method": "GET", "url": "/services/data/v60.0/sobjects/Opportunity/@{order.id}?fields=Name,AccountId",
               "referenceId": "readBack"}
            ]}""";

    @Test
    void compositeRunsSubrequestsWithReferencesAndAnswers200() throws Exception {
        Exchange ex = sf.composite(ORDER.formatted("true", "C-1"));
        assertNull(ex.getException());
        assertEquals(200, CamelSalesforce.status(ex));
        JsonNode results = JSON.readTree(CamelSalesforce.body(ex)).get("compositeResponse");
        assertEquals(3, results.size());
        assertEquals(201, results.get(0).get("httpStatusCode").asInt());
        assertEquals("customer", results.get(0).get("referenceId").asText());
        String accountId = results.get(0).get("body").get("id").asText();
        assertEquals("/services/data/v60.0/sobjects/Account/" + accountId,
                results.get(0).get("httpHeaders").get("Location").asText());
        assertEquals(201, results.get(1).get("httpStatusCode").asInt());
        assertEquals(200, results.get(2).get("httpStatusCode").asInt());
        assertEquals(accountId, results.get(2).get("body").get("AccountId").asText());
        assertEquals(accountId, org.records("Opportunity").get(0).get("AccountId"));
        assertEquals(42.5, org.records("Opportunity").get(0).get("Amount"));
        // same entry keys as the recorded camel fixture
        JsonNode fixture = JSON.readTree(Files.readString(
                Path.of("../shared/fixtures/salesforce/composite/composite-success-2-creates.camel.json")));
        assertEquals(UpsertByExternalIdTest.keys(fixture.get("compositeResponse").get(0)),
                UpsertByExternalIdTest.keys(results.get(0)));
    }

    @Test
    void compositeCountsAsOneApiCall() {
        long before = org.apiCalls();
        sf.composite(ORDER.formatted("true", "C-1"));
        assertEquals(before + 1, org.apiCalls());
    }

    @Test
    void allOrNoneFailureRollsEverythingBackAndHaltsTheOthers() throws Exception {
        Exchange ex = sf.composite(ORDER.formatted("true", "UNKNOWN"));
        assertNull(ex.getException(), "raw composite answers errors in the body");
        assertEquals(200, CamelSalesforce.status(ex));
        JsonNode results = JSON.readTree(CamelSalesforce.body(ex)).get("compositeResponse");
        JsonNode fixture = JSON.readTree(Files.readString(Path.of(
                "../shared/fixtures/salesforce/composite/composite-allornone-failure-extid-relationship.camel.json")))
                .get("compositeResponse");
        assertEquals(3, results.size());
        assertEquals(fixture.get(0).get("body"), results.get(0).get("body"), "PROCESSING_HALTED exactly as recorded");
        assertEquals(400, results.get(0).get("httpStatusCode").asInt());
        JsonNode error = results.get(1).get("body").get(0);
        assertEquals(UpsertByExternalIdTest.keys(fixture.get(1).get("body").get(0)), UpsertByExternalIdTest.keys(error));
        assertEquals("INVALID_FIELD", error.get("errorCode").asText());
        assertEquals("Foreign key external ID: UNKNOWN not found for field Commerce_Customer_Id__c in entity Account",
                error.get("message").asText());
        assertEquals(fixture.get(0).get("body"), results.get(2).get("body"));
        assertTrue(org.records("Account").isEmpty(), "the account upsert was rolled back");
        assertTrue(org.records("Opportunity").isEmpty());
    }

    @Test
    void withoutAllOrNoneEarlierWritesStayAndDependentsFail() throws Exception {
        Exchange ex = sf.composite(ORDER.formatted("false", "UNKNOWN"));
        JsonNode results = JSON.readTree(CamelSalesforce.body(ex)).get("compositeResponse");
        assertEquals(201, results.get(0).get("httpStatusCode").asInt());
        assertEquals(400, results.get(1).get("httpStatusCode").asInt());
        assertEquals(400, results.get(2).get("httpStatusCode").asInt());
        assertEquals("PROCESSING_HALTED", results.get(2).get("body").get(0).get("errorCode").asText());
        assertEquals(1, org.records("Account").size());
        assertTrue(org.records("Opportunity").isEmpty());
    }

    @Test
    void moreThan25SubrequestsAreRefused() throws Exception {
        StringBuilder subs = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            subs.append(i == 0 ? "" : ",").append("{\"method\":\"GET\",\"url\":\"/services/data/v60.0/limits\",\"referenceId\":\"r")
                    .append(i).append("\"}");
        }
        Exchange ex = sf.composite("{\"compositeRequest\":[" + subs + "]}");
        assertEquals(400, CamelSalesforce.status(ex));
        assertEquals(1, org.apiCalls());
    }

    @Test
    void atMostFiveQueryOrCollectionSubrequestsAndNoAuthorizationHeaders() throws Exception {
        StringBuilder subs = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            subs.append(i == 0 ? "" : ",").append("{\"method\":\"GET\",\"url\":\"/services/data/v60.0/query?q=SELECT+Id+FROM+Account\","
                    + "\"referenceId\":\"q").append(i).append("\"}");
        }
        assertEquals(400, CamelSalesforce.status(sf.composite("{\"compositeRequest\":[" + subs + "]}")));
        Exchange ex = sf.composite("""
                {"compositeRequest": [{"method": "GET", "url": "/services/data/v60.0/limits", "referenceId": "a",
                  "httpHeaders": {"Authorization": "Bearer x"}}]}""");
        assertEquals(400, CamelSalesforce.status(ex));
        assertEquals("INVALID_INPUT", JSON.readTree(CamelSalesforce.body(ex)).get(0).get("errorCode").asText());
    }

    @Test
    void createDeleteAndPatchByIdWorkAsSubrequests() throws Exception {
        Exchange ex = sf.composite("""
                {"allOrNone": true, "compositeRequest": [
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Account", "referenceId": "a",
                   "body": {"Name": "Temp"}},
                  {"method": "PATCH", "url": "/services/data/v60.0/sobjects/Account/@{a.id}", "referenceId": "b",
                   "body": {"Name": "Renamed"}},
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Contact", "referenceId": "c",
                   "body": {"LastName": "Doe", "AccountId": "@{a.id}"}},
                  {"method": "DELETE", "url": "/services/data/v60.0/sobjects/Contact/@{c.id}", "referenceId": "d"}
                ]}""");
        JsonNode results = JSON.readTree(CamelSalesforce.body(ex)).get("compositeResponse");
        assertEquals(201, results.get(0).get("httpStatusCode").asInt());
        assertEquals(204, results.get(1).get("httpStatusCode").asInt());
        assertTrue(results.get(1).get("body").isNull());
        assertEquals(201, results.get(2).get("httpStatusCode").asInt());
        assertEquals(204, results.get(3).get("httpStatusCode").asInt());
        assertEquals("Renamed", org.records("Account").get(0).get("Name"));
        assertTrue(org.records("Contact").isEmpty());
    }
}
