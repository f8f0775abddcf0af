package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompositeGraphTest extends CamelAgainstSandboxOrg {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRAPH_URI = "salesforce:raw?rawMethod=POST&rawPath=/services/data/v60.0/composite/graph";
    private static String orderGraph(String graphId, String customer, String order, String accountRef) {
        return """
                {"graphId": "%s", "compositeRequest": [
                  {"method": "PATCH", "url": "/services/data/v60.0/sobjects/Account/Commerce_Customer_Id__c/%s",
                   "referenceId": "customer", "body": {"Name": "Customer %s"}},
                  {"method": "PATCH", "url": "/services/data/v60.0/sobjects/Opportunity/Commerce_Order_Id__c/%s",
                   "referenceId": "order", "body": {"Name": "Order %s", "StageName": "Paid", "CloseDate": "2026-11-25",
                     "AccountId": "%s"}}]}""".formatted(graphId, customer, customer, order, order, accountRef);
    }

    @Test
    void eachGraphIsAtomicAndReportedSeparately() throws Exception {
        String body = "{\"graphs\":[" + orderGraph("g1", "C-1", "O-1", "@{customer.id}") + ","
                + orderGraph("g2", "C-2", "O-2", "001000000000000AAA") + "]}";
        Exchange ex = sf.call(GRAPH_URI, body, Map.of());
        assertNull(ex.getException());
        JsonNode graphs = JSON.readTree(CamelSalesforce.body(ex)).get("graphs");
        JsonNode fixture = JSON.readTree(Files.readString(
                Path.of("../shared/fixtures/salesforce/doc-examples/composite-graph-response.json"))).get("graphs").get(0);
        assertEquals(UpsertByExternalIdTest.keys(fixture), UpsertByExternalIdTest.keys(graphs.get(0)));
        assertEquals("g1", graphs.get(0).get("graphId").asText());
        assertTrue(graphs.get(0).get("isSuccessful").asBoolean());
        JsonNode okNodes = graphs.get(0).get("graphResponse").get("compositeResponse");
        assertEquals(UpsertByExternalIdTest.keys(fixture.get("graphResponse").get("compositeResponse").get(0)),
                UpsertByExternalIdTest.keys(okNodes.get(0)));
        assertEquals(201, okNodes.get(1).get("httpStatusCode").asInt());
        assertFalse(graphs.get(1).get("isSuccessful").asBoolean());
        JsonNode failedNodes = graphs.get(1).get("graphResponse").get("compositeResponse");
        assertEquals("PROCESSING_HALTED", failedNodes.get(0).get("body").get(0).get("errorCode").asText());
        assertEquals(400, failedNodes.get(1).get("httpStatusCode").asInt());
        assertEquals(1, org.records("Account").size(), "graph g2 was rolled back");
        assertEquals("C-1", org.records("Account").get(0).get("Commerce_Customer_Id__c"));
        assertEquals(1, org.records("Opportunity").size());
        assertEquals(1, org.apiCalls(), "the whole graph request is one API call");
    }

    @Test
    void graphNodesMayNotBeCollectionsOrQueries() throws Exception {
        String body = """
                {"graphs": [{"graphId": "g", "compositeRequest": [
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Account", "referenceId": "a", "body": {"Name": "A"}},
                  {"method": "GET", "url": "/services/data/v60.0/query?q=SELECT+Id+FROM+Account", "referenceId": "q"}]}]}""";
        JsonNode graphs = JSON.readTree(CamelSalesforce.body(sf.call(GRAPH_URI, body, Map.of()))).get("graphs");
        assertFalse(graphs.get(0).get("isSuccessful").asBoolean());
        assertTrue(org.records("Account").isEmpty());
    }

    @Test
    void moreThan500NodesAreRefused() {
        StringBuilder graphs = new StringBuilder();
        for (int g = 0; g < 2; g++) {
            StringBuilder nodes = new StringBuilder();
            for (int i = 0; i < 251; i++) {
                nodes.append(i == 0 ? "" : ",").append("{\"method\":\"POST\",\"url\":\"/services/data/v60.0/sobjects/Account\","
                        + "\"referenceId\":\"a").append(i).append("\",\"body\":{\"Name\":\"A\"}}");
            }
            graphs.append(g == 0 ? "" : ",").append("{\"graphId\":\"g").append(g).append("\",\"compositeRequest\":[")
                    .append(nodes).append("]}");
        }
        Exchange ex = sf.call(GRAPH_URI, "{\"graphs\":[" + graphs + "]}", Map.of());
        SalesforceException e = assertInstanceOf(SalesforceException.class, ex.getException());
        assertEquals(400, e.getStatusCode());
        assertTrue(org.records("Account").isEmpty());
    }
}
