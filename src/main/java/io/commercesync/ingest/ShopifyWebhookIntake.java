package io.commercesync.ingest;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.model.ExternalId;
import io.commercesync.model.Source;
import io.commercesync.verify.HmacSha256;
import io.commercesync.verify.WebhookRejectedException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * First step of {@code shopify-ingest}: checks a Shopify webhook and turns it into an event for
 * {@code commerce.inbound}. In order: JSON content type (415), known shop (401), signature over the exact
 * raw bytes (401), well-formed JSON with an id (400), handled topic (else marked ignored). On success the
 * body is the untouched raw bytes, the Kafka key is {@code shopify:<shop>:<order id>}, and the only headers
 * left are {@link WebhookHeaders}: nothing from the HTTP request leaks into Kafka or back into the response.
 *
 * @see <a href="https://shopify.dev/docs/apps/build/webhooks/subscribe/https">Shopify: verify webhooks (HMAC of the raw body)</a>
 */
public final class ShopifyWebhookIntake implements Processor {

    /** Exchange property set to the topic name when the webhook is valid but not one we sync. */
    public static final String IGNORED_TOPIC = "commerceIgnoredTopic";

    static final Set<String> ORDER_TOPICS = Set.of(
            "orders/create", "orders/updated", "orders/paid", "orders/fulfilled", "orders/cancelled");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShopifyStores stores;

    public ShopifyWebhookIntake(ShopifyStores stores) {
        this.stores = stores;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Instant receivedAt = Instant.now();
        requireJsonContentType(message.getHeader(Exchange.CONTENT_TYPE, String.class));

        // Stream caching is on: convert once to bytes and pin them, so every later step sees the same bytes.
        byte[] raw = message.getBody(byte[].class);
        if (raw == null) {
            raw = new byte[0];
        }
        message.setBody(raw);

        String shop = message.getHeader("X-Shopify-Shop-Domain", String.class);
        HmacSha256 signer = stores.signerFor(shop).orElseThrow(() -> WebhookRejectedException.unauthorized(
                "unknown_shop", shop == null ? "X-Shopify-Shop-Domain is missing"
                        : "Shop " + shop + " is not configured in commerce.shopify.stores"));
        if (!signer.matches(raw, message.getHeader("X-Shopify-Hmac-Sha256", String.class))) {
            throw WebhookRejectedException.unauthorized("invalid_signature",
                    "X-Shopify-Hmac-Sha256 is missing or is not the HMAC-SHA256 of the body with the shop's secret");
        }

        JsonNode payload = parse(raw);
        String topic = message.getHeader("X-Shopify-Topic", String.class);
        String deliveryId = message.getHeader("X-Shopify-Webhook-Id", String.class);
        String eventId = message.getHeader("X-Shopify-Event-Id", String.class);
        String triggeredAt = message.getHeader("X-Shopify-Triggered-At", String.class);

        message.removeHeaders("*");
        if (topic == null || !ORDER_TOPICS.contains(topic)) {
            exchange.setProperty(IGNORED_TOPIC, topic == null ? "(none)" : topic);
            return;
        }
        JsonNode id = payload.get("id");
        if (id == null || !id.isValueNode() || id.asText().isBlank()) {
            throw new WebhookRejectedException(400, "missing_id", "The " + topic + " payload has no \"id\"");
        }
        message.setHeader(KafkaConstants.KEY, ExternalId.of(Source.SHOPIFY, shop.trim().toLowerCase(), id.asText()));
        message.setHeader(WebhookHeaders.SOURCE, Source.SHOPIFY.id());
        message.setHeader(WebhookHeaders.STORE, shop.trim().toLowerCase());
        message.setHeader(WebhookHeaders.TOPIC, topic);
        setIfPresent(message, WebhookHeaders.DELIVERY_ID, deliveryId);
        setIfPresent(message, WebhookHeaders.EVENT_ID, eventId);
        setIfPresent(message, WebhookHeaders.TRIGGERED_AT, triggeredAt);
        message.setHeader(WebhookHeaders.RECEIVED_AT, receivedAt.toString());
        message.setHeader(WebhookHeaders.SIGNATURE_VERIFIED, "true");
    }

    private static void requireJsonContentType(String contentType) {
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new WebhookRejectedException(415, "unsupported_content_type",
                    "Content-Type must be application/json, was " + (contentType == null ? "missing" : contentType));
        }
    }

    private static JsonNode parse(byte[] raw) {
        try {
            JsonNode node = JSON.readTree(raw);
            if (node == null || !node.isObject()) {
                throw new WebhookRejectedException(400, "malformed_json", "The body is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new WebhookRejectedException(400, "malformed_json", "The body is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new WebhookRejectedException(400, "malformed_json", "The body could not be read: " + e.getMessage());
        }
    }

    private static void setIfPresent(Message message, String name, String value) {
        if (value != null && !value.isBlank()) {
            message.setHeader(name, value);
        }
    }
}
