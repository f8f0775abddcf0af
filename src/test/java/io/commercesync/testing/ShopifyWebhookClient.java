package io.commercesync.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import io.commercesync.verify.HmacSha256;

/** Sends webhooks the way Shopify does: POST, JSON, the shop's HMAC over the exact body, Shopify's headers. */
public final class ShopifyWebhookClient {

    public static final String SHOP = "demo-shop.myshopify.com";
    public static final String SECRET = "demo-shopify-webhook-secret";

    private final WebhookHttp http = new WebhookHttp();
    private final String baseUrl;

    public ShopifyWebhookClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A correctly signed delivery with a fresh webhook id. */
    public HttpResponse<String> send(String topic, byte[] body) {
        return send(topic, body, new HmacSha256(SECRET).sign(body), UUID.randomUUID().toString());
    }

    public HttpResponse<String> send(String topic, byte[] body, String signature, String webhookId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/webhooks/shopify"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Shop-Domain", SHOP)
                .header("X-Shopify-Webhook-Id", webhookId)
                .header("X-Shopify-Event-Id", UUID.randomUUID().toString())
                .header("X-Shopify-API-Version", "2025-07")
                .header("X-Shopify-Triggered-At", "2025-07-01T12:00:00.000000000Z")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Shopify-Hmac-Sha256", signature);
        }
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return http.send(request);
    }
}
