package io.commercesync.salesforce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import io.commercesync.model.CommerceEvent;
import io.commercesync.model.Line;
import io.commercesync.model.Order;
import io.commercesync.model.Refund;

/**
 * The line items an order becomes. Salesforce makes an Opportunity's Amount the sum of its lines, so the
 * lines add up to what the store says the order is worth now:
 * <ul>
 *   <li>one line per order line with a quantity: Quantity and UnitPrice (the store's unit price, to the
 *   cent), never TotalPrice;</li>
 *   <li>the adjustment line ({@code commerce.sync.adjustment-sku}): the order total minus those lines, that
 *   is shipping, tax and fees less order discounts, when it is not zero;</li>
 *   <li>one negative line per refund ({@code commerce.sync.refund-sku}) with the refund's details.</li>
 * </ul>
 */
public final class OrderLineItems {

    private static final BigDecimal ONE = BigDecimal.ONE;

    private OrderLineItems() {
    }

    public static List<LineItem> of(CommerceEvent event, SalesforceSettings settings) {
        Order order = event.order();
        List<LineItem> items = new ArrayList<>();
        BigDecimal linesTotal = BigDecimal.ZERO;
        for (Line line : order.lines()) {
            if (line.quantity() == null || line.quantity().signum() <= 0) {
                continue;
            }
            BigDecimal unitPrice = cents(line.unitPrice() != null ? line.unitPrice()
                    : line.lineTotal() != null ? line.lineTotal().divide(line.quantity(), 2, RoundingMode.HALF_UP) : BigDecimal.ZERO);
            linesTotal = linesTotal.add(unitPrice.multiply(line.quantity()));
            CatalogueProduct product = new CatalogueProduct(productKey(event, line), line.name(), unitPrice);
            items.add(new LineItem(lineKey(order.externalId(), line.externalId()), product, line.quantity(), unitPrice, line.name()));
        }
        if (!settings.adjustmentSku().isBlank() && order.totals().total() != null) {
            BigDecimal adjustment = cents(order.totals().total()).subtract(linesTotal);
            if (adjustment.signum() != 0) {
                items.add(new LineItem(order.externalId() + ":adjustment",
                        new CatalogueProduct(settings.adjustmentSku(), "Shipping, tax, fees and discounts", BigDecimal.ZERO),
                        ONE, cents(adjustment), "Shipping, tax, fees and discounts of order " + order.number()));
            }
        }
        for (Refund refund : order.refunds()) {
            refundLine(order.externalId(), refund, settings).ifPresent(items::add);
        }
        return items;
    }

    /** The negative line of a refund; none when the store did not say how much (Shopify restock-only refunds). */
    public static java.util.Optional<LineItem> refundLine(String orderExternalId, Refund refund, SalesforceSettings settings) {
        if (refund.amount() == null || refund.amount().signum() == 0) {
            return java.util.Optional.empty();
        }
        String details = "Refund " + refund.externalId().substring(refund.externalId().lastIndexOf(':') + 1)
                + (refund.createdAt() == null ? "" : " on " + refund.createdAt())
                + ": " + refund.amount().toPlainString() + (refund.currency() == null ? "" : " " + refund.currency())
                + (refund.reason() == null || refund.reason().isBlank() ? "" : " (" + refund.reason().strip() + ")");
        return java.util.Optional.of(new LineItem(lineKey(orderExternalId, refund.externalId()),
                new CatalogueProduct(settings.refundSku(), "Refund", BigDecimal.ZERO),
                ONE, cents(refund.amount()).negate(), details));
    }

    /**
     * A line's key in Salesforce, scoped by its order ({@code shopify:acme.myshopify.com:1001:line:7}): a store's
     * line and refund ids are its own, and two orders never share a line item.
     */
    static String lineKey(String orderExternalId, String externalId) {
        String[] parts = externalId.split(":", 3);
        return orderExternalId + ":" + (parts.length == 3 ? parts[2] : externalId);
    }

    /** The SKU, or when the store sent none, the store's product id (or the line's name) in the store's namespace. */
    static String productKey(CommerceEvent event, Line line) {
        if (line.sku() != null && !line.sku().isBlank()) {
            return line.sku().strip();
        }
        String prefix = event.source().id() + ":" + event.store() + ":";
        if (line.productId() != null && !line.productId().isBlank()) {
            return prefix + "product:" + line.productId();
        }
        return prefix + "item:" + (line.name() == null ? line.externalId() : line.name().strip());
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
