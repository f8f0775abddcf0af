package io.commercesync.mapping;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.model.Address;
import io.commercesync.model.CommerceEvent;
import io.commercesync.model.Customer;
import io.commercesync.model.EventKind;
import io.commercesync.model.ExternalId;
import io.commercesync.model.Line;
import io.commercesync.model.Order;
import io.commercesync.model.OrderStatus;
import io.commercesync.model.Source;
import io.commercesync.model.Totals;

import static io.commercesync.mapping.JsonFields.decimal;
import static io.commercesync.mapping.JsonFields.decimalAt;
import static io.commercesync.mapping.JsonFields.instant;
import static io.commercesync.mapping.JsonFields.text;

/**
 * Shopify's REST order object (the body of the {@code orders/*} webhooks) to the canonical model.
 * Amounts are taken in the shop's currency ({@code currency}, {@code *_set.shop_money}); the buyer's
 * presentment currency is not what the books are kept in.
 *
 * @see <a href="https://shopify.dev/docs/api/admin-rest/latest/resources/order">Shopify REST Order resource</a>
 */
public final class ShopifyOrderMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    public CommerceEvent toEvent(byte[] body, String store, String deliveryId, Instant receivedAt) {
        JsonNode order;
        try {
            order = JSON.readTree(body);
        } catch (IOException e) {
            throw new MappingException("The Shopify payload is not valid JSON: " + e.getMessage(), e);
        }
        if (order == null || !order.isObject()) {
            throw new MappingException("The Shopify payload is not a JSON object");
        }
        String id = text(order, "id");
        if (id == null) {
            throw new MappingException("The Shopify order has no \"id\"");
        }
        OrderStatus status = status(order);
        EventKind kind = status == OrderStatus.CANCELLED ? EventKind.ORDER_CANCELLED : EventKind.ORDER;
        Instant updatedAt = instant(order, "updated_at");
        return new CommerceEvent(Source.SHOPIFY, store, kind, deliveryId,
                updatedAt != null ? updatedAt : instant(order, "created_at"), receivedAt, toOrder(order, store, id, status));
    }

    private Order toOrder(JsonNode order, String store, String id, OrderStatus status) {
        String currency = text(order, "currency");
        Totals totals = new Totals(
                decimal(order, "subtotal_price"),
                decimal(order, "total_discounts"),
                decimalAt(order, "total_shipping_price_set", "shop_money", "amount"),
                decimal(order, "total_tax"),
                decimal(order, "total_price"));
        List<String> discountCodes = new ArrayList<>();
        for (JsonNode code : order.path("discount_codes")) {
            String value = text(code, "code");
            if (value != null) {
                discountCodes.add(value);
            }
        }
        JsonNode firstShippingLine = order.path("shipping_lines").path(0);
        String number = text(order, "name") != null ? text(order, "name") : text(order, "order_number");
        Instant placedAt = instant(order, "processed_at") != null ? instant(order, "processed_at") : instant(order, "created_at");
        return new Order(ExternalId.of(Source.SHOPIFY, store, id), number, status, currency, totals, discountCodes,
                text(firstShippingLine, "title"), text(order, "note"), placedAt,
                customer(order, store), address(order.get("billing_address")), address(order.get("shipping_address")),
                lines(order, store));
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

    private static Customer customer(JsonNode order, String store) {
        JsonNode customer = order.get("customer");
        JsonNode billing = order.get("billing_address");
        String email = firstNonNull(text(order, "email"), text(order, "contact_email"), text(customer, "email"));
        boolean guest = customer == null || customer.isNull() || text(customer, "id") == null;
        JsonNode names = guest ? billing : customer;
        String firstName = firstNonNull(text(names, "first_name"), text(billing, "first_name"));
        String lastName = firstNonNull(text(names, "last_name"), text(billing, "last_name"));
        String company = firstNonNull(text(billing, "company"), guest ? null : text(customer.get("default_address"), "company"));
        String phone = firstNonNull(guest ? null : text(customer, "phone"), text(order, "phone"), text(billing, "phone"));
        Address address = address(billing != null && !billing.isNull() ? billing : guest ? null : customer.get("default_address"));
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

    private static Address address(JsonNode node) {
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

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
