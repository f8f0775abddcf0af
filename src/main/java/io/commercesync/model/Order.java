package io.commercesync.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order in the canonical model, whatever store it came from.
 *
 * @param externalId          namespaced order id ({@link ExternalId})
 * @param number              the number as the store shows it to people, e.g. {@code #1001}
 * @param sourceStatus        the store's own status words, e.g. {@code paid/fulfilled} or {@code on-hold}
 * @param currency            ISO 4217 code of every amount in the order (the shop's currency)
 * @param presentmentCurrency the currency the buyer saw and paid in, when it differs from {@code currency}
 * @param presentmentTotal    the total in {@code presentmentCurrency}, when it differs
 * @param tags                the store's tags on the order
 * @param refunds             refunds already made on the order, as the order lists them
 */
public record Order(String externalId, String number, OrderStatus status, String sourceStatus, String currency,
                    Totals totals, String presentmentCurrency, BigDecimal presentmentTotal,
                    List<String> discountCodes, String shippingMethod, String note, List<String> tags, Instant placedAt,
                    Customer customer, Address billingAddress, Address shippingAddress, List<Line> lines,
                    List<Refund> refunds) {

    public Order {
        discountCodes = List.copyOf(discountCodes);
        tags = List.copyOf(tags);
        lines = List.copyOf(lines);
        refunds = List.copyOf(refunds);
    }

    /** What a deletion tells: only which order it was. */
    public static Order deleted(String externalId) {
        return new Order(externalId, null, OrderStatus.CANCELLED, "deleted", null,
                new Totals(null, null, null, null, null, null), null, null, List.of(), null, null, List.of(), null,
                null, null, null, List.of(), List.of());
    }
}
