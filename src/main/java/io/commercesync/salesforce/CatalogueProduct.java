package io.commercesync.salesforce;

import java.math.BigDecimal;

/**
 * A product as an order line names it: its key (the SKU, or {@code source:store:product:<id>} when the store
 * sent no SKU), a name and a price to create it with when the org does not have it yet.
 */
public record CatalogueProduct(String key, String name, BigDecimal price) {
}
