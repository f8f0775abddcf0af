package io.commercesync.model;

import java.math.BigDecimal;

/**
 * An order's money, all in the order's currency; never {@code double}. {@code fees} are charges beside the
 * goods and shipping (WooCommerce fee lines), null when the store has none.
 */
public record Totals(BigDecimal subtotal, BigDecimal discount, BigDecimal shipping, BigDecimal tax, BigDecimal fees,
                     BigDecimal total) {
}
