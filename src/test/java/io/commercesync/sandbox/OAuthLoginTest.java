package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OAuthLoginTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private SandboxOrg org;

    @BeforeEach
    void start() {
        org = SandboxOrg.start(SandboxOrgSettings.defaults());
    }

    @AfterEach
    void stop() {
        org.close();
    }

    private HttpResponse<String> token(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(org.loginUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String passwordForm(String password) {
        SandboxOrgSettings s = org.settings();
        return "client_id=" + s.clientId() + "&format=json&client_secret=" + s.clientSecret()
                + "&grant_type=password&username=" + s.username().replace("@", "%40") + "&password=" + password;
    }

    @Test
    void camelStartsAndLogsInWithTheConfiguredCredentials() {
        try (CamelSalesforce sf = CamelSalesforce.connect(org)) {
            Exchange ex = sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"Acme\"}");
            assertNull(ex.getException());
            assertEquals(201, CamelSalesforce.status(ex));
        }
    }

    @Test
    void wrongPasswordStopsCamelFromStartingWithInvalidGrant() {
        CamelSalesforce sf = CamelSalesforce.withPassword(org, "not-the-password");
        Exception e = assertThrows(Exception.class, sf::startCamel);
        Throwable cause = e;
        while (cause != null && !(cause instanceof SalesforceException)) {
            cause = cause.getCause();
        }
        SalesforceException sfe = assertInstanceOf(SalesforceException.class, cause, () -> "cause chain of " + e);
        assertEquals(400, sfe.getStatusCode());
        assertEquals("invalid_grant", sfe.getErrors().get(0).getErrorCode());
        assertEquals("Login error code:[invalid_grant] description:[authentication failure]",
                sfe.getErrors().get(0).getMessage());
        sf.close();
    }

    @Test
    void refreshTokenGrantLogsCamelIn() {
        try (CamelSalesforce sf = CamelSalesforce.withRefreshToken(org)) {
            Exchange ex = sf.upsert("Account", "Commerce_Customer_Id__c", "C-2", "{\"Name\":\"Acme\"}");
            assertNull(ex.getException());
            assertEquals(201, CamelSalesforce.status(ex));
        }
    }

    @Test
    void tokenResponseHasTheSalesforceShapeAndAValidSignature() throws Exception {
        HttpResponse<String> r = token(passwordForm(org.settings().password()));
        assertEquals(200, r.statusCode());
        JsonNode body = JSON.readTree(r.body());
        Set<String> keys = new TreeSet<>();
        body.fieldNames().forEachRemaining(keys::add);
        assertEquals(new TreeSet<>(List.of("access_token", "instance_url", "id", "token_type", "issued_at", "signature")), keys);
        assertEquals(org.loginUrl(), body.get("instance_url").asText());
        assertEquals("Bearer", body.get("token_type").asText());
        String id = body.get("id").asText();
        assertTrue(id.matches("http://127\\.0\\.0\\.1:\\d+/id/00D[0-9A-Za-z]{15}/005[0-9A-Za-z]{15}"), id);
        assertTrue(SalesforceIds.isWellFormed(org.orgId()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(org.settings().clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((id + body.get("issued_at").asText()).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, body.get("signature").asText());
        // the keys camel and other clients rely on are those of the recorded fixture
        JsonNode fixture = JSON.readTree(Files.readString(
                Path.of("../shared/fixtures/salesforce/oauth/sandbox-token-response-with-is_readonly.camel.json")));
        for (String k : keys) {
            assertNotNull(fixture.get(k), k);
        }
    }

    @Test
    void wrongCredentialsAnswerExactlyErrorAndDescription() throws Exception {
        HttpResponse<String> r = token(passwordForm("wrong"));
        assertEquals(400, r.statusCode());
        assertEquals(JSON.readTree("{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}"),
                JSON.readTree(r.body()));
    }

    @Test
    void unknownGrantTypeIsUnsupported() throws Exception {
        HttpResponse<String> r = token("grant_type=magic&client_id=" + org.settings().clientId());
        assertEquals(400, r.statusCode());
        assertEquals("unsupported_grant_type", JSON.readTree(r.body()).get("error").asText());
    }

    @Test
    void revokedTokenIsRejectedWithInvalidSessionId() throws Exception {
        String token = JSON.readTree(token(passwordForm(org.settings().password())).body()).get("access_token").asText();
        HttpRequest get = HttpRequest.newBuilder(URI.create(org.loginUrl() + "/services/data/v60.0/limits/"))
                .header("Authorization", "Bearer " + token).build();
        assertEquals(200, http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> revoke = http.send(HttpRequest.newBuilder(URI.create(org.loginUrl()
                + "/services/oauth2/revoke?token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, revoke.statusCode());
        HttpResponse<String> after = http.send(get, HttpResponse.BodyHandlers.ofString());
        assertEquals(401, after.statusCode());
        assertEquals(JSON.readTree(Files.readString(Path.of("../shared/fixtures/salesforce/doc-examples/401-session-expired.json"))),
                JSON.readTree(after.body()));
    }

    @Test
    void requestsWithoutATokenAreRejectedButTheVersionsListIsOpen() throws Exception {
        HttpResponse<String> noAuth = http.send(HttpRequest.newBuilder(URI.create(org.loginUrl()
                + "/services/data/v60.0/sobjects")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, noAuth.statusCode());
        HttpResponse<String> versions = http.send(HttpRequest.newBuilder(URI.create(org.loginUrl()
                + "/services/data/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, versions.statusCode());
        JsonNode list = JSON.readTree(versions.body());
        assertTrue(list.isArray());
        assertEquals(JSON.readTree("{\"label\":\"Winter '11\",\"url\":\"/services/data/v20.0\",\"version\":\"20.0\"}"), list.get(0));
        assertEquals("Spring '24", list.get(40).get("label").asText());
        assertEquals("60.0", list.get(40).get("version").asText());
        assertEquals(0, org.apiCalls());
    }

    @Test
    void theXSfdcSessionHeaderAndTheOAuthSchemeAreAccepted() throws Exception {
        String token = JSON.readTree(token(passwordForm(org.settings().password())).body()).get("access_token").asText();
        for (String[] h : new String[][] {{"X-SFDC-Session", token}, {"Authorization", "OAuth " + token}}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(org.loginUrl()
                    + "/services/data/v60.0/limits/")).header(h[0], h[1]).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), h[0]);
        }
    }
}
