package io.commercesync.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.camel.CamelContext;

/**
 * The Limio tenants this installation accepts. Limio authenticates webhooks with HTTP Basic Auth set up in
 * Limio (Settings &gt; Authentication Provider &gt; Basic Auth), not with a signature:
 * <pre>
 * commerce.limio.stores.&lt;name&gt;.tenant=acme.prod.limio.com
 * commerce.limio.stores.&lt;name&gt;.username={{env:LIMIO_ACME_USERNAME}}
 * commerce.limio.stores.&lt;name&gt;.password={{env:LIMIO_ACME_PASSWORD}}
 * </pre>
 * Credentials are compared in constant time, and every tenant is compared whatever matches first, so the
 * answer's timing does not tell which user names exist.
 *
 * @see <a href="https://docs.limio.com/developers/webhooks/using-webhooks">Limio: Using webhooks (authenticating webhooks)</a>
 */
public final class LimioTenants {

    static final String PREFIX = "commerce.limio.stores.";

    private record Tenant(String id, byte[] usernameDigest, byte[] passwordDigest) {
    }

    /** One tenant's configuration. */
    public record Credentials(String tenant, String username, String password) {
    }

    private final List<Tenant> tenants;

    public LimioTenants(List<Credentials> credentials) {
        List<Tenant> list = new ArrayList<>();
        for (Credentials c : credentials) {
            if (c.password() == null || c.password().isEmpty()) {
                throw new IllegalArgumentException("Limio tenant " + c.tenant() + " has an empty password");
            }
            list.add(new Tenant(c.tenant().trim().toLowerCase(Locale.ROOT), digest(c.username()), digest(c.password())));
        }
        this.tenants = List.copyOf(list);
    }

    public static LimioTenants fromProperties(CamelContext context) {
        List<Credentials> credentials = new ArrayList<>();
        ConfiguredStores.read(context, "limio").forEach((name, store) -> credentials.add(new Credentials(
                ConfiguredStores.required(store, PREFIX, name, "tenant"),
                ConfiguredStores.required(store, PREFIX, name, "username"),
                ConfiguredStores.required(store, PREFIX, name, "password"))));
        return new LimioTenants(credentials);
    }

    /** The tenant whose credentials an {@code Authorization: Basic …} header carries, if any. */
    public Optional<String> tenantFor(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        byte[] username = digest(decoded.substring(0, colon));
        byte[] password = digest(decoded.substring(colon + 1));
        String match = null;
        for (Tenant tenant : tenants) {
            boolean userMatches = MessageDigest.isEqual(tenant.usernameDigest(), username);
            boolean passwordMatches = MessageDigest.isEqual(tenant.passwordDigest(), password);
            if (userMatches & passwordMatches && match == null) {
                match = tenant.id();
            }
        }
        return Optional.ofNullable(match);
    }

    public int size() {
        return tenants.size();
    }

    /** Digests have one length whatever the input's, so the comparison's time says nothing about lengths either. */
    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
