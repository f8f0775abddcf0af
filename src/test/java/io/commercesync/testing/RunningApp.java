package io.commercesync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.commercesync.CommerceSyncApplication;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The real application (camel-main, application.properties, routes/*.yaml, the same beans) started in the
 * test JVM against the shared broker and sandbox org. Each instance gets its own HTTP port and its own
 * topic names, so test classes do not see each other's events.
 */
public final class RunningApp implements AutoCloseable {

    private final Main main;
    private final Map<String, String> properties;
    private final int httpPort;

    private RunningApp(Main main, Map<String, String> properties, int httpPort) {
        this.main = main;
        this.properties = properties;
        this.httpPort = httpPort;
    }

    public static RunningApp start() {
        return start(Map.of());
    }

    public static RunningApp start(Map<String, String> overrides) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int httpPort = Integer.parseInt(overrides.getOrDefault("camel.server.port", String.valueOf(freePort())));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.server.port", String.valueOf(httpPort));
        properties.put("camel.server.host", "127.0.0.1");
        properties.put("camel.management.port", String.valueOf(freePort()));
        properties.put("camel.management.host", "127.0.0.1");
        properties.put("commerce.devstack.kafka.enabled", "false");
        properties.put("commerce.devstack.sandbox-org.enabled", "false");
        properties.put("commerce.kafka.brokers", SharedInfrastructure.kafka().bootstrapServers());
        properties.put("commerce.kafka.inbound-topic", "test-" + run + ".commerce.inbound");
        properties.put("commerce.kafka.dead-letter-topic-prefix", "test-" + run + ".commerce.dlq.");
        properties.put("commerce.kafka.group-id", "test-" + run);
        properties.put("commerce.kafka.dedup-topic", "test-" + run + ".commerce.dedup");
        properties.put("commerce.kafka.review-topic", "test-" + run + ".commerce.review");
        properties.put("camel.component.salesforce.login-url", SharedInfrastructure.sandboxOrg().loginUrl());
        properties.put("commerce.sync.retry.initial-delay-ms", "50");
        properties.put("commerce.sync.retry.max-delay-ms", "200");
        properties.putAll(overrides);

        Main main = CommerceSyncApplication.create();
        properties.forEach(main::addOverrideProperty);
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("The application did not start: " + e.getMessage(), e);
        }
        return new RunningApp(main, properties, httpPort);
    }

    /** A new instance of the same app (same topics, group and settings, new ports), as after a restart. */
    public static RunningApp startAgain(RunningApp previous) {
        Map<String, String> same = new LinkedHashMap<>(previous.properties);
        same.put("camel.server.port", String.valueOf(freePort()));
        same.put("camel.management.port", String.valueOf(freePort()));
        return start(same);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + properties.get("camel.management.port");
    }

    public String property(String key) {
        return properties.get(key);
    }

    public String inboundTopic() {
        return properties.get("commerce.kafka.inbound-topic");
    }

    public String deadLetterTopic(String source) {
        return properties.get("commerce.kafka.dead-letter-topic-prefix") + source;
    }

    public String groupId() {
        return properties.get("commerce.kafka.group-id");
    }

    @Override
    public void close() {
        try {
            main.stop();
            main.getCamelContext().getShutdownStrategy().setTimeout(10);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
