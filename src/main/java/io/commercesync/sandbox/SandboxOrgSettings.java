package io.commercesync.sandbox;

import java.time.Duration;

/**
 * Settings of a {@link SandboxOrg}: where it listens, the one connected app and user it knows, the
 * daily API allocation, the sliding session timeout and the schema to load.
 *
 * @param schemaLocation {@code null} for the classpath default {@code sandbox/schema.json}, else a file path
 */
public record SandboxOrgSettings(String host, int port, String clientId, String clientSecret,
        String username, String password, long dailyApiLimit, Duration sessionTimeout,
        String schemaLocation) {

    public static SandboxOrgSettings defaults() {
        return new SandboxOrgSettings("127.0.0.1", 0, "sandbox-client-id", "sandbox-client-secret",
                "integration@sandbox.commercesync.dev", "sandbox-password", 15000, Duration.ofHours(2), null);
    }

    public SandboxOrgSettings withPort(int port) {
        return new SandboxOrgSettings(host, port, clientId, clientSecret, username, password, dailyApiLimit,
                sessionTimeout, schemaLocation);
    }

    public SandboxOrgSettings withDailyApiLimit(long limit) {
        return new SandboxOrgSettings(host, port, clientId, clientSecret, username, password, limit,
                sessionTimeout, schemaLocation);
    }

    public SandboxOrgSettings withSessionTimeout(Duration t) {
        return new SandboxOrgSettings(host, port, clientId, clientSecret, username, password, dailyApiLimit,
                t, schemaLocation);
    }

    public SandboxOrgSettings withHost(String host) {
        return new SandboxOrgSettings(host, port, clientId, clientSecret, username, password, dailyApiLimit,
                sessionTimeout, schemaLocation);
    }

    public SandboxOrgSettings withSchemaLocation(String location) {
        return new SandboxOrgSettings(host, port, clientId, clientSecret, username, password, dailyApiLimit,
                sessionTimeout, location);
    }
}
