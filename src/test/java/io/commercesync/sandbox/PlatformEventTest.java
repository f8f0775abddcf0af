package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void publishingAnEventAnswers201OperationEnqueuedAndCountsOneCall() throws Exception {
        try (SandboxOrg org = SandboxOrg.start(SandboxOrgSettings.defaults());
             CamelSalesforce sf = CamelSalesforce.connect(org)) {
            Exchange ex = sf.call("salesforce:createSObject?sObjectName=Commerce_Order_Event__e&rawPayload=true",
                    "{\"Order_Id__c\":\"O-1\",\"Store__c\":\"shop\",\"Payload__c\":\"{}\"}", Map.of());
            assertNull(ex.getException());
            assertEquals(201, CamelSalesforce.status(ex));
            JsonNode body = JSON.readTree(CamelSalesforce.body(ex));
            JsonNode fixture = JSON.readTree(Files.readString(
                    Path.of("../shared/fixtures/salesforce/doc-examples/platform-event-publish-201-high-volume.json")));
            assertEquals(UpsertByExternalIdTest.keys(fixture), UpsertByExternalIdTest.keys(body));
            assertEquals(UpsertByExternalIdTest.keys(fixture.get("errors").get(0)),
                    UpsertByExternalIdTest.keys(body.get("errors").get(0)));
            assertTrue(body.get("id").asText().startsWith("e00"));
            assertEquals("OPERATION_ENQUEUED", body.get("errors").get(0).get("statusCode").asText());
            UUID.fromString(body.get("errors").get(0).get("message").asText());
            assertEquals(1, org.apiCalls());
            assertEquals("O-1", org.records("Commerce_Order_Event__e").get(0).get("Order_Id__c"));
            JsonNode limits = JSON.readTree(CamelSalesforce.body(sf.call("salesforce:limits?rawPayload=true", null, Map.of())));
            assertEquals(49999, limits.get("HourlyPublishedPlatformEvents").get("Remaining").asInt());
        }
    }
}
