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
import static io.commercesync.mapping.JsonFields.decimalAt;
import static io.commercesync.mapping.JsonFields.firstText;
import static io.commercesync.mapping.JsonFields.instant;
import static io.commercesync.mapping.JsonFields.text;
import static io.commercesync.mapping.Payloads.firstNonNull;

/**
 * Shopify's REST order object (the body of the {@code orders/*} webhooks) to the canonical order.
 * Amounts are taken in the shop's currency ({@code currency}, {@code *_set.shop_money}), the currency the
 * books are kept in; when the buyer paid in another ({@code presentment_currency}), that currency and the
 * total in it ({@code total_price_set.presentment_money}) are kept beside.
 *
 * @see <a href="https://shopify.dev/docs/api/admin-rest/latest/resources/order">Shopify REST Order resource</a>
 */
public final class ShopifyOrderMapper {

    private final ShopifyRefundMapper refunds = new ShopifyRefundMapper();

    public Order toOrder(JsonNode order, String store) {
        String id = Payloads.requiredId(order, "id", "Shopify order");
        String currency = text(order, "currency");
        Totals totals = new Totals(
                decimal(order, "subtotal_price"),
                decimal(order, "total_discounts"),
                decimalAt(order, "total_shipping_price_set", "shop_money", "amount"),
                decimal(order, "total_tax"),
                null,
                decimal(order, "total_price"));
        String presentment = text(order, "presentment_currency");
        boolean otherPresentment = presentment != null && !presentment.equalsIgnoreCase(String.valueOf(currency));
        List<String> discountCodes = new ArrayList<>();
        for (JsonNode code : order.path("discount_codes")) {
            String value = text(code, "code");
            if (value != null) {
                discountCodes.add(value);
            }
        }
        List<Refund> orderRefunds = new ArrayList<>();
        for (JsonNode refund : order.path("refunds")) {
            orderRefunds.add(refunds.toRefund(refund, store, currency));
        }
        String number = firstText(order, "name", "order_number");
        Instant placedAt = firstNonNull(instant(order, "processed_at"), instant(order, "created_at"));
        return new Order(ExternalId.of(Source.SHOPIFY, store, id), number, status(order), sourceStatus(order), currency,
                totals, otherPresentment ? presentment : null,
                otherPresentment ? decimalAt(order, "total_price_set", "presentment_money", "amount") : null,
                discountCodes, text(order.path("shipping_lines").path(0), "title"), text(order, "note"), tags(text(order, "tags")),
                placedAt, customer(order, store), address(order.get("billing_address")), address(order.get("shipping_address")),
                lines(order, store), orderRefunds);
    }

    /**
     * Cancelled wins, then money (refunded), then goods (fulfilled), then money again (paid). A closed
     * (archived) order that is paid and fulfilled is done.
     */
    static OrderStatus status(JsonNode order) {
        if (text(order, "cancelled_at") != null) {
            return OrderStatus.CANCELLED;
        }
        String financial = lower(text(order, "financial_status"));
        String fulfillment = lower(text(order, "fulfillment_status"));
        if ("refunded".equals(financial)) {
            return OrderStatus.REFUNDED;
        }
        boolean paid = "paid".equals(financial) || "partially_refunded".equals(financial);
        if ("fulfilled".equals(fulfillment)) {
            return paid && text(order, "closed_at") != null ? OrderStatus.CLOSED : OrderStatus.SHIPPED;
        }
        return paid ? OrderStatus.PAID : OrderStatus.PLACED;
    }

    /** Shopify's own words: {@code financial_status/fulfillment_status}, {@code unfulfilled} for a null fulfillment. */
    private static String sourceStatus(JsonNode order) {
        String financial = text(order, "financial_status");
        String fulfillment = text(order, "fulfillment_status");
        String status = (financial == null ? "unknown" : financial) + "/" + (fulfillment == null ? "unfulfilled" : fulfillment);
        return text(order, "cancelled_at") != null ? "cancelled:" + status : status;
    }

    /** Shopify tags are one comma-separated string. */
    static List<String> tags(String tags) {
        List<String> list = new ArrayList<>();
        if (tags != null) {
            for (String tag : tags.split(",")) {
                if (!tag.isBlank()) {
                    list.add(tag.trim());
                }
            }
        }
        return list;
    }

    private static Customer customer(JsonNode order, String store) {
        JsonNode customer = at(order, "customer");
        JsonNode billing = at(order, "billing_address");
        String email = firstNonNull(text(order, "email"), text(order, "contact_email"), text(customer, "email"));
        boolean guest = customer == null || text(customer, "id") == null;
        JsonNode names = guest ? billing : customer;
        String firstName = firstNonNull(text(names, "first_name"), text(billing, "first_name"));
        String lastName = firstNonNull(text(names, "last_name"), text(billing, "last_name"));
        String company = firstNonNull(text(billing, "company"), guest ? null : text(customer.get("default_address"), "company"));
        String phone = firstNonNull(guest ? null : text(customer, "phone"), text(order, "phone"), text(billing, "phone"));
        Address address = address(billing != null ? billing : guest ? null : customer.get("default_address"));
        String externalId;
        if (!guest) {
            externalId = ExternalId.of(Source.SHOPIFY, store, text(customer, "id"));
        } else if (email != null) {
            externalId = ExternalId.of(Source.SHOPIFY, store, "guest:" + email.toLowerCase(Locale.ROOT));
        } else {
            externalId = ExternalId.of(Source.SHOPIFY, store, "guest-order:" + text(order, "id"));
        }
        return new Customer(externalId, guest, email, firstName, lastName, company, phone, address);
    }

    static Address address(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String street = text(node, "address1");
        String line2 = text(node, "address2");
        if (street != null && line2 != null) {
            street = street + "\n" + line2;
        }
        Address address = new Address(street, text(node, "city"), text(node, "province"), text(node, "zip"),
                text(node, "country"));
        return address.isEmpty() ? null : address;
    }

    private static List<Line> lines(JsonNode order, String store) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode item : order.path("line_items")) {
            BigDecimal quantity = decimal(item, "quantity");
            BigDecimal price = decimal(item, "price");
            BigDecimal discount = decimal(item, "total_discount");
            BigDecimal total = quantity == null || price == null ? null
                    : price.multiply(quantity).subtract(discount == null ? BigDecimal.ZERO : discount);
            lines.add(new Line(ExternalId.of(Source.SHOPIFY, store, "line:" + text(item, "id")), text(item, "sku"),
                    text(item, "product_id"), firstNonNull(text(item, "name"), text(item, "title")), quantity, price, total));
        }
        return lines;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
