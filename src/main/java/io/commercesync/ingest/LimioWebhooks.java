package io.commercesync.ingest;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.mapping.LimioObjects;
import io.commercesync.model.EventKind;
import io.commercesync.model.Source;
import io.commercesync.verify.WebhookRejectedException;
import org.apache.camel.Message;

/**
 * How Limio speaks. Limio checks nothing we could verify over the body: it sends HTTP Basic Auth credentials
 * configured in Limio, and the body is the Limio object the event is about (Customer, Subscription or
 * Order). Limio sends no event-name header either: each webhook type has its own destination URL in Limio
 * (Settings &gt; General Settings &gt; Webhooks), so the event is named in that URL,
 * {@code /webhooks/limio?event=order.submitted}. Without it, the event is told from the object: an Order by
 * its {@code order_type}, a Subscription by its offer and start, a Customer otherwise.
 *
 * @see <a href="https://docs.limio.com/developers/webhooks/using-webhooks">Limio: Using webhooks</a>
 * @see <a href="https://developers.limio.com/webhooks/webhooks-overview">Limio: Webhooks overview (the event types)</a>
 */
public final class LimioWebhooks implements StoreWebhooks {

    /** Limio's webhook types, by the names used in the destination URL. */
    static final Map<String, EventKind> EVENTS = Map.of(
            "customer", EventKind.CUSTOMER,
            "subscription.created", EventKind.ORDER,
            "order.submitted", EventKind.ORDER,
            "order.offer_change", EventKind.ORDER,
            "order.offer_addition", EventKind.ORDER,
            "order.cancellation", EventKind.ORDER_CANCELLED,
            "order.address_change", EventKind.ORDER,
            "order.payment_method_change", EventKind.ORDER);

    private final LimioTenants tenants;

    public LimioWebhooks(LimioTenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public Source source() {
        return Source.LIMIO;
    }

    @Override
    public String authenticate(Message request, byte[] raw) {
        return tenants.tenantFor(request.getHeader("Authorization", String.class)).orElseThrow(() ->
                WebhookRejectedException.unauthorized("invalid_credentials",
                        "Authorization is missing or is not the Basic Auth credentials configured for a Limio tenant"));
    }

    @Override
    public Delivery describe(Message request, JsonNode payload) {
        String named = request.getHeader("event", String.class);
        String event = named != null && !named.isBlank() ? named.trim().toLowerCase(Locale.ROOT) : eventOf(payload);
        EventKind kind = EVENTS.get(event);
        if (kind == null) {
            return Delivery.ignored(event, null);
        }
        String keyId = kind == EventKind.CUSTOMER
                ? "customer:" + LimioObjects.id(payload).orElseThrow(() -> missingId(event))
                : LimioObjects.orderKey(payload).orElseThrow(() -> missingId(event));
        return new Delivery(event, kind, keyId, null, null, null);
    }

    /** The event a Limio object stands for, when the URL does not name it. */
    static String eventOf(JsonNode payload) {
        JsonNode object = LimioObjects.fields(payload);
        String orderType = PayloadIds.optional(object, "order_type");
        if (orderType == null) {
            orderType = PayloadIds.optional(payload, "order_type");
        }
        if (orderType != null) {
            String type = orderType.toLowerCase(Locale.ROOT);
            if (type.contains("cancel")) {
                return "order.cancellation";
            }
            if (type.contains("address")) {
                return "order.address_change";
            }
            if (type.contains("payment")) {
                return "order.payment_method_change";
            }
            if (type.contains("add")) {
                return "order.offer_addition";
            }
            if (type.contains("offer") || type.contains("switch")) {
                return "order.offer_change";
            }
            return "order.submitted";
        }
        if (object.has("orderItems")) {
            return "order.submitted";
        }
        if (object.has("offer") || payload.has("start")) {
            return "subscription.created";
        }
        return "customer";
    }

    private static WebhookRejectedException missingId(String event) {
        return new WebhookRejectedException(400, "missing_id", "The Limio " + event + " object has no id or name");
    }
}
