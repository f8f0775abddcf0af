package io.commercesync.salesforce;

import java.math.BigDecimal;

/**
 * One OpportunityLineItem (or OrderItem) to upsert by {@code externalId}: a product line of the order, the
 * adjustment line, or a refund line (negative price).
 */
public record LineItem(String externalId, CatalogueProduct product, BigDecimal quantity, BigDecimal unitPrice,
                       String description) {
}
