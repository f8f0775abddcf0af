package io.commercesync.model;

import java.time.Instant;
import java.util.List;

/**
 * An order in the canonical model, whatever store it came from.
 *
 * @param externalId namespaced order id ({@link ExternalId})
 * @param number     the number as the store shows it to people, e.g. {@code #1001}
 * @param currency   ISO 4217 code of every amount in the order
 */
public record Order(String externalId, String number, OrderStatus status, String currency, Totals totals,
                    List<String> discountCodes, String shippingMethod, String note, Instant placedAt,
                    Customer customer, Address billingAddress, Address shippingAddress, List<Line> lines) {

    public Order {
        discountCodes = List.copyOf(discountCodes);
        lines = List.copyOf(lines);
    }
}
