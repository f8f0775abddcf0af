package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonAccountTest extends CamelAgainstSandboxOrg {

    private static final ObjectMapper JSON = new ObjectMapper();
    private Exchange upsertPerson(String id, String fields) {
        return sf.upsert("Account", "Commerce_Customer_Id__c", id, "{\"RecordTypeId\":\"" + org.personAccountRecordTypeId()
                + "\"," + fields + "}");
    }

    @Test
    void personRecordTypeIsQueryable() throws Exception {
        JsonNode result = JSON.readTree(CamelSalesforce.body(sf.call("salesforce:query?rawPayload=true", null, Map.of(
                "sObjectQuery", "SELECT Id FROM RecordType WHERE SobjectType = 'Account' AND IsPersonType = true"))));
        assertEquals(1, result.get("totalSize").asInt());
        assertEquals(org.personAccountRecordTypeId(), result.get("records").get(0).get("Id").asText());
    }

    @Test
    void personAccountGetsANameAndAPersonContact() {
        Exchange ex = upsertPerson("P-1", "\"FirstName\":\"Ada\",\"LastName\":\"Lovelace\",\"PersonEmail\":\"ada@example.com\","
                + "\"PersonMailingCity\":\"London\",\"Commerce_Customer_Id__pc\":\"P-1\"");
        assertNull(ex.getException(), () -> String.valueOf(ex.getException()));
        assertEquals(201, CamelSalesforce.status(ex));
        Map<String, Object> account = org.records("Account").get(0);
        assertEquals("Ada Lovelace", account.get("Name"));
        assertEquals(true, account.get("IsPersonAccount"));
        Map<String, Object> contact = org.records("Contact").get(0);
        assertEquals(account.get("PersonContactId"), contact.get("Id"));
        assertEquals(account.get("Id"), contact.get("AccountId"));
        assertEquals("ada@example.com", contact.get("Email"));
        assertEquals("London", contact.get("MailingCity"));
        assertEquals("P-1", contact.get("Commerce_Customer_Id__c"));
        assertEquals(true, contact.get("IsPersonAccount"));
        assertEquals(200, CamelSalesforce.status(upsertPerson("P-1", "\"LastName\":\"King\"")));
        assertEquals("Ada King", org.records("Account").get(0).get("Name"));
        assertEquals("King", org.records("Contact").get(0).get("LastName"));
        assertEquals(1, org.records("Contact").size());
    }

    @Test
    void personAccountsNeedLastNameAndRefuseName() {
        SalesforceException noLastName = assertInstanceOf(SalesforceException.class,
                upsertPerson("P-2", "\"FirstName\":\"Ada\"").getException());
        assertEquals("REQUIRED_FIELD_MISSING", noLastName.getErrors().get(0).getErrorCode());
        assertEquals(List.of("LastName"), noLastName.getErrors().get(0).getFields());
        SalesforceException name = assertInstanceOf(SalesforceException.class,
                upsertPerson("P-2", "\"Name\":\"Ada\",\"LastName\":\"L\"").getException());
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", name.getErrors().get(0).getErrorCode());
        assertTrue(org.records("Account").isEmpty());
        assertTrue(org.records("Contact").isEmpty());
    }

    @Test
    void businessAccountsStillNeedNameAndRefusePersonFields() {
        SalesforceException noName = assertInstanceOf(SalesforceException.class,
                sf.upsert("Account", "Commerce_Customer_Id__c", "B-1", "{\"LastName\":\"X\"}").getException());
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", noName.getErrors().get(0).getErrorCode());
        SalesforceException missing = assertInstanceOf(SalesforceException.class,
                sf.upsert("Account", "Commerce_Customer_Id__c", "B-1", "{\"Phone\":\"1\"}").getException());
        assertEquals("Required fields are missing: [Name]", missing.getErrors().get(0).getMessage());
        assertEquals(201, CamelSalesforce.status(sf.upsert("Account", "Commerce_Customer_Id__c", "B-1", "{\"Name\":\"Acme\"}")));
        assertEquals(false, org.records("Account").get(0).get("IsPersonAccount"));
    }

    @Test
    void personContactsCannotBeEditedDirectlyAndGoWithTheirAccount() {
        upsertPerson("P-3", "\"LastName\":\"Hopper\",\"Commerce_Customer_Id__pc\":\"P-3\"");
        SalesforceException e = assertInstanceOf(SalesforceException.class,
                sf.upsert("Contact", "Commerce_Customer_Id__c", "P-3", "{\"LastName\":\"X\"}").getException());
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", e.getErrors().get(0).getErrorCode());
        String accountId = (String) org.records("Account").get(0).get("Id");
        assertNull(sf.call("salesforce:deleteSObject?sObjectName=Account", null, Map.of("sObjectId", accountId)).getException());
        assertTrue(org.records("Contact").isEmpty());
    }
}
