package io.commercesync.model;

import java.time.Instant;

/**
 * One thing that happened in a store, in the canonical model.
 *
 * @param store           the store within its platform: a Shopify shop domain, a WooCommerce site URL, a Limio tenant
 * @param deliveryId      the store's id of this webhook delivery, when it sends one
 * @param sourceUpdatedAt when the store last changed the object, used to ignore events older than Salesforce's copy
 * @param receivedAt      when Commerce Sync received the webhook
 */
public record CommerceEvent(Source source, String store, EventKind kind, String deliveryId,
                            Instant sourceUpdatedAt, Instant receivedAt, Order order) {
}
