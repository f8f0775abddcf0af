package io.commercesync.deadletter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.commercesync.verify.WebhookRejectedException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Guards the operators' endpoints: {@code Authorization: Bearer <commerce.admin.token>}, compared in
 * constant time. With no token configured the endpoints refuse every request.
 */
public final class AdminAuthorization implements Processor {

    private final byte[] token;

    public AdminAuthorization(String token) {
        this.token = token == null ? new byte[0] : token.trim().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void process(Exchange exchange) {
        if (token.length == 0) {
            throw WebhookRejectedException.unauthorized("admin_disabled",
                    "The admin API is disabled: set COMMERCE_ADMIN_TOKEN (commerce.admin.token)");
        }
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        byte[] presented = header != null && header.startsWith("Bearer ")
                ? header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(token, presented)) {
            throw WebhookRejectedException.unauthorized("invalid_token", "Authorization: Bearer <admin token> is missing or wrong");
        }
    }
}
