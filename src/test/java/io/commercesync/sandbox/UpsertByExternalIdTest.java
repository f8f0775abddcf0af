package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.NoSuchSObjectException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.SalesforceMultipleChoicesException;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpsertByExternalIdTest extends CamelAgainstSandboxOrg {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("../shared/fixtures/salesforce");
    static JsonNode json(Exchange ex) throws Exception {
        return JSON.readTree(CamelSalesforce.body(ex));
    }

    static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    static JsonNode fixture(String path) throws Exception {
        return JSON.readTree(Files.readString(FIXTURES.resolve(path)));
    }

    static <T extends Throwable> T failure(Exchange ex, Class<T> type) {
        assertTrue(ex.getException() != null, "expected an exception");
        return assertInstanceOf(type, ex.getException(), () -> String.valueOf(ex.getException()));
    }

    @Test
    void upsertOfNewRecordAnswers201WithCreatedTrue() throws Exception {
        Exchange ex = sf.upsert("Account", "Commerce_Customer_Id__c", "C-100", "{\"Name\":\"Acme\",\"Phone\":\"+1 555\"}");
        assertNull(ex.getException());
        assertEquals(201, CamelSalesforce.status(ex));
        JsonNode body = json(ex);
        assertEquals(keys(fixture("doc-examples/upsert-201-created.json")), keys(body));
        assertTrue(body.get("created").asBoolean());
        String id = body.get("id").asText();
        assertTrue(id.startsWith("001") && id.length() == 18 && SalesforceIds.isWellFormed(id), id);
        Map<String, Object> stored = org.findByExternalId("Account", "Commerce_Customer_Id__c", "c-100").orElseThrow();
        assertEquals(id, stored.get("Id"));
        assertEquals("Acme", stored.get("Name"));
        assertEquals(false, stored.get("IsDeleted"));
        assertTrue(String.valueOf(stored.get("CreatedDate")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000"));
    }

    @Test
    void upsertOfExistingRecordAnswers200WithCreatedFalse() throws Exception {
        String id = json(sf.upsert("Account", "Commerce_Customer_Id__c", "C-101", "{\"Name\":\"Acme\"}")).get("id").asText();
        Exchange ex = sf.upsert("Account", "Commerce_Customer_Id__c", "C-101", "{\"Name\":\"Acme Ltd\"}");
        assertNull(ex.getException());
        assertEquals(200, CamelSalesforce.status(ex));
        JsonNode body = json(ex);
        assertEquals(keys(fixture("doc-examples/upsert-200-updated-api46plus.json")), keys(body));
        assertEquals(id, body.get("id").asText());
        assertFalse(body.get("created").asBoolean());
        assertEquals(1, org.records("Account").size());
        assertEquals("Acme Ltd", org.records("Account").get(0).get("Name"));
    }

    @Test
    void camelDtoUpsertCreatesThenUpdates() {
        Contact ada = Contact.of("K-1", "Lovelace", "ada@example.com");
        Exchange created = sf.call("salesforce:upsertSObject?sObjectName=Contact&sObjectIdName=Commerce_Customer_Id__c", ada, Map.of());
        assertNull(created.getException(), () -> String.valueOf(created.getException()));
        org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult first =
                created.getMessage().getBody(org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult.class);
        assertTrue(first.getCreated());
        Exchange updated = sf.call("salesforce:upsertSObject?sObjectName=Contact&sObjectIdName=Commerce_Customer_Id__c",
                Contact.of("K-1", "King", null), Map.of());
        assertNull(updated.getException(), () -> String.valueOf(updated.getException()));
        org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult second =
                updated.getMessage().getBody(org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult.class);
        assertFalse(second.getCreated());
        assertEquals(first.getId(), second.getId());
        assertEquals("King", org.records("Contact").get(0).get("LastName"));
        assertEquals("ada@example.com", org.records("Contact").get(0).get("Email"), "null DTO fields are not sent");
    }

    @Test
    void upsertOfExistingRecordAnswers204OnApi45() throws Exception {
        try (CamelSalesforce old = CamelSalesforce.connect(org, "45.0")) {
            Exchange created = old.upsert("Account", "Commerce_Customer_Id__c", "C-45", "{\"Name\":\"Acme\"}");
            assertEquals(201, CamelSalesforce.status(created));
            assertEquals(keys(fixture("upsert/upsert-created-pre-v46.restforce.json")), keys(json(created)));
            Exchange updated = old.upsert("Account", "Commerce_Customer_Id__c", "C-45", "{\"Name\":\"Acme 2\"}");
            assertNull(updated.getException());
            assertEquals(204, CamelSalesforce.status(updated));
        }
        assertEquals("Acme 2", org.records("Account").get(0).get("Name"));
    }

    @Test
    void upsertMatchingSeveralRecordsAnswers300WithTheirUrls() {
        sf.call("salesforce:createSObject?sObjectName=Lead&rawPayload=true",
                "{\"LastName\":\"One\",\"Company\":\"X\",\"Commerce_Customer_Id__c\":\"L-1\"}", Map.of());
        sf.call("salesforce:createSObject?sObjectName=Lead&rawPayload=true",
                "{\"LastName\":\"Two\",\"Company\":\"X\",\"Commerce_Customer_Id__c\":\"l-1\"}", Map.of());
        Exchange ex = sf.upsert("Lead", "Commerce_Customer_Id__c", "L-1", "{\"LastName\":\"Three\"}");
        SalesforceMultipleChoicesException e = failure(ex, SalesforceMultipleChoicesException.class);
        assertEquals(300, e.getStatusCode());
        List<String> ids = org.records("Lead").stream().map(r -> (String) r.get("Id")).toList();
        assertEquals(List.of("/services/data/v60.0/sobjects/Lead/" + ids.get(0),
                "/services/data/v60.0/sobjects/Lead/" + ids.get(1)), e.getChoices());
        assertEquals(2, org.records("Lead").size());
    }

    @Test
    void upsertOnAFieldThatIsNotAnExternalIdAnswers404() throws Exception {
        Exchange ex = sf.upsert("Account", "Namez", "x", "{\"Name\":\"Acme\"}");
        NoSuchSObjectException e = failure(ex, NoSuchSObjectException.class);
        assertEquals(404, e.getStatusCode());
        JsonNode expected = fixture("upsert/upsert-404-extid-field-not-found.restforce.json").get(0);
        assertEquals(expected.get("errorCode").asText(), e.getErrors().get(0).getErrorCode());
        assertEquals(expected.get("message").asText(), e.getErrors().get(0).getMessage());
        assertEquals("Provided external ID field does not exist or is not accessible: Phone",
                failure(sf.upsert("Account", "Phone", "x", "{}"), NoSuchSObjectException.class).getErrors().get(0).getMessage());
    }

    @Test
    void upsertOfUnknownSObjectAnswers404NotFound() {
        NoSuchSObjectException e = failure(sf.upsert("Acount", "Commerce_Customer_Id__c", "x", "{}"),
                NoSuchSObjectException.class);
        assertEquals("NOT_FOUND", e.getErrors().get(0).getErrorCode());
        assertEquals("The requested resource does not exist", e.getErrors().get(0).getMessage());
    }

    @Test
    void insertWithoutARequiredFieldAnswersRequiredFieldMissing() {
        Exchange ex = sf.upsert("Contact", "Commerce_Customer_Id__c", "C-200", "{\"FirstName\":\"Ada\"}");
        SalesforceException e = failure(ex, SalesforceException.class);
        assertEquals(400, e.getStatusCode());
        RestError error = e.getErrors().get(0);
        assertEquals("REQUIRED_FIELD_MISSING", error.getErrorCode());
        assertEquals("Required fields are missing: [LastName]", error.getMessage());
        assertEquals(List.of("LastName"), error.getFields());
        assertTrue(org.records("Contact").isEmpty());
    }

    @Test
    void unknownColumnAnswersInvalidField() {
        SalesforceException e = failure(sf.upsert("Account", "Commerce_Customer_Id__c", "C-1",
                "{\"Name\":\"Acme\",\"Foo__c\":1}"), SalesforceException.class);
        assertEquals(400, e.getStatusCode());
        assertEquals("INVALID_FIELD", e.getErrors().get(0).getErrorCode());
        assertEquals("No such column 'Foo__c' on sobject of type Account", e.getErrors().get(0).getMessage());
    }

    @Test
    void tooLongValueAnswersStringTooLong() {
        String longCity = "x".repeat(41);
        SalesforceException e = failure(sf.upsert("Account", "Commerce_Customer_Id__c", "C-1",
                "{\"Name\":\"Acme\",\"BillingCity\":\"" + longCity + "\"}"), SalesforceException.class);
        assertEquals("STRING_TOO_LONG", e.getErrors().get(0).getErrorCode());
        assertEquals("Billing City: data value too large: " + longCity + " (max length=40)", e.getErrors().get(0).getMessage());
        assertEquals(List.of("BillingCity"), e.getErrors().get(0).getFields());
    }

    @Test
    void badRestrictedPicklistValueIsRejected() {
        SalesforceException e = failure(sf.upsert("Opportunity", "Commerce_Order_Id__c", "O-1",
                "{\"Name\":\"#1\",\"StageName\":\"Placed\",\"CloseDate\":\"2026-11-25\",\"CurrencyIsoCode\":\"XYZ\"}"),
                SalesforceException.class);
        assertEquals("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", e.getErrors().get(0).getErrorCode());
        assertEquals("Opportunity Currency: bad value for restricted picklist field: XYZ", e.getErrors().get(0).getMessage());
    }

    @Test
    void relationshipByExternalIdResolvesTheLookupId() throws Exception {
        String accountId = json(sf.upsert("Account", "Commerce_Customer_Id__c", "C-300", "{\"Name\":\"Acme\"}"))
                .get("id").asText();
        Exchange ex = sf.upsert("Contact", "Commerce_Customer_Id__c", "C-300",
                "{\"LastName\":\"Lovelace\",\"Account\":{\"Commerce_Customer_Id__c\":\"C-300\"}}");
        assertNull(ex.getException());
        assertEquals(accountId, org.records("Contact").get(0).get("AccountId"));
    }

    @Test
    void relationshipToAnUnknownParentAnswersInvalidField() throws Exception {
        SalesforceException e = failure(sf.upsert("Contact", "Commerce_Customer_Id__c", "C-301",
                "{\"LastName\":\"Lovelace\",\"Account\":{\"Commerce_Customer_Id__c\":\"nope\"}}"), SalesforceException.class);
        assertEquals(400, e.getStatusCode());
        RestError error = e.getErrors().get(0);
        assertEquals("INVALID_FIELD", error.getErrorCode());
        assertEquals("Foreign key external ID: nope not found for field Commerce_Customer_Id__c in entity Account",
                error.getMessage());
        assertEquals(List.of(), error.getFields());
        assertTrue(org.records("Contact").isEmpty());
    }

    @Test
    void externalIdWithSlashAndUnicodeRoundTrips() throws Exception {
        String value = "shop/ä 7#?+";
        Exchange ex = sf.upsert("Account", "Commerce_Customer_Id__c", value, "{\"Name\":\"Zürich\"}");
        assertEquals(201, CamelSalesforce.status(ex));
        assertEquals("Zürich", org.findByExternalId("Account", "Commerce_Customer_Id__c", value).orElseThrow().get("Name"));
        Exchange again = sf.upsert("Account", "Commerce_Customer_Id__c", value, "{\"Name\":\"Zürich 2\"}");
        assertEquals(200, CamelSalesforce.status(again));
    }

    @Test
    void getByExternalIdAnswersTheRecordWithAttributes() throws Exception {
        String id = json(sf.upsert("Account", "Commerce_Customer_Id__c", "C-400", "{\"Name\":\"Acme\"}")).get("id").asText();
        Exchange ex = sf.getByExternalId("Account", "Commerce_Customer_Id__c", "C-400");
        assertNull(ex.getException());
        JsonNode record = json(ex);
        assertEquals("Account", record.get("attributes").get("type").asText());
        assertEquals("/services/data/v60.0/sobjects/Account/" + id, record.get("attributes").get("url").asText());
        assertEquals(id, record.get("Id").asText());
        assertEquals("Acme", record.get("Name").asText());
        assertTrue(record.has("Phone") && record.get("Phone").isNull());
        Exchange byId = sf.call("salesforce:getSObject?sObjectName=Account&rawPayload=true&sObjectFields=Name",
                null, Map.of("sObjectId", id));
        assertNull(byId.getException());
        JsonNode partial = json(byId);
        assertEquals(Set.of("attributes", "Name", "Id"), keys(partial));
    }

    @Test
    void getOfAMissingRecordAnswers404() {
        NoSuchSObjectException e = failure(sf.getByExternalId("Account", "Commerce_Customer_Id__c", "missing"),
                NoSuchSObjectException.class);
        assertEquals("NOT_FOUND", e.getErrors().get(0).getErrorCode());
        assertEquals("The requested resource does not exist", e.getErrors().get(0).getMessage());
    }

    @Test
    void duplicateUniqueValueAnswersDuplicateValue() throws Exception {
        String first = json(sf.upsert("Account", "Commerce_Customer_Id__c", "C-500", "{\"Name\":\"A\"}")).get("id").asText();
        Exchange ex = sf.call("salesforce:createSObject?sObjectName=Account&rawPayload=true",
                "{\"Name\":\"B\",\"Commerce_Customer_Id__c\":\"c-500\"}", Map.of());
        SalesforceException e = failure(ex, SalesforceException.class);
        assertEquals("DUPLICATE_VALUE", e.getErrors().get(0).getErrorCode());
        assertEquals("duplicate value found: Commerce_Customer_Id__c duplicates value on record with id: " + first,
                e.getErrors().get(0).getMessage());
    }
}
