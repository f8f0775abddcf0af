package io.commercesync.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox org: a stateful, in-process emulation of a Salesforce org's OAuth and REST API that
 * camel-salesforce cannot tell from a real one. The login URL and the instance URL are the same
 * server. See docs/sandbox-org.md.
 */
public final class SandboxOrg implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxOrg.class);

    static {
        // The JDK server flushes the response headers before the body; without TCP_NODELAY, Nagle and the
        // client's delayed ACK add ~40 ms to every keep-alive response. Read once, when HttpServer first loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** The one refresh token the org accepts for grant_type=refresh_token. */
    public static final String REFRESH_TOKEN = "sandbox-refresh-token";

    private final SandboxOrgSettings settings;
    private final Schema schema;
    private final RecordStore store;
    private final ApiLimits limits;
    private final Sessions sessions;
    private final Faults faults = new Faults();
    private final String orgId;
    private final String userId;
    private final HttpServer server;
    private final ExecutorService executor;
    private final OAuthEndpoint oauth;
    private final DataApi dataApi;
    private final AdminEndpoint admin;
    private final RecordRules rules;
    private final SObjectResource sobjects;
    private volatile String standardPricebookId;
    private final DuplicateRules duplicates;

    private SandboxOrg(SandboxOrgSettings settings, Clock clock) throws IOException {
        this.settings = settings;
        ObjectMapper json = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.schema = Schema.load(settings.schemaLocation(), json);
        SalesforceIds ids = new SalesforceIds();
        this.orgId = SalesforceIds.fixed("00D", 1);
        this.userId = SalesforceIds.fixed("005", 1);
        this.store = new RecordStore(ids, userId, clock);
        this.limits = new ApiLimits(settings.dailyApiLimit(), clock);
        this.sessions = new Sessions(orgId, settings.sessionTimeout(), clock);
        this.rules = new RecordRules(schema, store);
        this.duplicates = new DuplicateRules(store);
        this.sobjects = new SObjectResource(schema, store, rules, limits, duplicates);
        this.dataApi = new DataApi(sessions, limits, faults, store, sobjects, json);
        dataApi.attach(new CompositeResource(dataApi, store, new CollectionsResource(schema, store, sobjects),
                new TreeResource(schema, store, sobjects), new BatchResource(dataApi)), new QueryResource(schema, store));
        this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "sandbox-org-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.oauth = new OAuthEndpoint(settings, sessions, orgId, userId, this::loginUrl, clock, json);
        this.admin = new AdminEndpoint(this, json);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        this.standardPricebookId = rules.seedStandardPricebook();
        rules.seedRecordTypes();
    }

    /** Starts an org listening on {@code settings.host():settings.port()} (port 0 = ephemeral). */
    public static SandboxOrg start(SandboxOrgSettings settings) {
        return start(settings, Clock.systemUTC());
    }

    /** Starts an org whose sessions, API window and timestamps follow {@code clock} (for tests). */
    static SandboxOrg start(SandboxOrgSettings settings, Clock clock) {
        try {
            SandboxOrg org = new SandboxOrg(settings, clock);
            org.server.start();
            LOG.info("sandbox org {} listening on {} (user {}, daily API limit {})", org.orgId, org.loginUrl(),
                    settings.username(), settings.dailyApiLimit());
            return org;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start sandbox org on " + settings.host() + ":" + settings.port(), e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/services/oauth2/")) {
                oauth.handle(exchange);
            } else if (path.equals("/services/data") || path.startsWith("/services/data/")) {
                dataApi.handle(exchange);
            } else if (path.startsWith("/__sandbox/")) {
                admin.handle(exchange);
            } else {
                ApiErrors.notFound().toResponse().writeTo(exchange, new ObjectMapper());
            }
        } catch (RuntimeException e) {
            LOG.error("unexpected failure serving {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            exchange.sendResponseHeaders(500, -1);
        }
    }

    /** {@code http://host:port}: the login URL and also the instance URL. */
    public String loginUrl() {
        return "http://" + settings.host() + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SandboxOrgSettings settings() {
        return settings;
    }

    /** The 18-char org id ({@code 00D…}) that appears in the token response's {@code id} URL. */
    public String orgId() {
        return orgId;
    }

    /** The 18-char id ({@code 005…}) of the integration user. */
    public String userId() {
        return userId;
    }

    /** API calls counted since start or the last {@link #reset()} (the 24-hour window is in Sforce-Limit-Info). */
    public long apiCalls() {
        return limits.used();
    }

    /** Whether the schema knows the sObject type (case-insensitive). */
    public boolean hasSObject(String sObject) {
        return schema.object(sObject).isPresent();
    }

    /**
     * The live records of a type, each with {@code Id}, system fields and the non-null field values
     * as Salesforce's JSON carries them (numbers as Double/Integer, dates as ISO strings, lookups as ids).
     */
    public List<Map<String, Object>> records(String sObject) {
        SObjectSchema type = schema.object(sObject)
                .orElseThrow(() -> new IllegalArgumentException("unknown sObject " + sObject));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : store.all(type.name())) {
            out.add(view(type, r));
        }
        return Collections.unmodifiableList(out);
    }

    /** The first live record whose external-id (or any) field equals {@code value}, case-insensitively. */
    public Optional<Map<String, Object>> findByExternalId(String sObject, String field, String value) {
        SObjectSchema type = schema.object(sObject)
                .orElseThrow(() -> new IllegalArgumentException("unknown sObject " + sObject));
        FieldSpec f = type.field(field).orElseThrow(() -> new IllegalArgumentException(
                "no field " + field + " on " + type.name()));
        return store.findBy(type.name(), f.name(), value).stream().findFirst().map(r -> view(type, r));
    }

    private static Map<String, Object> view(SObjectSchema type, Map<String, Object> r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : r.entrySet()) {
            if (e.getValue() != null) {
                m.put(e.getKey(), type.field(e.getKey()).map(f -> SObjectResource.jsonValue(f, e.getValue()))
                        .orElse(e.getValue()));
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Registers the connected app's certificate key for the JWT bearer flow (camel
     * {@code authenticationType=JWT} with a keystore holding the matching private key).
     */
    public void trustJwtSigner(java.security.PublicKey key) {
        oauth.trustJwtSigner(key);
        LOG.info("JWT bearer flow enabled ({} key)", key.getAlgorithm());
    }

    /**
     * Activates a duplicate rule on {@code sObject}: a save whose {@code matchFields} all equal
     * (case-insensitively) another record's is refused with 400 DUPLICATES_DETECTED. An alerting rule
     * ({@code block=false}, like Salesforce's standard rules) lets the save through when the request
     * sends {@code Sforce-Duplicate-Rule-Header: allowSave=true}; a blocking rule never does.
     * Rules survive {@link #reset()}; {@link #deactivateDuplicateRules()} removes them.
     */
    public void activateDuplicateRule(String sObject, String ruleName, boolean block, String... matchFields) {
        SObjectSchema type = schema.object(sObject)
                .orElseThrow(() -> new IllegalArgumentException("unknown sObject " + sObject));
        List<String> fields = new ArrayList<>();
        for (String f : matchFields) {
            fields.add(type.field(f).orElseThrow(() -> new IllegalArgumentException("no field " + f + " on " + sObject))
                    .name());
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a duplicate rule needs match fields");
        }
        duplicates.activate(new DuplicateRules.Rule(type.name(), ruleName, ruleName.replace("Duplicate_Rule", "Match_Rule"),
                List.copyOf(fields), block));
    }

    public void deactivateDuplicateRules() {
        duplicates.clear();
    }

    public Faults faults() {
        return faults;
    }

    /** Every access token issued so far becomes invalid; camel's next call gets 401 and logs in again. */
    public void expireSessions() {
        sessions.expireAll();
        LOG.info("all sessions expired");
    }

    /** Id of the org's standard price book ({@code Pricebook2} with {@code IsStandard=true}, active). */
    public String standardPricebookId() {
        return standardPricebookId;
    }

    /**
     * Id of the Account record type with {@code IsPersonType=true} ({@code DeveloperName PersonAccount}),
     * or {@code null} when the schema has person accounts off.
     */
    public String personAccountRecordTypeId() {
        return rules.personAccountRecordTypeId();
    }

    /**
     * Deletes all records (then re-seeds the standard price book and record types), zeroes the API
     * call counter and clears queued faults. Duplicate rules stay active (they are configuration).
     */
    public void reset() {
        store.clear();
        standardPricebookId = rules.seedStandardPricebook();
        rules.seedRecordTypes();
        limits.reset();
        faults.clear();
        LOG.info("sandbox org reset");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        LOG.info("sandbox org on port {} stopped", server.getAddress().getPort());
    }

    /** Standalone: {@code --port 8444} (default 8444); prints the connection settings and runs until killed. */
    public static void main(String[] args) {
        SandboxOrgSettings settings = SandboxOrgSettings.defaults().withPort(8444);
        String jwtCert = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> settings = settings.withPort(Integer.parseInt(args[++i]));
                case "--host" -> settings = settings.withHost(args[++i]);
                case "--daily-api-limit" -> settings = settings.withDailyApiLimit(Long.parseLong(args[++i]));
                case "--schema" -> settings = settings.withSchemaLocation(args[++i]);
                case "--jwt-cert" -> jwtCert = args[++i];
                default -> {
                    System.err.println("usage: SandboxOrg [--port 8444] [--host 127.0.0.1] [--daily-api-limit 15000] [--schema file.json]"
                            + " [--jwt-cert connected-app.crt]");
                    System.exit(2);
                }
            }
        }
        SandboxOrg org = start(settings);
        if (jwtCert != null) {
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(jwtCert))) {
                org.trustJwtSigner(java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificate(in).getPublicKey());
            } catch (IOException | java.security.GeneralSecurityException e) {
                System.err.println("cannot read JWT certificate " + jwtCert + ": " + e);
                System.exit(2);
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            org.close();
            stopped.countDown();
        }, "sandbox-org-shutdown"));
        SandboxOrgSettings s = org.settings();
        System.out.println("Sandbox org running. Login URL (also instance URL): " + org.loginUrl());
        System.out.println("  client id:     " + s.clientId());
        System.out.println("  client secret: " + s.clientSecret());
        System.out.println("  username:      " + s.username());
        System.out.println("  password:      " + s.password());
        System.out.println("  refresh token: " + REFRESH_TOKEN);
        System.out.println("  admin API:     " + org.loginUrl() + "/__sandbox/calls");
        System.out.println();
        System.out.println("# paste into application.properties");
        System.out.println("camel.component.salesforce.loginUrl=" + org.loginUrl());
        System.out.println("camel.component.salesforce.authenticationType=USERNAME_PASSWORD");
        System.out.println("camel.component.salesforce.clientId=" + s.clientId());
        System.out.println("camel.component.salesforce.clientSecret=" + s.clientSecret());
        System.out.println("camel.component.salesforce.userName=" + s.username());
        System.out.println("camel.component.salesforce.password=" + s.password());
        System.out.println("camel.component.salesforce.apiVersion=60.0");
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
