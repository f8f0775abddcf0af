package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.composite.SObjectBatch;
import org.apache.camel.component.salesforce.api.dto.composite.SObjectBatchResponse;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompositeTreeAndBatchTest extends CamelAgainstSandboxOrg {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TREE = """
            {"records": [
              {"attributes": {"type": "Account", "referenceId": "ref1"}, "Name": "Acme",
               "Contacts": {"records": [
                 {"attributes": {"type": "Contact", "referenceId": "ref2"}, "LastName": "Smith", "Email": "%s"},
                 {"attributes": {"type": "Contact", "referenceId": "ref3"}, "LastName": "Evans"}]}},
              {"attributes": {"type": "Account", "referenceId": "ref4"}, "Name": "Globex"}]}""";

    private static Exchange tree(String body) {
        return sf.call("salesforce:raw?rawMethod=POST&rawPath=/services/data/v60.0/composite/tree/Account", body, Map.of());
    }

    private static JsonNode fixture(String name) throws Exception {
        return JSON.readTree(Files.readString(Path.of("../shared/fixtures/salesforce/doc-examples/" + name)));
    }

    @Test
    void treeInsertsParentsAndChildrenAndAnswersLikeTheDocs() throws Exception {
        Exchange ex = tree(TREE.formatted("smith@example.com"));
        assertNull(ex.getException(), () -> String.valueOf(ex.getException()));
        JsonNode body = JSON.readTree(CamelSalesforce.body(ex));
        JsonNode expected = fixture("tree-200-success.json");
        assertEquals(UpsertByExternalIdTest.keys(expected), UpsertByExternalIdTest.keys(body));
        assertFalse(body.get("hasErrors").asBoolean());
        StringBuilder order = new StringBuilder();
        body.get("results").forEach(r -> order.append(r.get("referenceId").asText()).append(' '));
        StringBuilder expectedOrder = new StringBuilder();
        expected.get("results").forEach(r -> expectedOrder.append(r.get("referenceId").asText()).append(' '));
        assertEquals(expectedOrder.toString(), order.toString());
        String acme = body.get("results").get(0).get("id").asText();
        assertEquals(2, org.records("Contact").size());
        org.records("Contact").forEach(c -> assertEquals(acme, c.get("AccountId")));
        assertEquals(1, org.apiCalls());
    }

    @Test
    void aFailingTreeRecordRollsBackTheWholeTree() throws Exception {
        Exchange ex = tree(TREE.formatted("not an email"));
        SalesforceException e = assertInstanceOf(SalesforceException.class, ex.getException());
        assertEquals(400, e.getStatusCode());
        assertTrue(org.records("Account").isEmpty());
        assertTrue(org.records("Contact").isEmpty());
        JsonNode expected = fixture("tree-400-failure.json");
        String message = e.getMessage(); // camel's raw operation puts the answer's body into the message
        JsonNode body = JSON.readTree(message.substring(message.indexOf('{'), message.lastIndexOf('}') + 1));
        assertEquals(UpsertByExternalIdTest.keys(expected), UpsertByExternalIdTest.keys(body));
        assertEquals(expected.get("results").get(0).get("errors").get(0).get("statusCode"),
                body.get("results").get(0).get("errors").get(0).get("statusCode"));
        assertEquals("ref2", body.get("results").get(0).get("referenceId").asText());
        assertEquals("Email: invalid email address: not an email",
                body.get("results").get(0).get("errors").get(0).get("message").asText());
    }

    @Test
    void camelCompositeBatchRunsIndependentSubrequests() {
        SObjectBatch batch = new SObjectBatch("60.0");
        batch.addCreate(Contact.of("K-1", "Lovelace", "ada@example.com"));
        batch.addCreate(Contact.of("K-2", null, null));
        batch.addQuery("SELECT Id, LastName FROM Contact");
        batch.addLimits();
        Exchange ex = sf.call("salesforce:composite-batch", batch, Map.of());
        assertNull(ex.getException(), () -> String.valueOf(ex.getException()));
        SObjectBatchResponse response = ex.getMessage().getBody(SObjectBatchResponse.class);
        assertTrue(response.hasErrors());
        assertEquals(201, response.getResults().get(0).getStatusCode());
        assertEquals(400, response.getResults().get(1).getStatusCode());
        assertEquals(200, response.getResults().get(2).getStatusCode());
        assertEquals(200, response.getResults().get(3).getStatusCode());
        assertEquals(1, org.records("Contact").size(), "no shared transaction: the good create stays");
        assertEquals(1, org.apiCalls());
    }

    @Test
    void haltOnErrorStopsTheBatchWith412() throws Exception {
        Exchange ex = sf.call("salesforce:raw?rawMethod=POST&rawPath=/services/data/v60.0/composite/batch", """
                {"haltOnError": true, "batchRequests": [
                  {"method": "POST", "url": "v60.0/sobjects/Account", "richInput": {"Phone": "1"}},
                  {"method": "POST", "url": "v60.0/sobjects/Account", "richInput": {"Name": "B"}}]}""", Map.of());
        JsonNode body = JSON.readTree(CamelSalesforce.body(ex));
        assertTrue(body.get("hasErrors").asBoolean());
        assertEquals(400, body.get("results").get(0).get("statusCode").asInt());
        assertEquals(412, body.get("results").get(1).get("statusCode").asInt());
        assertEquals("BATCH_PROCESSING_HALTED", body.get("results").get(1).get("result").get(0).get("errorCode").asText());
        assertTrue(org.records("Account").isEmpty());
    }
}
