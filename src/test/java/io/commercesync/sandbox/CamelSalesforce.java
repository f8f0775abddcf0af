package io.commercesync.sandbox;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.impl.DefaultCamelContext;

import java.util.Map;

/** A CamelContext whose camel-salesforce component talks to a sandbox org: the client under test. */
final class CamelSalesforce implements AutoCloseable {

    final DefaultCamelContext camel = new DefaultCamelContext();
    private ProducerTemplate template;

    private CamelSalesforce(SandboxOrg org, String apiVersion, boolean lazyLogin, AuthenticationType auth,
            String password) {
        this(org, org.settings(), org.loginUrl(), apiVersion, lazyLogin, auth, password);
    }

    private CamelSalesforce(SandboxOrg org, SandboxOrgSettings s, String loginUrl, String apiVersion, boolean lazyLogin,
            AuthenticationType auth, String password) {
        SalesforceComponent sf = new SalesforceComponent();
        sf.setLoginUrl(loginUrl);
        sf.setClientId(s.clientId());
        sf.setClientSecret(s.clientSecret());
        if (auth == AuthenticationType.REFRESH_TOKEN) {
            sf.setRefreshToken(SandboxOrg.REFRESH_TOKEN);
        } else {
            sf.setUserName(s.username());
            sf.setPassword(password);
        }
        sf.setAuthenticationType(auth);
        sf.setLazyLogin(lazyLogin);
        SalesforceEndpointConfig config = new SalesforceEndpointConfig();
        config.setApiVersion(apiVersion);
        sf.setConfig(config);
        camel.addComponent("salesforce", sf);
    }

    static CamelSalesforce connect(SandboxOrg org) {
        return connect(org, "60.0");
    }

    static CamelSalesforce connect(SandboxOrg org, String apiVersion) {
        return start(new CamelSalesforce(org, apiVersion, false, AuthenticationType.USERNAME_PASSWORD,
                org.settings().password()));
    }

    static CamelSalesforce withPassword(SandboxOrg org, String password) {
        return new CamelSalesforce(org, "60.0", false, AuthenticationType.USERNAME_PASSWORD, password);
    }

    /** JWT bearer flow with a PKCS12 keystore holding one key entry. */
    static CamelSalesforce withJwt(SandboxOrg org, java.nio.file.Path keystore, String password) {
        CamelSalesforce client = new CamelSalesforce(org, "60.0", false, AuthenticationType.JWT, null);
        SalesforceComponent sf = client.camel.getComponent("salesforce", SalesforceComponent.class);
        sf.setPassword(null);
        org.apache.camel.support.jsse.KeyStoreParameters ks = new org.apache.camel.support.jsse.KeyStoreParameters();
        ks.setResource("file:" + keystore.toAbsolutePath());
        ks.setPassword(password);
        ks.setType("PKCS12");
        sf.setKeystore(ks);
        return client;
    }

    /** lazyLogin=true against a login URL that may not be up yet (settings as the org will have them). */
    static CamelSalesforce lazy(SandboxOrgSettings settings, String loginUrl) {
        CamelSalesforce client = new CamelSalesforce(null, settings, loginUrl, "60.0", true,
                AuthenticationType.USERNAME_PASSWORD, settings.password());
        client.startCamel();
        return client;
    }

    static CamelSalesforce withRefreshToken(SandboxOrg org) {
        return start(new CamelSalesforce(org, "60.0", false, AuthenticationType.REFRESH_TOKEN, null));
    }

    private static CamelSalesforce start(CamelSalesforce client) {
        client.startCamel();
        return client;
    }

    void startCamel() {
        camel.start();
        template = camel.createProducerTemplate();
    }

    /** Sends a body (and headers) to a salesforce: endpoint; the returned exchange may carry an exception. */
    Exchange call(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, ex -> {
            ex.getMessage().setBody(body);
            ex.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    Exchange upsert(String sObject, String extIdField, String value, String json) {
        return call("salesforce:upsertSObject?sObjectName=" + sObject + "&sObjectIdName=" + extIdField
                + "&rawPayload=true", json, Map.of("sObjectIdValue", value));
    }

    Exchange getByExternalId(String sObject, String extIdField, String value) {
        return call("salesforce:getSObjectWithId?sObjectName=" + sObject + "&sObjectIdName=" + extIdField
                + "&rawPayload=true", null, Map.of("sObjectIdValue", value));
    }

    Exchange composite(String json) {
        return call("salesforce:composite?rawPayload=true", json, Map.of());
    }

    static String body(Exchange ex) {
        return ex.getMessage().getBody(String.class);
    }

    static int status(Exchange ex) {
        return ex.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    @Override
    public void close() {
        camel.stop();
    }
}
