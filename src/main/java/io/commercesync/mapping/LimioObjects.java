package io.commercesync.mapping;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import static io.commercesync.mapping.JsonFields.at;
import static io.commercesync.mapping.JsonFields.firstText;

/**
 * Reading Limio objects as webhooks carry them. Limio sends "the edited item that triggered the webhook",
 * and its public docs show only fragments of those objects: records with {@code id}/{@code name} and their
 * fields either at the top (orders, as the Order API takes them) or under {@code data} (customers and
 * subscriptions, as the Objects API returns them). Both layouts are read.
 *
 * @see <a href="https://developers.limio.com/webhooks/webhooks-overview">Limio: Webhooks overview</a>
 * @see <a href="https://docs.limio.com/api/objects-api/objects">Limio Objects API</a>
 */
public final class LimioObjects {

    private LimioObjects() {
    }

    /** The object's fields: {@code data} when the object wraps them there, else the object itself. */
    public static JsonNode fields(JsonNode object) {
        JsonNode data = object.get("data");
        boolean orderAtTop = object.has("orderItems") || object.has("order_type");
        return data != null && data.isObject() && !orderAtTop ? data : object;
    }

    /** The object's own id: {@code id}, else its {@code name} (Limio's reference, e.g. {@code 3V053CN9SFIG}). */
    public static Optional<String> id(JsonNode object) {
        return Optional.ofNullable(Payloads.firstNonNull(firstText(object, "id", "name"), firstText(fields(object), "id", "name")));
    }

    /**
     * What an order or subscription event is about: the subscription, when the object is one or names one
     * (so a new subscription's order, its offer changes and its cancellation all reach the same canonical
     * order), else the order itself.
     */
    public static Optional<String> orderKey(JsonNode object) {
        JsonNode fields = fields(object);
        JsonNode forSubscription = Payloads.firstNonNull(at(object, "forSubscription"), at(fields, "forSubscription"));
        String subscription = Payloads.firstNonNull(
                forSubscription == null ? null : firstText(forSubscription, "name", "id", "reference"),
                firstText(object, "subscriptionReference", "subscription_reference"),
                firstText(fields, "subscriptionReference", "subscription_reference"));
        if (subscription == null && isSubscription(object)) {
            subscription = firstText(object, "name", "id");
        }
        if (subscription != null) {
            return Optional.of("subscription:" + subscription);
        }
        return Optional.ofNullable(firstText(object, "id", "order_reference", "name")).map(id -> "order:" + id);
    }

    /** A Subscription object: it has a start date and an offer, and no order type. */
    static boolean isSubscription(JsonNode object) {
        return !object.has("order_type") && !object.has("orderItems")
                && (object.has("start") || fields(object).has("offer"));
    }
}
