package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SandboxOrg org;
    private static CamelSalesforce sf;

    @BeforeAll
    static void start() {
        org = SandboxOrg.start(SandboxOrgSettings.defaults());
        sf = CamelSalesforce.connect(org);
        org.activateDuplicateRule("Contact", "Standard_Contact_Duplicate_Rule", false, "Email");
    }

    @AfterAll
    static void stop() {
        sf.close();
        org.close();
    }

    @BeforeEach
    void reset() {
        org.reset();
        assertNull(sf.upsert("Contact", "Commerce_Customer_Id__c", "shop-a:1",
                "{\"LastName\":\"Lovelace\",\"Email\":\"ada@example.com\"}").getException());
    }

    @Test
    void anAlertingRuleRefusesADuplicateWithTheRecordedShape() throws Exception {
        Exchange ex = sf.upsert("Contact", "Commerce_Customer_Id__c", "shop-b:9",
                "{\"LastName\":\"Lovelace\",\"Email\":\"ADA@example.com\"}");
        SalesforceException e = assertInstanceOf(SalesforceException.class, ex.getException());
        assertEquals(400, e.getStatusCode());
        assertEquals("DUPLICATES_DETECTED", e.getErrors().get(0).getErrorCode());
        assertEquals("Use one of these records?", e.getErrors().get(0).getMessage());
        JsonNode body = JSON.readTree(e.getResponseContent().readAllBytes());
        JsonNode fixture = JSON.readTree(Files.readString(
                Path.of("../shared/fixtures/salesforce/rest-errors/400-duplicates-detected.aiosalesforce.json")));
        assertEquals(UpsertByExternalIdTest.keys(fixture.get(0)), UpsertByExternalIdTest.keys(body.get(0)));
        JsonNode result = body.get(0).get("duplicateResult");
        assertEquals(UpsertByExternalIdTest.keys(fixture.get(0).get("duplicateResult")), UpsertByExternalIdTest.keys(result));
        assertEquals(UpsertByExternalIdTest.keys(fixture.get(0).get("duplicateResult").get("matchResults").get(0)),
                UpsertByExternalIdTest.keys(result.get("matchResults").get(0)));
        assertEquals(org.records("Contact").get(0).get("Id"),
                result.get("matchResults").get(0).get("matchRecords").get(0).get("record").get("Id").asText());
        assertEquals(1, org.records("Contact").size());
    }

    @Test
    void theDuplicateRuleHeaderLetsAnAlertedSaveThrough() {
        Exchange ex = sf.call("salesforce:upsertSObject?sObjectName=Contact&sObjectIdName=Commerce_Customer_Id__c&rawPayload=true",
                "{\"LastName\":\"Lovelace\",\"Email\":\"ada@example.com\"}",
                Map.of("sObjectIdValue", "shop-b:9", "Sforce-Duplicate-Rule-Header", "allowSave=true"));
        assertNull(ex.getException(), () -> String.valueOf(ex.getException()));
        assertEquals(2, org.records("Contact").size());
    }

    @Test
    void updatingTheSameRecordIsNotADuplicateAndCollectionsReportStatusCode() throws Exception {
        assertEquals(200, CamelSalesforce.status(sf.upsert("Contact", "Commerce_Customer_Id__c", "shop-a:1",
                "{\"Email\":\"ada@example.com\",\"Phone\":\"1\"}")));
        Exchange ex = sf.call("salesforce:raw?rawMethod=POST&rawPath=/services/data/v60.0/composite/sobjects",
                "{\"records\":[{\"attributes\":{\"type\":\"Contact\"},\"LastName\":\"X\",\"Email\":\"ada@example.com\"},"
                        + "{\"attributes\":{\"type\":\"Contact\"},\"LastName\":\"Y\",\"Email\":\"y@example.com\"}]}", Map.of());
        JsonNode results = JSON.readTree(CamelSalesforce.body(ex));
        JsonNode fixture = JSON.readTree(Files.readString(
                Path.of("../shared/fixtures/salesforce/doc-examples/collections-create-200-duplicates-detected.json")));
        assertEquals(fixture.get(0).get("errors").get(0).get("statusCode"), results.get(0).get("errors").get(0).get("statusCode"));
        assertEquals(fixture.get(0).get("errors").get(0).get("message"), results.get(0).get("errors").get(0).get("message"));
        assertTrue(results.get(1).get("success").asBoolean());
    }

    @Test
    void aBlockingRuleIgnoresTheHeader() {
        org.activateDuplicateRule("Lead", "Block_Lead_Email", true, "Email");
        try {
            sf.call("salesforce:createSObject?sObjectName=Lead&rawPayload=true",
                    "{\"LastName\":\"A\",\"Company\":\"C\",\"Email\":\"l@example.com\"}", Map.of());
            Exchange ex = sf.call("salesforce:createSObject?sObjectName=Lead&rawPayload=true",
                    "{\"LastName\":\"B\",\"Company\":\"C\",\"Email\":\"l@example.com\"}",
                    Map.of("Sforce-Duplicate-Rule-Header", "allowSave=true"));
            SalesforceException e = assertInstanceOf(SalesforceException.class, ex.getException());
            assertEquals("DUPLICATES_DETECTED", e.getErrors().get(0).getErrorCode());
        } finally {
            org.deactivateDuplicateRules();
            org.activateDuplicateRule("Contact", "Standard_Contact_Duplicate_Rule", false, "Email");
        }
    }
}
