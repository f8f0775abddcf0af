package io.commercesync.sync;

import io.commercesync.ingest.WebhookHeaders;
import io.commercesync.model.CommerceEvent;
import io.commercesync.model.Source;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Names each event so that a store's redelivery of it is recognised by the idempotent consumer in
 * {@code sync-orders} and costs no second Salesforce call ({@link #HEADER}).
 * <ul>
 *   <li>Shopify keeps {@code X-Shopify-Webhook-Id} when it retries a delivery: that id is the key.</li>
 *   <li>Other stores (WooCommerce's {@code X-WC-Webhook-Delivery-ID} is a hash of the webhook id and the
 *   current second, so it changes on a retry): the kind and external id of what the event is about with
 *   the store's own updated-at, which a redelivery of the same change repeats and a new change does not.</li>
 * </ul>
 */
public final class DeduplicationKey implements Processor {

    public static final String HEADER = "commerce-dedup-key";

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        CommerceEvent event = message.getBody(CommerceEvent.class);
        String deliveryId = message.getHeader(WebhookHeaders.DELIVERY_ID, String.class);
        String key;
        if (event.source() == Source.SHOPIFY && deliveryId != null) {
            key = event.source().id() + ":" + event.store() + ":delivery:" + deliveryId;
        } else {
            key = event.kind() + ":" + event.subjectId() + "@" + event.sourceUpdatedAt();
        }
        message.setHeader(HEADER, key);
    }
}
