package io.commercesync.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Sends webhooks the way Limio does: POST, the Limio object as JSON, and the Basic Auth credentials of the
 * authentication provider configured in Limio. The event is named in the URL ({@code ?event=}), as each
 * Limio webhook type is given its own destination URL.
 */
public final class LimioWebhookClient {

    public static final String TENANT = "demo.sandbox.limio.com";
    public static final String USERNAME = "demo-limio";
    public static final String PASSWORD = "demo-limio-webhook-password";

    private final WebhookHttp http = new WebhookHttp();
    private final String baseUrl;

    public LimioWebhookClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> send(String event, byte[] body) {
        return send(event, body, basic(USERNAME, PASSWORD));
    }

    /** @param authorization the whole Authorization header, or null for none */
    public HttpResponse<String> send(String event, byte[] body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/webhooks/limio"
                        + (event == null ? "" : "?event=" + event)))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build());
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
