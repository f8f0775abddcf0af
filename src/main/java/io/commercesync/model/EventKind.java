package io.commercesync.model;

/**
 * What a commerce event is about. Only {@link #ORDER} and {@link #ORDER_CANCELLED} carry an {@link Order}
 * that the Salesforce side writes today; the others are ingested and mapped, and their writers come later
 * ({@link CommerceEvent#carriesOrder()} tells them apart).
 */
public enum EventKind {
    /** An order was placed or changed: {@link CommerceEvent#order()}. */
    ORDER,
    /** An order (or a subscription) was cancelled: {@link CommerceEvent#order()} with status CANCELLED. */
    ORDER_CANCELLED,
    /** An order was deleted in the store (WooCommerce {@code order.deleted}): only the order's external id is known. */
    ORDER_DELETED,
    /** Money was given back: {@link CommerceEvent#refund()}. */
    REFUND,
    /** A customer was created or changed, without an order: {@link CommerceEvent#customer()}. */
    CUSTOMER
}
