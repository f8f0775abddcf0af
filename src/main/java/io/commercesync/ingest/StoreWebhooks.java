package io.commercesync.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.model.Source;
import org.apache.camel.Message;

/**
 * How one store platform speaks: how it proves a request is its own, how it names events and deliveries.
 * {@link WebhookIntake} does the rest, the same for every platform.
 */
public interface StoreWebhooks {

    Source source();

    /**
     * A request the platform sends to test the endpoint, which must get a plain 200 and go no further
     * (WooCommerce's ping when a webhook is saved). Called before any other check, on the raw request.
     */
    default boolean isPing(Message request, byte[] raw) {
        return false;
    }

    /**
     * Checks the request's signature or credentials and names the store that sent it (shop domain, site,
     * tenant), as it appears in external ids. @throws io.commercesync.verify.WebhookRejectedException 401
     */
    String authenticate(Message request, byte[] raw);

    /** The delivery's topic, ids and key. @throws io.commercesync.verify.WebhookRejectedException 400 for a payload without its id */
    Delivery describe(Message request, JsonNode payload);
}
