package io.commercesync.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.model.ExternalId;
import io.commercesync.model.Refund;
import io.commercesync.model.Source;

import static io.commercesync.mapping.JsonFields.decimal;
import static io.commercesync.mapping.JsonFields.decimalAt;
import static io.commercesync.mapping.JsonFields.instant;
import static io.commercesync.mapping.JsonFields.text;
import static io.commercesync.mapping.Payloads.firstNonNull;

/**
 * Shopify's refund object (the {@code refunds/create} body, and each of an order's {@code refunds}) to the
 * canonical refund. The amount is what the successful {@code refund} transactions gave back; refunded lines
 * come from {@code refund_line_items}, whose {@code subtotal} is a string in the REST API and a number in some
 * webhook deliveries (both read). A refund without a transaction (a restock only) has no amount.
 *
 * @see <a href="https://shopify.dev/docs/api/admin-rest/latest/resources/refund">Shopify REST Refund resource</a>
 */
public final class ShopifyRefundMapper {

    public Refund toRefund(JsonNode refund, String store, String orderCurrency) {
        String id = Payloads.requiredId(refund, "id", "Shopify refund");
        String orderId = Payloads.requiredId(refund, "order_id", "Shopify refund");
        BigDecimal amount = null;
        String currency = null;
        for (JsonNode transaction : refund.path("transactions")) {
            if ("refund".equals(text(transaction, "kind")) && "success".equals(text(transaction, "status"))) {
                BigDecimal value = decimal(transaction, "amount");
                if (value != null) {
                    amount = amount == null ? value : amount.add(value);
                    currency = firstNonNull(currency, text(transaction, "currency"));
                }
            }
        }
        List<Refund.RefundedLine> lines = new ArrayList<>();
        for (JsonNode item : refund.path("refund_line_items")) {
            lines.add(new Refund.RefundedLine(ExternalId.of(Source.SHOPIFY, store, "line:" + text(item, "line_item_id")),
                    decimal(item, "quantity"),
                    firstNonNull(decimalAt(item, "subtotal_set", "shop_money", "amount"), decimal(item, "subtotal"))));
        }
        return new Refund(ExternalId.of(Source.SHOPIFY, store, "refund:" + id), ExternalId.of(Source.SHOPIFY, store, orderId),
                amount, firstNonNull(currency, orderCurrency), text(refund, "note"), lines,
                firstNonNull(instant(refund, "processed_at"), instant(refund, "created_at")));
    }
}
