package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class AdminEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private SandboxOrg org;
    private CamelSalesforce sf;

    @BeforeEach
    void start() {
        org = SandboxOrg.start(SandboxOrgSettings.defaults().withDailyApiLimit(500));
        sf = CamelSalesforce.connect(org);
    }

    @AfterEach
    void stop() {
        sf.close();
        org.close();
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(org.loginUrl() + "/__sandbox/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void callsAndRecordsAreVisibleAndResetClearsThem() throws Exception {
        sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"Acme\"}");
        JsonNode calls = JSON.readTree(admin("GET", "calls", null).body());
        assertEquals(1, calls.get("apiCalls").asInt());
        assertEquals(500, calls.get("dailyApiLimit").asInt());
        JsonNode records = JSON.readTree(admin("GET", "records/Account", null).body());
        assertEquals(1, records.size());
        assertEquals("Acme", records.get(0).get("Name").asText());
        assertEquals("C-1", records.get(0).get("Commerce_Customer_Id__c").asText());
        assertEquals(404, admin("GET", "records/Nope", null).statusCode());
        assertEquals(204, admin("POST", "reset", null).statusCode());
        assertEquals(0, JSON.readTree(admin("GET", "records/Account", null).body()).size());
        assertEquals(0, JSON.readTree(admin("GET", "calls", null).body()).get("apiCalls").asInt());
    }

    @Test
    void faultsCanBeQueuedAndCleared() throws Exception {
        assertEquals(200, admin("POST", "faults", "{\"fault\":\"UNABLE_TO_LOCK_ROW\",\"calls\":2}").statusCode());
        SalesforceException e = assertInstanceOf(SalesforceException.class,
                sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"Acme\"}").getException());
        assertEquals("UNABLE_TO_LOCK_ROW", e.getErrors().get(0).getErrorCode());
        assertEquals(204, admin("DELETE", "faults", null).statusCode());
        assertNull(sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"Acme\"}").getException());
        assertEquals(400, admin("POST", "faults", "{\"fault\":\"NO_SUCH_FAULT\"}").statusCode());
    }

    @Test
    void aShareOfCallsCanBeFailedAndCleared() throws Exception {
        HttpResponse<String> set = admin("POST", "faults", "{\"fault\":\"SERVICE_UNAVAILABLE\",\"share\":1.0,\"seed\":7}");
        assertEquals(200, set.statusCode());
        assertEquals(1.0, JSON.readTree(set.body()).get("share").asDouble());
        SalesforceException e = assertInstanceOf(SalesforceException.class,
                sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"Acme\"}").getException());
        assertEquals(503, e.getStatusCode());
        assertEquals(204, admin("DELETE", "faults", null).statusCode());
        assertNull(sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"Acme\"}").getException());
        assertEquals(400, admin("POST", "faults", "{\"fault\":\"SERVICE_UNAVAILABLE\",\"share\":2}").statusCode());
        assertEquals(400, admin("POST", "faults", "{\"fault\":\"NO_SUCH_FAULT\",\"share\":0.2}").statusCode());
    }

    @Test
    void expiringSessionsOverAdminForcesARelogin() throws Exception {
        assertEquals(204, admin("POST", "sessions/expire", null).statusCode());
        assertNull(sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"Acme\"}").getException());
    }
}
