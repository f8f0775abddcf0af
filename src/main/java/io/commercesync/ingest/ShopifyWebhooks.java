package io.commercesync.ingest;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.model.EventKind;
import io.commercesync.model.Source;
import io.commercesync.verify.HmacSha256;
import io.commercesync.verify.WebhookRejectedException;
import org.apache.camel.Message;

/**
 * How Shopify speaks: {@code X-Shopify-Hmac-Sha256} is the base64 HMAC-SHA256 of the raw body with the app's
 * secret for the shop in {@code X-Shopify-Shop-Domain}; {@code X-Shopify-Topic} names the event,
 * {@code X-Shopify-Webhook-Id} the delivery (the same on retries), {@code X-Shopify-Event-Id} the event,
 * {@code X-Shopify-Triggered-At} when it happened. Shopify waits about five seconds for the answer and
 * retries otherwise, which the ingest route meets by never waiting on anything but the Kafka write.
 *
 * @see <a href="https://shopify.dev/docs/apps/build/webhooks/subscribe/https">Shopify: HTTPS delivery, headers and HMAC</a>
 */
public final class ShopifyWebhooks implements StoreWebhooks {

    static final Map<String, EventKind> TOPICS = Map.of(
            "orders/create", EventKind.ORDER,
            "orders/updated", EventKind.ORDER,
            "orders/paid", EventKind.ORDER,
            "orders/fulfilled", EventKind.ORDER,
            "orders/cancelled", EventKind.ORDER_CANCELLED,
            "refunds/create", EventKind.REFUND,
            "customers/create", EventKind.CUSTOMER,
            "customers/update", EventKind.CUSTOMER);

    private final ShopifyStores stores;

    public ShopifyWebhooks(ShopifyStores stores) {
        this.stores = stores;
    }

    @Override
    public Source source() {
        return Source.SHOPIFY;
    }

    @Override
    public String authenticate(Message request, byte[] raw) {
        String shop = request.getHeader("X-Shopify-Shop-Domain", String.class);
        HmacSha256 signer = stores.signerFor(shop).orElseThrow(() -> WebhookRejectedException.unauthorized(
                "unknown_shop", shop == null ? "X-Shopify-Shop-Domain is missing"
                        : "Shop " + shop + " is not configured in commerce.shopify.stores"));
        if (!signer.matches(raw, request.getHeader("X-Shopify-Hmac-Sha256", String.class))) {
            throw WebhookRejectedException.unauthorized("invalid_signature",
                    "X-Shopify-Hmac-Sha256 is missing or is not the HMAC-SHA256 of the body with the shop's secret");
        }
        return ShopifyStores.normalise(shop);
    }

    @Override
    public Delivery describe(Message request, JsonNode payload) {
        String topic = request.getHeader("X-Shopify-Topic", String.class);
        String deliveryId = request.getHeader("X-Shopify-Webhook-Id", String.class);
        EventKind kind = topic == null ? null : TOPICS.get(topic);
        if (kind == null) {
            return Delivery.ignored(topic, deliveryId);
        }
        String keyId = switch (kind) {
            // a refund shares its order's key: same partition, so it is applied after the order
            case REFUND -> PayloadIds.required(payload, topic, "order_id");
            case CUSTOMER -> "customer:" + PayloadIds.required(payload, topic, "id");
            default -> PayloadIds.required(payload, topic, "id");
        };
        return new Delivery(topic, kind, keyId, deliveryId, request.getHeader("X-Shopify-Event-Id", String.class),
                request.getHeader("X-Shopify-Triggered-At", String.class));
    }
}
