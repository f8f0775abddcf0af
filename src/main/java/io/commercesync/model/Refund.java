package io.commercesync.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Money given back on an order, as a positive amount in {@code currency} (WooCommerce lists refunds on the
 * order with negative totals; they are turned positive here).
 *
 * @param externalId      namespaced refund id ({@link ExternalId})
 * @param orderExternalId the namespaced id of the refunded order
 * @param amount          how much was given back; null when the store does not say (Shopify refunds without a transaction)
 * @param lines           the refunded order lines, when the store lists them
 */
public record Refund(String externalId, String orderExternalId, BigDecimal amount, String currency, String reason,
                     List<RefundedLine> lines, Instant createdAt) {

    public Refund {
        lines = List.copyOf(lines);
    }

    /** One refunded order line: which line, how many, and the amount given back for it (before tax). */
    public record RefundedLine(String lineExternalId, BigDecimal quantity, BigDecimal amount) {
    }
}
