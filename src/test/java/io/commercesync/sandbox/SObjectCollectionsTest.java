package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.dto.DeleteSObjectResult;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SObjectCollectionsTest extends CamelAgainstSandboxOrg {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode raw(String method, String path, String body) throws Exception {
        Exchange ex = sf.call("salesforce:raw?rawMethod=" + method + "&rawPath=/services/data/v60.0" + path, body, Map.of());
        assertNull(ex.getException(), () -> String.valueOf(ex.getException()));
        return JSON.readTree(CamelSalesforce.body(ex));
    }

    private static JsonNode fixture(String name) throws Exception {
        return JSON.readTree(Files.readString(Path.of("../shared/fixtures/salesforce/doc-examples/" + name)));
    }

    @Test
    void camelCollectionUpsertCreatesThenUpdatesByExternalId() {
        String uri = "salesforce:compositeUpsertSObjectCollections?sObjectName=Contact&sObjectIdName=Commerce_Customer_Id__c";
        Exchange first = sf.call(uri, List.of(Contact.of("C-1", "Lovelace", "ada@example.com"),
                Contact.of("C-2", "Hopper", null)), Map.of());
        assertNull(first.getException(), () -> String.valueOf(first.getException()));
        @SuppressWarnings("unchecked")
        List<UpsertSObjectResult> created = first.getMessage().getBody(List.class);
        assertEquals(2, created.size());
        assertTrue(created.get(0).getSuccess() && created.get(0).getCreated());
        Exchange second = sf.call(uri, List.of(Contact.of("c-1", "Lovelace-King", null),
                Contact.of("C-3", "Turing", null)), Map.of());
        @SuppressWarnings("unchecked")
        List<UpsertSObjectResult> mixed = second.getMessage().getBody(List.class);
        assertEquals(created.get(0).getId(), mixed.get(0).getId());
        assertFalse(mixed.get(0).getCreated());
        assertTrue(mixed.get(1).getCreated());
        assertEquals(3, org.records("Contact").size());
        assertEquals("Lovelace-King", org.findByExternalId("Contact", "Commerce_Customer_Id__c", "C-1").orElseThrow().get("LastName"));
        assertEquals(2, org.apiCalls(), "each collection call is one API call");
    }

    @Test
    void upsertResultsHaveTheDocumentedShape() throws Exception {
        raw("PATCH", "/composite/sobjects/Account/Commerce_Customer_Id__c",
                "{\"records\":[{\"attributes\":{\"type\":\"Account\"},\"Name\":\"A\",\"Commerce_Customer_Id__c\":\"X1\"}]}");
        JsonNode results = raw("PATCH", "/composite/sobjects/Account/Commerce_Customer_Id__c", """
                {"allOrNone": false, "records": [
                  {"attributes": {"type": "Account"}, "Name": "A2", "Commerce_Customer_Id__c": "X1"},
                  {"attributes": {"type": "Account"}, "Name": "B", "Commerce_Customer_Id__c": "X2"},
                  {"attributes": {"type": "Account"}, "Commerce_Customer_Id__c": "X3"}]}""");
        JsonNode mixed = fixture("collections-upsert-200-mixed.json");
        assertEquals(UpsertByExternalIdTest.keys(mixed.get(1)), UpsertByExternalIdTest.keys(results.get(0)));
        assertFalse(results.get(0).get("created").asBoolean());
        assertTrue(results.get(1).get("created").asBoolean());
        JsonNode failed = results.get(2);
        JsonNode partial = fixture("collections-upsert-200-partial-failure-allOrNone-false.json").get(1);
        assertEquals(UpsertByExternalIdTest.keys(partial), UpsertByExternalIdTest.keys(failed));
        assertEquals(UpsertByExternalIdTest.keys(partial.get("errors").get(0)), UpsertByExternalIdTest.keys(failed.get("errors").get(0)));
        assertEquals("REQUIRED_FIELD_MISSING", failed.get("errors").get(0).get("statusCode").asText());
        assertEquals(2, org.records("Account").size());
    }

    @Test
    void allOrNoneUpsertRollsBackEveryRecord() throws Exception {
        raw("POST", "/sobjects/Account", "{\"Name\":\"Existing\",\"Commerce_Customer_Id__c\":\"X1\"}");
        JsonNode results = raw("PATCH", "/composite/sobjects/Account/Commerce_Customer_Id__c", """
                {"allOrNone": true, "records": [
                  {"attributes": {"type": "Account"}, "Name": "Renamed", "Commerce_Customer_Id__c": "X1"},
                  {"attributes": {"type": "Account"}, "Name": "New", "Commerce_Customer_Id__c": "X2"},
                  {"attributes": {"type": "Account"}, "Name": "Bad", "Commerce_Customer_Id__c": "X3", "Nope__c": 1}]}""");
        JsonNode rolledBack = fixture("collections-upsert-200-failure-allOrNone-true.json").get(0);
        assertEquals(UpsertByExternalIdTest.keys(rolledBack), UpsertByExternalIdTest.keys(results.get(0)));
        assertEquals(rolledBack.get("errors").get(0).get("statusCode"), results.get(0).get("errors").get(0).get("statusCode"));
        assertEquals(rolledBack.get("errors").get(0).get("message"), results.get(0).get("errors").get(0).get("message"));
        assertEquals("ALL_OR_NONE_OPERATION_ROLLED_BACK", results.get(1).get("errors").get(0).get("statusCode").asText());
        assertEquals("INVALID_FIELD", results.get(2).get("errors").get(0).get("statusCode").asText());
        assertEquals(1, org.records("Account").size());
        assertEquals("Existing", org.records("Account").get(0).get("Name"));
    }

    @Test
    void createUpdateRetrieveAndDeleteCollections() throws Exception {
        JsonNode created = raw("POST", "/composite/sobjects", """
                {"allOrNone": false, "records": [
                  {"attributes": {"type": "Account"}, "Name": "A"},
                  {"attributes": {"type": "Contact"}, "LastName": "B"}]}""");
        assertEquals(UpsertByExternalIdTest.keys(JSON.readTree(Files.readString(
                Path.of("../shared/fixtures/salesforce/collections/create-200-success.restforce.json"))).get(0)),
                UpsertByExternalIdTest.keys(created.get(0)));
        String accountId = created.get(0).get("id").asText();
        String contactId = created.get(1).get("id").asText();
        JsonNode updated = raw("PATCH", "/composite/sobjects", "{\"records\":[{\"attributes\":{\"type\":\"Account\"},"
                + "\"id\":\"" + accountId + "\",\"Name\":\"A2\"},{\"attributes\":{\"type\":\"Account\"},\"Name\":\"no id\"}]}");
        assertTrue(updated.get(0).get("success").asBoolean());
        assertEquals("MISSING_ARGUMENT", updated.get(1).get("errors").get(0).get("statusCode").asText());
        Exchange get = sf.call("salesforce:raw?rawMethod=GET&rawPath=/services/data/v60.0/composite/sobjects/Account"
                + "&rawQueryParameters=ids,fields", null, Map.of("ids", accountId, "fields", "Name"));
        JsonNode retrieved = JSON.readTree(CamelSalesforce.body(get));
        assertEquals("A2", retrieved.get(0).get("Name").asText());
        Exchange deleted = sf.call("salesforce:compositeDeleteSObjectCollections", null,
                Map.of("sObjectIds", List.of(accountId, contactId), "allOrNone", false));
        assertNull(deleted.getException(), () -> String.valueOf(deleted.getException()));
        @SuppressWarnings("unchecked")
        List<DeleteSObjectResult> results = deleted.getMessage().getBody(List.class);
        assertTrue(results.get(0).getSuccess() && results.get(1).getSuccess());
        assertTrue(org.records("Account").isEmpty());
        assertTrue(org.records("Contact").isEmpty());
    }

    @Test
    void moreThan200RecordsAreRefused() throws Exception {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 201; i++) {
            records.append(i == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Account\"},\"Name\":\"A").append(i).append("\"}");
        }
        Exchange ex = sf.call("salesforce:raw?rawMethod=POST&rawPath=/services/data/v60.0/composite/sobjects",
                "{\"records\":[" + records + "]}", Map.of());
        assertEquals(400, ((org.apache.camel.component.salesforce.api.SalesforceException) ex.getException()).getStatusCode());
        assertTrue(org.records("Account").isEmpty());
    }

    @Test
    void collectionsWorkInsideComposite() throws Exception {
        Exchange ex = sf.composite("""
                {"allOrNone": true, "compositeRequest": [
                  {"method": "PATCH", "url": "/services/data/v60.0/sobjects/Account/Commerce_Customer_Id__c/C-1",
                   "referenceId": "customer", "body": {"Name": "Acme"}},
                  {"method": "PATCH", "url": "/services/data/v60.0/composite/sobjects/Contact/Commerce_Customer_Id__c",
                   "referenceId": "contacts", "body": {"allOrNone": false, "records": [
                     {"attributes": {"type": "Contact"}, "LastName": "A", "Commerce_Customer_Id__c": "K-1", "AccountId": "@{customer.id}"},
                     {"attributes": {"type": "Contact"}, "LastName": "B", "Commerce_Customer_Id__c": "K-2",
                      "Account": {"Commerce_Customer_Id__c": "C-1"}}]}}]}""");
        JsonNode results = JSON.readTree(CamelSalesforce.body(ex)).get("compositeResponse");
        assertEquals(200, results.get(1).get("httpStatusCode").asInt());
        String accountId = results.get(0).get("body").get("id").asText();
        assertEquals(2, org.records("Contact").size());
        org.records("Contact").forEach(c -> assertEquals(accountId, c.get("AccountId")));
        assertEquals(1, org.apiCalls());
    }
}
