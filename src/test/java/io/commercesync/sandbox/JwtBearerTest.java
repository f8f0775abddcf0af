package io.commercesync.sandbox;

import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JwtBearerTest {

    @TempDir
    static Path dir;
    private static Path keystore;
    private static PublicKey publicKey;
    private static java.security.PrivateKey privateKey;

    /** A connected app's key pair, made with the JDK's keytool as an admin would. */
    @BeforeAll
    static void keyPair() throws Exception {
        keystore = dir.resolve("jwt.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "sf", "-keyalg", "RSA", "-keysize", "2048", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-dname", "CN=sandbox", "-validity", "2")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), output);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        publicKey = ks.getCertificate("sf").getPublicKey();
        privateKey = (java.security.PrivateKey) ks.getKey("sf", "changeit".toCharArray());
    }

    /** A JWT as camel builds it: padded base64url segments, exp as a string. */
    private static String jwt(String claims) throws Exception {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder();
        String signed = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes()) + "." + b64.encodeToString(claims.getBytes());
        java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
        rsa.initSign(privateKey);
        rsa.update(signed.getBytes());
        return signed + "." + b64.encodeToString(rsa.sign());
    }

    private static String tokenError(SandboxOrg org, String assertion) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(org.loginUrl() + "/services/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type="
                                + java.net.URLEncoder.encode(OAuthEndpoint.JWT_GRANT, "UTF-8") + "&assertion=" + assertion))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    @Test
    void claimsAreCheckedLikeSalesforce() throws Exception {
        try (SandboxOrg org = SandboxOrg.start(SandboxOrgSettings.defaults())) {
            org.trustJwtSigner(publicKey);
            String user = org.settings().username();
            String client = org.settings().clientId();
            long future = System.currentTimeMillis() / 1000 + 270;
            String good = "{\"iss\":\"%s\",\"sub\":\"%s\",\"aud\":\"%s\",\"exp\":\"%d\"}";
            assertEquals(200, Integer.parseInt(tokenError(org, jwt(good.formatted(client, user, org.loginUrl(), future)))
                    .substring(0, 3)));
            assertEquals("400 {\"error\":\"invalid_grant\",\"error_description\":\"expired authorization code\"}",
                    tokenError(org, jwt(good.formatted(client, user, org.loginUrl(), future - 600))));
            assertEquals("400 {\"error\":\"invalid_grant\",\"error_description\":\"audience is invalid\"}",
                    tokenError(org, jwt(good.formatted(client, user, "https://example.com", future))));
            assertEquals("400 {\"error\":\"invalid_grant\",\"error_description\":\"user hasn't approved this consumer\"}",
                    tokenError(org, jwt(good.formatted(client, "someone@else", org.loginUrl(), future))));
            assertEquals("400 {\"error\":\"invalid_client_id\",\"error_description\":\"client identifier invalid\"}",
                    tokenError(org, jwt(good.formatted("other-app", user, org.loginUrl(), future))));
        }
    }

    @Test
    void camelLogsInWithAJwtSignedByTheRegisteredCertificate() {
        try (SandboxOrg org = SandboxOrg.start(SandboxOrgSettings.defaults())) {
            org.trustJwtSigner(publicKey);
            try (CamelSalesforce sf = CamelSalesforce.withJwt(org, keystore, "changeit")) {
                sf.startCamel();
                Exchange ex = sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"Acme\"}");
                assertNull(ex.getException());
                assertEquals(201, CamelSalesforce.status(ex));
                org.expireSessions();
                assertNull(sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"Acme\"}").getException(),
                        "re-login with a fresh assertion");
            }
        }
    }

    @Test
    void aJwtFromAnotherKeyIsAnInvalidAssertion() throws Exception {
        try (SandboxOrg org = SandboxOrg.start(SandboxOrgSettings.defaults())) {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            org.trustJwtSigner(gen.generateKeyPair().getPublic());
            CamelSalesforce sf = CamelSalesforce.withJwt(org, keystore, "changeit");
            Exception e = assertThrows(Exception.class, sf::startCamel);
            Throwable cause = e;
            while (cause != null && !(cause instanceof SalesforceException)) {
                cause = cause.getCause();
            }
            SalesforceException sfe = assertInstanceOf(SalesforceException.class, cause);
            assertEquals("invalid_grant", sfe.getErrors().get(0).getErrorCode());
            assertEquals("Login error code:[invalid_grant] description:[invalid assertion]", sfe.getErrors().get(0).getMessage());
            sf.close();
        }
    }
}
