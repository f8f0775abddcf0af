package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.NoSuchSObjectException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every recorded Salesforce answer in {@code ../shared/fixtures/salesforce} (see SOURCES.md there),
 * reproduced by driving the sandbox org into the recorded situation and comparing the JSON shape
 * with {@link JsonShape} (keys, node types, status; ids, timestamps and texts may differ). Situations
 * are driven through camel-salesforce where camel has the operation; the raw status and body come
 * from {@link SalesforceHttp} where camel turns the answer into an exception (error bodies) or does
 * not call the endpoint itself (OAuth). Fixtures that are requests are sent as they are and the
 * answer is checked. Fixtures compared by other test classes are listed in docs/sandbox-org.md.
 */
class RecordedResponseFidelityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("../shared/fixtures/salesforce");

    private static SandboxOrg org;
    private static CamelSalesforce sf;
    private static SalesforceHttp http;

    @BeforeAll
    static void start() {
        org = SandboxOrg.start(SandboxOrgSettings.defaults());
        sf = CamelSalesforce.connect(org);
        http = new SalesforceHttp(org).login();
    }

    @AfterAll
    static void stop() {
        sf.close();
        org.close();
    }

    @BeforeEach
    void reset() {
        org.reset();
        org.deactivateDuplicateRules();
    }

    static JsonNode fixture(String path) throws Exception {
        return JSON.readTree(Files.readString(FIXTURES.resolve(path)));
    }

    static JsonNode json(Exchange ex) throws Exception {
        assertNull(ex.getException(), () -> String.valueOf(ex.getException()));
        return JSON.readTree(CamelSalesforce.body(ex));
    }

    private static <T extends Throwable> T failure(Exchange ex, Class<T> type) {
        assertNotNull(ex.getException(), "expected camel to report a failure");
        return assertInstanceOf(type, ex.getException(), () -> String.valueOf(ex.getException()));
    }

    private static String create(String sObject, String json) throws Exception {
        return json(sf.call("salesforce:createSObject?sObjectName=" + sObject + "&rawPayload=true", json, Map.of()))
                .get("id").asText();
    }

    // ---- sObject rows: REST error bodies ------------------------------------------------------

    @Test
    void malformedIdAnswersLikeTheDocsExample() throws Exception {
        String contactId = create("Contact", "{\"LastName\":\"Lovelace\"}");
        SalesforceException e = failure(sf.call("salesforce:upsertSObject?sObjectName=Account&sObjectIdName=Id"
                + "&rawPayload=true", "{\"Name\":\"Acme\"}", Map.of("sObjectIdValue", contactId)), SalesforceException.class);
        assertEquals(400, e.getStatusCode());
        assertEquals("MALFORMED_ID", e.getErrors().get(0).getErrorCode());

        SalesforceHttp.Answer answer = http.send("PATCH", "/services/data/v60.0/sobjects/Account/Id/" + contactId,
                "{\"Name\":\"Acme\"}");
        assertEquals(400, answer.status());
        JsonShape.of(fixture("doc-examples/400-malformed-id.json")).assertMatches(answer.body());
        assertEquals("Account ID: id value of incorrect type: " + contactId, answer.body().get(0).get("message").asText());
    }

    @Test
    void missingRecordAnswersLikeTheDocsExample() throws Exception {
        String missing = SalesforceIds.fixed("001", 999_998);
        NoSuchSObjectException e = failure(sf.call("salesforce:getSObject?sObjectName=Account&rawPayload=true", null,
                Map.of("sObjectId", missing)), NoSuchSObjectException.class);
        assertEquals(404, e.getStatusCode());

        SalesforceHttp.Answer answer = http.get("/services/data/v60.0/sobjects/Account/" + missing);
        assertEquals(404, answer.status());
        JsonShape.of(fixture("doc-examples/404-not-found.json")).assertMatches(answer.body());
        assertEquals(fixture("doc-examples/404-not-found.json"), answer.body());
    }

    @Test
    void getWithAMalformedIdAnswersLikeRestforcesFindError() throws Exception {
        NoSuchSObjectException e = failure(sf.call("salesforce:getSObject?sObjectName=Account&rawPayload=true", null,
                Map.of("sObjectId", "23foo")), NoSuchSObjectException.class);
        assertEquals("Provided external ID field does not exist or is not accessible: 23foo",
                e.getErrors().get(0).getMessage());

        SalesforceHttp.Answer answer = http.get("/services/data/v60.0/sobjects/Account/23foo");
        assertEquals(404, answer.status());
        assertEquals(fixture("rest-errors/404-extid-field-not-accessible.restforce.json"), answer.body());
    }

    @Test
    void unknownColumnAnswersLikeRestforcesWriteError() throws Exception {
        SalesforceException e = failure(sf.call("salesforce:createSObject?sObjectName=Account&rawPayload=true",
                "{\"Name\":\"Acme\",\"foo\":1}", Map.of()), SalesforceException.class);
        assertEquals("INVALID_FIELD", e.getErrors().get(0).getErrorCode());

        SalesforceHttp.Answer answer = http.send("POST", "/services/data/v60.0/sobjects/Account", "{\"Name\":\"Acme\",\"foo\":1}");
        assertEquals(400, answer.status());
        JsonShape.of(fixture("rest-errors/400-invalid-field.restforce.json")).assertMatches(answer.body());
        assertEquals("No such column 'foo' on sobject of type Account", answer.body().get(0).get("message").asText());
    }

    /**
     * A JSON array posted to the single-record resource (the StackExchange report the restforce text
     * comes from). The restforce fixture holds the error object without the enclosing array that
     * every REST error answer has, so it is compared with the answer's first element.
     */
    @Test
    void recordsArrayPostedToTheSingleRecordResourceAnswersJsonDeserializationFailed() throws Exception {
        String twoRecords = "[{\"Name\":\"A\"},{\"Name\":\"B\"}]";
        SalesforceException e = failure(sf.call("salesforce:createSObject?sObjectName=Account&rawPayload=true",
                twoRecords, Map.of()), SalesforceException.class);
        assertEquals(400, e.getStatusCode());
        assertEquals("INVALID_FIELD", e.getErrors().get(0).getErrorCode());

        SalesforceHttp.Answer answer = http.send("POST", "/services/data/v60.0/sobjects/Account", twoRecords);
        assertEquals(400, answer.status());
        assertTrue(answer.body().isArray());
        JsonNode recorded = fixture("collections/400-json-deserialization-invalid-field.restforce.json");
        assertEquals(recorded, answer.body().get(0));
        assertTrue(org.records("Account").isEmpty());
    }

    // ---- upsert ---------------------------------------------------------------------------------

    /**
     * The docs show this 404 for an "incorrect external ID field" as a bare object and with the text
     * "The requested resource does not exist"; the recorded restforce answer for the same situation
     * (upsert-404-extid-field-not-found, compared in UpsertByExternalIdTest) is an array with "Provided
     * external ID field does not exist or is not accessible: …", which the emulator answers. The shape
     * of the error object is the same.
     */
    @Test
    void upsertOnAMissingExternalIdFieldAnswersLikeTheDocsExample() throws Exception {
        NoSuchSObjectException e = failure(sf.upsert("Account", "customExtIdField__c", "11999", "{\"Name\":\"Acme\"}"),
                NoSuchSObjectException.class);
        assertEquals(404, e.getStatusCode());

        SalesforceHttp.Answer answer = http.send("PATCH", "/services/data/v60.0/sobjects/Account/customExtIdField__c/11999",
                "{\"Name\":\"Acme\"}");
        assertEquals(404, answer.status());
        JsonShape.of(fixture("doc-examples/upsert-404-extid-field-missing.json")).assertMatches(answer.body().get(0));
        assertEquals("NOT_FOUND", answer.body().get(0).get("errorCode").asText());
    }

    @Test
    void upsertMatchingSeveralRecordsAnswersAnArrayOfRecordUrlsLikeRestforce() throws Exception {
        create("Lead", "{\"LastName\":\"One\",\"Company\":\"X\",\"Commerce_Customer_Id__c\":\"L-1\"}");
        create("Lead", "{\"LastName\":\"Two\",\"Company\":\"X\",\"Commerce_Customer_Id__c\":\"L-1\"}");
        SalesforceHttp.Answer answer = http.send("PATCH", "/services/data/v60.0/sobjects/Lead/Commerce_Customer_Id__c/L-1",
                "{\"LastName\":\"Three\"}");
        assertEquals(300, answer.status());
        JsonShape.of(fixture("upsert/upsert-300-multiple-matches.restforce.json")).assertMatches(answer.body());
        JsonShape.of(fixture("upsert/upsert-300-multiple-matches-v60.aiosalesforce.json")).assertMatches(answer.body());
        assertEquals(2, answer.body().size());
        assertTrue(answer.body().get(0).asText().matches("/services/data/v60\\.0/sobjects/Lead/00Q\\w{15}"));
    }

    /**
     * The docs' request body that sets a lookup through the parent's external id
     * ({@code Merchandise__r: {MerchandiseExtID__c: 123}}, a number), sent as it is to an org whose
     * schema has the docs' two custom objects.
     */
    @Test
    void upsertRequestWithAnExternalIdRelationshipIsAccepted(@TempDir Path dir) throws Exception {
        Path schema = dir.resolve("schema.json");
        Files.writeString(schema, """
                {"objects": [
                  {"name": "Merchandise__c", "label": "Merchandise", "fields": [
                    {"name": "Name", "type": "string", "length": 80, "required": true},
                    {"name": "MerchandiseExtID__c", "label": "Merchandise Ext ID", "type": "double", "externalId": true, "unique": true}]},
                  {"name": "Line_Item__c", "label": "Line Item", "fields": [
                    {"name": "Name", "type": "string", "length": 80, "required": true},
                    {"name": "LineItemExtID__c", "label": "Line Item Ext ID", "type": "string", "length": 40, "externalId": true},
                    {"name": "Merchandise__c", "label": "Merchandise", "type": "reference", "referenceTo": "Merchandise__c",
                     "relationshipName": "Merchandise__r"}]}
                ]}
                """);
        String request = Files.readString(FIXTURES.resolve("doc-examples/upsert-request-with-extid-relationship.json"));
        try (SandboxOrg custom = SandboxOrg.start(SandboxOrgSettings.defaults().withSchemaLocation(schema.toString()));
                CamelSalesforce client = CamelSalesforce.connect(custom)) {
            Exchange merchandise = client.call("salesforce:createSObject?sObjectName=Merchandise__c&rawPayload=true",
                    "{\"Name\":\"Wee Widget\",\"MerchandiseExtID__c\":123}", Map.of());
            String merchandiseId = json(merchandise).get("id").asText();

            Exchange created = client.call("salesforce:createSObject?sObjectName=Line_Item__c&rawPayload=true", request, Map.of());
            assertEquals(201, CamelSalesforce.status(created));
            JsonShape.of(fixture("misc/create-201.restforce.json")).assertMatches(json(created));

            Exchange upserted = client.upsert("Line_Item__c", "LineItemExtID__c", "LI-1", request);
            assertEquals(201, CamelSalesforce.status(upserted));
            JsonShape.of(fixture("doc-examples/upsert-201-created.json")).assertMatches(json(upserted));

            assertEquals(2, custom.records("Line_Item__c").size());
            for (Map<String, Object> line : custom.records("Line_Item__c")) {
                assertEquals(merchandiseId, line.get("Merchandise__c"));
                assertEquals("LineItemCreatedViaExtID", line.get("Name"));
            }
        }
    }

    // ---- composite --------------------------------------------------------------------------------

    /**
     * The recording is from a v41.0 org, whose create results carried {@code "warnings": []}; the
     * v66 docs' composite graph example and the restforce create fixture have no such key, and the
     * emulator answers the current shape for every version.
     */
    @Test
    void twoCreatesInACompositeAnswerLikeTheRecordedV41Org() throws Exception {
        JsonNode answer = json(sf.composite("""
                {"allOrNone": false, "compositeRequest": [
                  {"method": "POST", "url": "/services/data/v41.0/sobjects/Account", "referenceId": "NewPayment1",
                   "body": {"Name": "One"}},
                  {"method": "POST", "url": "/services/data/v41.0/sobjects/Account", "referenceId": "NewPayment2",
                   "body": {"Name": "Two"}}]}
                """));
        JsonShape.of(fixture("composite/composite-success-2-creates.camel.json"))
                .except("compositeResponse[].body.warnings", "create results of v41-era orgs; absent from current answers")
                .assertMatches(answer);
        assertEquals(2, org.records("Account").size());
    }

    @Test
    void invalidEmailInACompositeSubrequestAnswersLikeTheDocsExample() throws Exception {
        JsonNode answer = json(sf.composite("""
                {"allOrNone": false, "compositeRequest": [
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Contact", "referenceId": "badContact",
                   "body": {"LastName": "Smith", "Email": "Not a real email address"}}]}
                """));
        JsonNode entry = answer.get("compositeResponse").get(0);
        JsonShape.of(fixture("doc-examples/composite-subrequest-error.json")).assertMatches(entry);
        assertEquals(fixture("doc-examples/composite-subrequest-error.json"), entry);
    }

    /**
     * The recorded OrderItem subrequest carries three errors (a real org reports every failed rule);
     * the emulator stops at the first failed rule, so its body has one error of the same shape.
     */
    @Test
    void orderItemWithoutAPriceBookEntryAnswersLikeTheRecordedCompositeSubrequest() throws Exception {
        String accountId = create("Account", "{\"Name\":\"Acme\"}");
        String orderId = create("Order", "{\"AccountId\":\"" + accountId + "\",\"EffectiveDate\":\"2026-11-25\","
                + "\"Status\":\"Draft\",\"Pricebook2Id\":\"" + org.standardPricebookId() + "\"}");
        JsonNode answer = json(sf.composite("""
                {"allOrNone": false, "compositeRequest": [
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/OrderItem", "referenceId": "orderItemRef0",
                   "body": {"OrderId": "%s", "Quantity": 1, "UnitPrice": 10}}]}
                """.formatted(orderId)));
        ObjectNode recorded = (ObjectNode) fixture("composite/composite-orderitem-errors.pastebin.json");
        recorded.remove("_note"); // the transcriber's note, not part of the answer
        JsonNode entry = answer.get("compositeResponse").get(0);
        JsonShape.of(recorded).assertMatches(entry);
        assertEquals(400, entry.get("httpStatusCode").asInt());
        assertEquals(List.of("PricebookEntryId"),
                JSON.convertValue(entry.get("body").get(0).get("fields"), List.class));
        assertTrue(org.records("OrderItem").isEmpty());
    }

    /**
     * The docs' Case 4: composite allOrNone true around a collection whose second record is a
     * duplicate. The collection's entry keeps its 200 and per-record results, the whole request is
     * rolled back and the next subrequest is PROCESSING_HALTED.
     */
    @Test
    void compositeAllOrNoneWithAFailingCollectionRecordHaltsLikeTheDocsExample() throws Exception {
        create("Account", "{\"Name\":\"Easy Spaces\",\"BillingCity\":\"Calgary\"}");
        org.activateDuplicateRule("Account", "Standard_Account_Duplicate_Rule", true, "Name");
        JsonNode answer = json(sf.composite("""
                {"allOrNone": true, "collateSubrequests": false, "compositeRequest": [
                  {"method": "POST", "url": "/services/data/v60.0/composite/sobjects", "referenceId": "collection1",
                   "body": {"allOrNone": false, "records": [
                     {"attributes": {"type": "Account"}, "Name": "Northern Trail Outfitters", "BillingCity": "San Francisco"},
                     {"attributes": {"type": "Account"}, "Name": "Easy Spaces", "BillingCity": "Calgary"}]}},
                  {"method": "POST", "url": "/services/data/v60.0/sobjects/Contact", "referenceId": "newContact",
                   "body": {"FirstName": "John", "LastName": "Smith"}}]}
                """));
        JsonNode recorded = fixture("doc-examples/composite-allOrNone-true-with-collection.json");
        JsonNode entries = answer.get("compositeResponse");
        JsonShape.of(recorded).assertMatches(answer);
        JsonShape.of(recorded.get("compositeResponse").get(1)).assertMatches(entries.get(1));
        assertEquals(200, entries.get(0).get("httpStatusCode").asInt());
        assertTrue(entries.get(0).get("body").get(0).get("success").asBoolean());
        assertEquals("DUPLICATES_DETECTED", entries.get(0).get("body").get(1).get("errors").get(0).get("statusCode").asText());
        assertEquals(recorded.get("compositeResponse").get(1), entries.get(1));
        assertEquals(1, org.records("Account").size(), "the collection's created account was rolled back");
        assertTrue(org.records("Contact").isEmpty());
    }

    /**
     * The request camel's DTOs serialize (attributes with null referenceId and url; the third
     * subrequest has the url {@code sobjects/null/} because the DTO had no sObject name), sent as it
     * is apart from the Account id, which must be one of this org's. The null sObject does not exist
     * (404), so with allOrNone the account update and the contact are rolled back.
     */
    @Test
    void compositeRequestAsCamelSerializesItIsAcceptedAndAnsweredLikeSalesforce() throws Exception {
        String accountId = create("Account", "{\"Name\":\"Before\"}");
        String request = Files.readString(FIXTURES.resolve("composite/composite-request-as-serialized-by-camel.camel.json"))
                .replace("001xx000003DIpcAAG", accountId);
        JsonNode entries = json(sf.composite(request)).get("compositeResponse");
        assertEquals(3, entries.size());
        assertEquals(List.of("UpdatedAccount", "NewContact", "JunctionRecord"),
                List.of(entries.get(0).get("referenceId").asText(), entries.get(1).get("referenceId").asText(),
                        entries.get(2).get("referenceId").asText()));
        JsonNode halted = fixture("composite/composite-allornone-failure-extid-relationship.camel.json")
                .get("compositeResponse").get(0);
        JsonShape.of(halted).assertMatches(entries.get(0));
        assertEquals(halted.get("body"), entries.get(0).get("body"));
        assertEquals(halted.get("body"), entries.get(1).get("body"));
        assertEquals(404, entries.get(2).get("httpStatusCode").asInt());
        assertEquals(fixture("doc-examples/404-not-found.json"), entries.get(2).get("body"));
        assertEquals("Before", org.records("Account").get(0).get("Name"));
        assertTrue(org.records("Contact").isEmpty());

        ObjectNode withoutJunction = (ObjectNode) JSON.readTree(request);
        ((com.fasterxml.jackson.databind.node.ArrayNode) withoutJunction.get("compositeRequest")).remove(2);
        JsonNode done = json(sf.composite(JSON.writeValueAsString(withoutJunction))).get("compositeResponse");
        assertEquals(204, done.get(0).get("httpStatusCode").asInt());
        assertEquals(201, done.get(1).get("httpStatusCode").asInt());
        assertEquals("Salesforce", org.records("Account").get(0).get("Name"));
        assertEquals("John Doe", org.records("Contact").get(0).get("LastName"));
    }

    // ---- collections ------------------------------------------------------------------------------

    @Test
    void collectionDeleteWithoutIdsAnswersRequiredFieldMissing() throws Exception {
        SalesforceHttp.Answer answer = http.send("DELETE", "/services/data/v60.0/composite/sobjects?ids=", null);
        assertEquals(400, answer.status());
        assertEquals(fixture("collections/delete-400-required-field-missing.restforce.json"), answer.body());

        SalesforceException e = failure(sf.call("salesforce:raw?rawMethod=DELETE&rawPath=/services/data/v60.0/composite/sobjects"
                + "&rawQueryParameters=ids", null, Map.of("ids", "")), SalesforceException.class);
        assertEquals(400, e.getStatusCode());
    }

    // ---- API limits and the versions list -----------------------------------------------------------

    @Test
    void exhaustedDailyLimitAnswersLikeTheDocsExample() throws Exception {
        try (SandboxOrg small = SandboxOrg.start(SandboxOrgSettings.defaults().withDailyApiLimit(1));
                CamelSalesforce client = CamelSalesforce.connect(small)) {
            assertNull(client.call("salesforce:limits?rawPayload=true", null, Map.of()).getException());
            SalesforceException e = failure(client.call("salesforce:limits?rawPayload=true", null, Map.of()),
                    SalesforceException.class);
            assertEquals(403, e.getStatusCode());
            assertEquals("REQUEST_LIMIT_EXCEEDED", e.getErrors().get(0).getErrorCode());

            SalesforceHttp.Answer answer = new SalesforceHttp(small).login().get("/services/data/v60.0/limits/");
            assertEquals(403, answer.status());
            assertEquals(fixture("doc-examples/403-request-limit-exceeded.json"), answer.body());
        }
    }

    @Test
    void limitsAnswerHasTheKeysOfTheRecordedV56DevOrg() throws Exception {
        JsonNode recorded = fixture("limits/limits-v56-dev-org.camel-quarkus.response.json");
        Exchange ex = sf.call("salesforce:limits?rawPayload=true", null, Map.of());
        JsonShape.of(recorded.get("body")).assertMatches(json(ex));
        assertTrue(String.valueOf(ex.getMessage().getHeader("Sforce-Limit-Info")).matches("api-usage=\\d+/\\d+"),
                () -> "Sforce-Limit-Info " + ex.getMessage().getHeader("Sforce-Limit-Info"));
        SalesforceHttp.Answer answer = http.get("/services/data/v56.0/limits/");
        assertTrue(answer.header("Content-Type").startsWith("application/json"));
    }

    /**
     * The older recording predates v56: it has DailyBulkApiRequests (DailyBulkApiBatches since) and
     * StreamingApiConcurrentClients, and lacks the allocations added later. The emulator answers the v56 key set for every version.
     */
    @Test
    void limitsAnswerDiffersFromTheOlderRecordingOnlyInVersionDependentKeys() throws Exception {
        JsonShape shape = JsonShape.of(fixture("limits/limits-dev-org.camel.json"))
                .except("DailyBulkApiRequests", "renamed DailyBulkApiBatches in later versions");
        for (String addedLater : List.of("DailyBulkApiBatches", "DailyBulkV2QueryFileStorageMB", "DailyBulkV2QueryJobs",
                "DailyStandardVolumePlatformEvents", "HourlyLongTermIdMapping", "HourlyPublishedPlatformEvents",
                "HourlyPublishedStandardVolumePlatformEvents", "HourlyShortTermIdMapping",
                "MonthlyPlatformEventsUsageEntitlement")) {
            shape.except(addedLater, "allocation added after the older recording's API version (present in the v56 one)");
        }
        shape.except("StreamingApiConcurrentClients", "no longer reported (absent from the v56 recording)");
        shape.assertMatches(json(sf.call("salesforce:limits?rawPayload=true", null, Map.of())));
    }

    @Test
    void versionsListHasTheRecordedShape() throws Exception {
        JsonNode recorded = fixture("misc/versions.camel-quarkus.response.json");
        Exchange ex = sf.call("salesforce:getVersions?rawPayload=true", null, Map.of());
        JsonNode versions = json(ex);
        JsonShape.of(recorded.get("body")).assertMatches(versions);
        assertEquals(recorded.get("body").get(0), versions.get(1), "Spring '11 is v21.0");
        assertTrue(String.valueOf(ex.getMessage().getHeader("Sforce-Limit-Info")).matches("api-usage=\\d+/\\d+"),
                () -> "Sforce-Limit-Info " + ex.getMessage().getHeader("Sforce-Limit-Info"));
    }

    // ---- OAuth ------------------------------------------------------------------------------------

    private static String clientForm() {
        return "client_id=" + org.settings().clientId() + "&client_secret=" + org.settings().clientSecret();
    }

    /** The restforce fixture is the docs' old example; responses carry token_type since. */
    @Test
    void passwordGrantAnswersLikeTheRestforceFixture() throws Exception {
        SalesforceHttp.Answer answer = http.token("grant_type=password&" + clientForm() + "&username="
                + URLEncoder.encode(org.settings().username(), StandardCharsets.UTF_8) + "&password=" + org.settings().password());
        assertEquals(200, answer.status());
        JsonShape.of(fixture("oauth/password-flow-success.restforce.json"))
                .except("token_type", "added to token responses after the docs example this fixture copies; the recorded "
                        + "sandbox response (sandbox-token-response-with-is_readonly) has it")
                .assertMatches(answer.body());
    }

    @Test
    void wrongPasswordAnswersLikeTheRestforceFixture() throws Exception {
        SalesforceHttp.Answer answer = http.token("grant_type=password&" + clientForm() + "&username="
                + URLEncoder.encode(org.settings().username(), StandardCharsets.UTF_8) + "&password=wrong");
        assertEquals(400, answer.status());
        JsonShape.of(fixture("oauth/password-flow-invalid-grant.restforce.json")).assertMatches(answer.body());
        assertEquals("invalid_grant", answer.body().get("error").asText());
    }

    @Test
    void unknownRefreshTokenAnswersLikeTheRestforceFixture() throws Exception {
        SalesforceHttp.Answer answer = http.token("grant_type=refresh_token&" + clientForm() + "&refresh_token=expired");
        assertEquals(400, answer.status());
        assertEquals(fixture("oauth/refresh-flow-expired-token.restforce.json"), answer.body());
    }

    @Test
    void refreshTokenGrantAnswersLikeTheTutorialSample() throws Exception {
        SalesforceHttp.Answer answer = http.token("grant_type=refresh_token&" + clientForm() + "&refresh_token="
                + SandboxOrg.REFRESH_TOKEN);
        assertEquals(200, answer.status());
        JsonShape.of(fixture("doc-examples/oauth-refresh-200.json")).assertMatches(answer.body());
    }

    @Test
    void clientCredentialsGrantAnswersLikeTheDocsExample() throws Exception {
        SalesforceHttp.Answer answer = http.token("grant_type=client_credentials&" + clientForm());
        assertEquals(200, answer.status());
        JsonShape.of(fixture("doc-examples/oauth-client-credentials-200.json")).assertMatches(answer.body());
    }

    /**
     * Same shape; the text is "audience is invalid" (StackExchange-observed) rather than the Help
     * page's "Audience validation failed": JwtBearerTest pins the former, both are real.
     */
    @Test
    void jwtWithAWrongAudienceAnswersLikeTheDocsExample() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        org.trustJwtSigner(keys.getPublic());
        Base64.Encoder b64 = Base64.getUrlEncoder();
        String claims = "{\"iss\":\"%s\",\"sub\":\"%s\",\"aud\":\"https://example.com\",\"exp\":\"%d\"}".formatted(
                org.settings().clientId(), org.settings().username(), System.currentTimeMillis() / 1000 + 270);
        String signed = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
        String assertion = signed + "." + b64.encodeToString(rsa.sign());

        SalesforceHttp.Answer answer = http.token("grant_type=" + URLEncoder.encode(OAuthEndpoint.JWT_GRANT,
                StandardCharsets.UTF_8) + "&client_id=" + org.settings().clientId() + "&assertion=" + assertion);
        assertEquals(400, answer.status());
        JsonShape.of(fixture("doc-examples/oauth-jwt-400-audience.json")).assertMatches(answer.body());
        assertEquals("invalid_grant", answer.body().get("error").asText());
    }
}
