package io.commercesync.model;

import java.math.BigDecimal;

/** An order's money, all in the order's currency; never {@code double}. */
public record Totals(BigDecimal subtotal, BigDecimal discount, BigDecimal shipping, BigDecimal tax, BigDecimal total) {
}
