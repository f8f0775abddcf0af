package io.commercesync.model;

import java.math.BigDecimal;

/** One order line: {@code unitPrice} and {@code lineTotal} are in the order's currency. */
public record Line(String externalId, String sku, String productId, String name, BigDecimal quantity,
                   BigDecimal unitPrice, BigDecimal lineTotal) {
}
