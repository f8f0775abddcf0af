package io.commercesync.ingest;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.model.ExternalId;
import io.commercesync.verify.WebhookRejectedException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * First step of every {@code <source>-ingest} route: checks a webhook and turns it into an event for
 * {@code commerce.inbound}, the same way for every store. In order: size (413), the platform's ping (plain
 * 200, nothing else), JSON content type (415), the store's signature or credentials over the exact raw
 * bytes (401), well-formed JSON (400, with the parse error's position), handled topic (else marked ignored:
 * 202), the object's id (400). On success the body is the untouched raw bytes, the Kafka key is
 * {@code <source>:<store>:<id>}, and the only headers left are {@link WebhookHeaders}: nothing from the HTTP
 * request leaks into Kafka or back into the response.
 */
public final class WebhookIntake implements Processor {

    /** Exchange property set to the topic name when the webhook is valid but not one we sync. */
    public static final String IGNORED_TOPIC = "commerceIgnoredTopic";
    /** Exchange property set (to the source id) when the request is the platform's ping. */
    public static final String PING = "commercePing";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoreWebhooks platform;
    private final RequestBody body;

    public WebhookIntake(StoreWebhooks platform, RequestBody body) {
        this.platform = platform;
        this.body = body;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Instant receivedAt = Instant.now();
        byte[] raw = body.read(message);
        if (platform.isPing(message, raw)) {
            message.removeHeaders("*");
            exchange.setProperty(PING, platform.source().id());
            return;
        }
        requireJsonContentType(message.getHeader(Exchange.CONTENT_TYPE, String.class));
        String store = platform.authenticate(message, raw);
        JsonNode payload = parse(raw);
        Delivery delivery = platform.describe(message, payload);

        message.removeHeaders("*");
        if (delivery.isIgnored()) {
            exchange.setProperty(IGNORED_TOPIC, delivery.topic() == null ? "(none)" : delivery.topic());
            return;
        }
        message.setHeader(KafkaConstants.KEY, ExternalId.of(platform.source(), store, delivery.keyId()));
        message.setHeader(WebhookHeaders.SOURCE, platform.source().id());
        message.setHeader(WebhookHeaders.STORE, store);
        message.setHeader(WebhookHeaders.TOPIC, delivery.topic());
        message.setHeader(WebhookHeaders.EVENT_KIND, delivery.kind().name());
        setIfPresent(message, WebhookHeaders.DELIVERY_ID, delivery.deliveryId());
        setIfPresent(message, WebhookHeaders.EVENT_ID, delivery.eventId());
        setIfPresent(message, WebhookHeaders.TRIGGERED_AT, delivery.triggeredAt());
        message.setHeader(WebhookHeaders.RECEIVED_AT, receivedAt.toString());
        message.setHeader(WebhookHeaders.SIGNATURE_VERIFIED, "true");
    }

    private static void requireJsonContentType(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
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
        } catch (IOException e) {
            throw new WebhookRejectedException(400, "malformed_json", "The body could not be read: " + e.getMessage());
        }
    }

    private static void setIfPresent(Message message, String name, String value) {
        if (value != null && !value.isBlank()) {
            message.setHeader(name, value);
        }
    }
}
