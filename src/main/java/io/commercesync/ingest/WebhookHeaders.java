package io.commercesync.ingest;

/**
 * Names of the headers an ingested event carries on {@code commerce.inbound} (and, with the error headers,
 * on the dead-letter topics). Values are UTF-8 strings. Never a secret.
 */
public final class WebhookHeaders {

    /** Every Commerce Sync header starts with this. */
    public static final String PREFIX = "commerce-";

    /** {@code shopify}, {@code woocommerce} or {@code limio}. */
    public static final String SOURCE = "commerce-source";
    /** The store within its platform: shop domain, site URL or tenant. */
    public static final String STORE = "commerce-store";
    /** The store's own event name, e.g. {@code orders/create}. */
    public static final String TOPIC = "commerce-topic";
    /**
     * The canonical kind the event becomes ({@code ORDER}, {@code ORDER_CANCELLED}, {@code ORDER_DELETED},
     * {@code REFUND}, {@code CUSTOMER}), as the topic says; lets a consumer skip kinds it does not handle
     * without parsing the body. The mapped event's kind is authoritative (a Shopify order update can turn out
     * to be a cancellation).
     */
    public static final String EVENT_KIND = "commerce-event-kind";
    /** The store's id of this delivery (Shopify {@code X-Shopify-Webhook-Id}, WooCommerce
     * {@code X-WC-Webhook-Delivery-ID}), when it sends one. */
    public static final String DELIVERY_ID = "commerce-delivery-id";
    /** The store's id of the event behind the delivery (Shopify {@code X-Shopify-Event-Id}), when it sends one. */
    public static final String EVENT_ID = "commerce-event-id";
    /** When the store says it triggered the webhook (ISO-8601), when it says so. */
    public static final String TRIGGERED_AT = "commerce-triggered-at";
    /** When Commerce Sync received the webhook (ISO-8601 UTC). */
    public static final String RECEIVED_AT = "commerce-received-at";
    /** {@code true}: the signature was checked before the event was written. */
    public static final String SIGNATURE_VERIFIED = "commerce-signature-verified";

    private WebhookHeaders() {
    }
}
