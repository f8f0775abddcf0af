package io.commercesync.model;

/** Where an order is in its life, the same for every store. */
public enum OrderStatus {
    PLACED, PAID, SHIPPED, DELIVERED, CLOSED, CANCELLED, REFUNDED
}
