package io.commercesync.model;

/** What a commerce event is about. */
public enum EventKind {
    ORDER, ORDER_CANCELLED, REFUND, CUSTOMER
}
