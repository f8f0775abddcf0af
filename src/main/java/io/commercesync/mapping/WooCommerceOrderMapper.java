package io.commercesync.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.model.Address;
import io.commercesync.model.Customer;
import io.commercesync.model.ExternalId;
import io.commercesync.model.Line;
import io.commercesync.model.Order;
import io.commercesync.model.OrderStatus;
import io.commercesync.model.Refund;
import io.commercesync.model.Source;
import io.commercesync.model.Totals;

import static io.commercesync.mapping.JsonFields.at;
import static io.commercesync.mapping.JsonFields.decimal;
import static io.commercesync.mapping.JsonFields.firstText;
import static io.commercesync.mapping.JsonFields.text;
import static io.commercesync.mapping.JsonFields.utcInstant;
import static io.commercesync.mapping.Payloads.firstNonNull;

/**
 * WooCommerce's REST order object (the body of the {@code order.*} webhooks, API v3) to the canonical order.
 * Quirks handled: money comes as strings ({@code "29.35"}) and a line's {@code price} as an unrounded number
 * ({@code 17.647059}), read as exact decimals; a guest checkout has {@code customer_id: 0}; refunds are listed
 * on the order with negative totals; times are read from the {@code *_gmt} fields (the others are the site's
 * local time); order-number plugins keep the number people see in {@code meta_data}
 * ({@code _order_number_formatted}).
 *
 * @see <a href="https://woocommerce.github.io/woocommerce-rest-api-docs/#order-properties">WooCommerce REST API: order properties</a>
 */
public final class WooCommerceOrderMapper {

    public Order toOrder(JsonNode order, String site) {
        String id = Payloads.requiredId(order, "id", "WooCommerce order");
        String currency = text(order, "currency");
        String status = text(order, "status");
        BigDecimal fees = sum(order.path("fee_lines"), "total");
        Totals totals = new Totals(sum(order.path("line_items"), "subtotal"), decimal(order, "discount_total"),
                decimal(order, "shipping_total"), decimal(order, "total_tax"), fees, decimal(order, "total"));
        List<String> coupons = new ArrayList<>();
        for (JsonNode coupon : order.path("coupon_lines")) {
            String code = text(coupon, "code");
            if (code != null) {
                coupons.add(code);
            }
        }
        List<Refund> refunds = new ArrayList<>();
        for (JsonNode refund : order.path("refunds")) {
            BigDecimal total = decimal(refund, "total");
            refunds.add(new Refund(ExternalId.of(Source.WOOCOMMERCE, site, "refund:" + text(refund, "id")),
                    ExternalId.of(Source.WOOCOMMERCE, site, id), total == null ? null : total.abs(), currency,
                    // the REST docs call it "refund", WooCommerce itself "reason"
                    firstText(refund, "reason", "refund"), List.of(), null));
        }
        String number = firstNonNull(metaText(order, "_order_number_formatted"), text(order, "number"), id);
        return new Order(ExternalId.of(Source.WOOCOMMERCE, site, id), number, status(status), status, currency, totals,
                null, null, coupons, text(order.path("shipping_lines").path(0), "method_title"), text(order, "customer_note"),
                List.of(), placedAt(order), customer(order, site, id), address(at(order, "billing")), address(at(order, "shipping")),
                lines(order, site), refunds);
    }

    /** When the order was made, in UTC: {@code date_created_gmt}, else {@code date_created} (site time, read as UTC). */
    static Instant placedAt(JsonNode order) {
        return firstNonNull(utcInstant(order, "date_created_gmt"), utcInstant(order, "date_created"));
    }

    static Instant updatedAt(JsonNode order) {
        return firstNonNull(utcInstant(order, "date_modified_gmt"), utcInstant(order, "date_modified"), placedAt(order));
    }

    /**
     * WooCommerce's order statuses: pending (awaiting payment), on-hold (awaiting a manual payment),
     * failed (payment failed; the buyer may pay again) and the checkout drafts are placed; processing is
     * paid; completed is fulfilled and done; cancelled, refunded, and trash are what they say. A status
     * added by a plugin is treated as placed (the store's word is kept in {@code sourceStatus}).
     *
     * @see <a href="https://woocommerce.com/document/managing-orders/order-statuses/">WooCommerce order statuses</a>
     */
    static OrderStatus status(String status) {
        if (status == null) {
            return OrderStatus.PLACED;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "processing" -> OrderStatus.PAID;
            case "completed" -> OrderStatus.CLOSED;
            case "cancelled", "trash" -> OrderStatus.CANCELLED;
            case "refunded" -> OrderStatus.REFUNDED;
            default -> OrderStatus.PLACED; // pending, on-hold, failed, checkout-draft, draft, plugin statuses
        };
    }

    private static Customer customer(JsonNode order, String site, String orderId) {
        JsonNode billing = at(order, "billing");
        String email = text(billing, "email");
        String customerId = text(order, "customer_id");
        boolean guest = customerId == null || "0".equals(customerId);
        String externalId;
        if (!guest) {
            externalId = ExternalId.of(Source.WOOCOMMERCE, site, customerId);
        } else if (email != null) {
            externalId = ExternalId.of(Source.WOOCOMMERCE, site, "guest:" + email.toLowerCase(Locale.ROOT));
        } else {
            externalId = ExternalId.of(Source.WOOCOMMERCE, site, "guest-order:" + orderId);
        }
        return new Customer(externalId, guest, email, text(billing, "first_name"), text(billing, "last_name"),
                text(billing, "company"), text(billing, "phone"), address(billing));
    }

    static Address address(JsonNode node) {
        if (node == null) {
            return null;
        }
        String street = text(node, "address_1");
        String line2 = text(node, "address_2");
        if (street != null && line2 != null) {
            street = street + "\n" + line2;
        }
        Address address = new Address(street, text(node, "city"), text(node, "state"), text(node, "postcode"), text(node, "country"));
        return address.isEmpty() ? null : address;
    }

    private static List<Line> lines(JsonNode order, String site) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode item : order.path("line_items")) {
            lines.add(new Line(ExternalId.of(Source.WOOCOMMERCE, site, "line:" + text(item, "id")), text(item, "sku"),
                    text(item, "product_id"), text(item, "name"), decimal(item, "quantity"), decimal(item, "price"),
                    decimal(item, "total")));
        }
        return lines;
    }

    /** The sum of a field over an array of lines; null when there are no lines. */
    private static BigDecimal sum(JsonNode lines, String field) {
        BigDecimal sum = null;
        for (JsonNode line : lines) {
            BigDecimal value = decimal(line, field);
            if (value != null) {
                sum = sum == null ? value : sum.add(value);
            }
        }
        return sum;
    }

    /** A {@code meta_data} entry's value as text, when it is a plain value. */
    static String metaText(JsonNode order, String key) {
        for (JsonNode meta : order.path("meta_data")) {
            if (key.equals(text(meta, "key"))) {
                return text(meta, "value");
            }
        }
        return null;
    }
}
