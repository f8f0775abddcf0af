package io.commercesync.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import io.commercesync.verify.HmacSha256;

/**
 * Sends webhooks the way WooCommerce's {@code WC_Webhook::deliver()} does: POST, JSON, base64 HMAC-SHA256 of
 * the exact body in {@code X-WC-Webhook-Signature}, and its {@code X-WC-Webhook-*} headers; and the ping
 * {@code WC_Webhook::deliver_ping()} sends when a webhook is saved (form body {@code webhook_id=N}, nothing else).
 */
public final class WooCommerceWebhookClient {

    public static final String SOURCE_URL = "https://demo-shop.example.com/";
    public static final String SECRET = "demo-woocommerce-webhook-secret";

    private final WebhookHttp http = new WebhookHttp();
    private final String baseUrl;

    public WooCommerceWebhookClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> send(String topic, byte[] body) {
        return send(topic, body, SOURCE_URL, new HmacSha256(SECRET).sign(body));
    }

    public HttpResponse<String> send(String topic, byte[] body, String sourceUrl, String signature) {
        String[] resourceAndEvent = topic.split("\\.", 2);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/webhooks/woocommerce"))
                .timeout(Duration.ofSeconds(15))
                .header("User-Agent", "WooCommerce/8.0.2 Hookshot (WordPress/6.3)")
                .header("Content-Type", "application/json")
                .header("X-WC-Webhook-Source", sourceUrl)
                .header("X-WC-Webhook-Topic", topic)
                .header("X-WC-Webhook-Resource", resourceAndEvent[0])
                .header("X-WC-Webhook-Event", resourceAndEvent.length > 1 ? resourceAndEvent[1] : "")
                .header("X-WC-Webhook-ID", "12")
                .header("X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString().replace("-", ""))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-WC-Webhook-Signature", signature);
        }
        return send(request.build());
    }

    /** The ping: {@code wp_safe_remote_post($url, ['body' => 'webhook_id=12'])}, sent form-encoded and unsigned. */
    public HttpResponse<String> ping(int webhookId) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/webhooks/woocommerce"))
                .timeout(Duration.ofSeconds(15))
                .header("User-Agent", "WooCommerce/8.0.2 Hookshot (WordPress/6.3)")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("webhook_id=" + webhookId)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return http.send(request);
    }
}
