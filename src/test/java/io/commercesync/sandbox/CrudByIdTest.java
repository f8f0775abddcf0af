package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.NoSuchSObjectException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrudByIdTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SandboxOrg org;
    private static CamelSalesforce sf;

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

    @Test
    void createUpdateGetAndDeleteById() throws Exception {
        Exchange created = sf.call("salesforce:createSObject?sObjectName=Account&rawPayload=true", "{\"Name\":\"Acme\"}", Map.of());
        assertEquals(201, CamelSalesforce.status(created));
        JsonNode body = JSON.readTree(CamelSalesforce.body(created));
        assertEquals(UpsertByExternalIdTest.keys(JSON.readTree(Files.readString(
                Path.of("../shared/fixtures/salesforce/misc/create-201.restforce.json")))), UpsertByExternalIdTest.keys(body));
        String id = body.get("id").asText();
        Exchange updated = sf.call("salesforce:updateSObject?sObjectName=Account&rawPayload=true",
                "{\"Phone\":\"+44 20 7946 0000\"}", Map.of("sObjectId", id));
        assertNull(updated.getException());
        assertEquals(204, CamelSalesforce.status(updated));
        Exchange read = sf.call("salesforce:getSObject?sObjectName=Account&rawPayload=true", null,
                Map.of("sObjectId", id.substring(0, 15)));
        assertEquals("+44 20 7946 0000", JSON.readTree(CamelSalesforce.body(read)).get("Phone").asText());
        assertNull(sf.call("salesforce:deleteSObject?sObjectName=Account", null, Map.of("sObjectId", id)).getException());
        NoSuchSObjectException gone = assertInstanceOf(NoSuchSObjectException.class,
                sf.call("salesforce:getSObject?sObjectName=Account&rawPayload=true", null, Map.of("sObjectId", id)).getException());
        assertEquals("ENTITY_IS_DELETED", gone.getErrors().get(0).getErrorCode());
        JsonNode all = JSON.readTree(CamelSalesforce.body(sf.call("salesforce:queryAll?rawPayload=true", null,
                Map.of("sObjectQuery", "SELECT Id, IsDeleted FROM Account WHERE Id = '" + id + "'"))));
        assertEquals(1, all.get("totalSize").asInt());
        assertTrue(all.get("records").get(0).get("IsDeleted").asBoolean());
    }

    @Test
    void malformedAndWrongTypeLookupIdsAreRefused() {
        SalesforceException malformed = assertInstanceOf(SalesforceException.class, sf.call(
                "salesforce:createSObject?sObjectName=Contact&rawPayload=true", "{\"LastName\":\"X\",\"AccountId\":\"abc\"}",
                Map.of()).getException());
        assertEquals("MALFORMED_ID", malformed.getErrors().get(0).getErrorCode());
        assertEquals("Account ID: id value of incorrect type: abc", malformed.getErrors().get(0).getMessage());
        assertEquals(List.of("AccountId"), malformed.getErrors().get(0).getFields());
        SalesforceException missing = assertInstanceOf(SalesforceException.class, sf.call(
                "salesforce:createSObject?sObjectName=Contact&rawPayload=true",
                "{\"LastName\":\"X\",\"AccountId\":\"" + SalesforceIds.fixed("001", 424242) + "\"}", Map.of()).getException());
        assertEquals("INVALID_CROSS_REFERENCE_KEY", missing.getErrors().get(0).getErrorCode());
    }

    @Test
    void describeListsFieldsWithTheirAttributes() throws Exception {
        Exchange ex = sf.call("salesforce:getDescription?sObjectName=Opportunity&rawPayload=true", null, Map.of());
        assertNull(ex.getException(), () -> String.valueOf(ex.getException()));
        JsonNode describe = JSON.readTree(CamelSalesforce.body(ex));
        assertEquals("006", describe.get("keyPrefix").asText());
        JsonNode currency = null;
        for (JsonNode f : describe.get("fields")) {
            if (f.get("name").asText().equals("CurrencyIsoCode")) {
                currency = f;
            }
        }
        assertTrue(currency != null && currency.get("restrictedPicklist").asBoolean());
        JsonNode versions = JSON.readTree(CamelSalesforce.body(sf.call("salesforce:getVersions?rawPayload=true", null, Map.of())));
        assertTrue(versions.isArray() && versions.size() > 40);
    }
}
