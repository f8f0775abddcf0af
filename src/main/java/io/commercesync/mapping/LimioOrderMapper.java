package io.commercesync.mapping;

import java.math.BigDecimal;
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
import io.commercesync.model.Source;
import io.commercesync.model.Totals;

import static io.commercesync.mapping.JsonFields.at;
import static io.commercesync.mapping.JsonFields.decimal;
import static io.commercesync.mapping.JsonFields.firstDecimal;
import static io.commercesync.mapping.JsonFields.firstText;
import static io.commercesync.mapping.JsonFields.text;
import static io.commercesync.mapping.JsonFields.utcInstant;
import static io.commercesync.mapping.Payloads.firstNonNull;

/**
 * Limio Order and Subscription objects to the canonical order. A subscription is an order like any other:
 * one canonical order per subscription ({@link LimioObjects#orderKey}), which the new-subscription order,
 * offer changes and additions, address and payment changes update and a cancellation cancels. Order fields
 * follow Limio's Order API ({@code orderItems}, {@code customerDetails}, {@code billingDetails},
 * {@code deliveryDetails}, {@code orderDate}, {@code total}, {@code orderDiscount}).
 *
 * @see <a href="https://docs.limio.com/api/orders-api/orders">Limio Order API</a>
 */
public final class LimioOrderMapper {

    public Order toOrder(JsonNode object, String tenant, boolean cancellation) {
        JsonNode order = LimioObjects.fields(object);
        String key = LimioObjects.orderKey(object).orElseThrow(() -> new MappingException("The Limio object has no id or name"));
        String orderType = firstText(order, "order_type", "orderType");
        JsonNode items = order.path("orderItems");
        String currency = firstNonNull(text(at(order, "total"), "currency"), text(at(items.path(0), "price"), "currency"),
                firstText(order, "currency"));
        if (currency != null) {
            currency = currency.toUpperCase(Locale.ROOT);
        }
        BigDecimal total = firstNonNull(decimal(at(order, "total"), "amount"),
                order.path("total").isValueNode() ? decimal(order, "total") : null, sumOfItems(items));
        List<String> discounts = new ArrayList<>();
        String discount = text(at(order, "orderDiscount"), "name");
        if (discount != null) {
            discounts.add(discount);
        }
        String status = firstText(order, "status", "payment_status");
        String sourceStatus = orderType == null ? status : orderType + (status == null ? "" : "/" + status);
        JsonNode billing = at(order, "billingDetails");
        return new Order(ExternalId.of(Source.LIMIO, tenant, key),
                firstNonNull(firstText(object, "order_reference", "name", "id"), firstText(order, "name")),
                status(orderType, status, order, cancellation), sourceStatus, currency,
                new Totals(null, null, null, null, null, total), null, null, discounts, null, null, List.of(),
                firstNonNull(utcInstant(order, "orderDate"), utcInstant(object, "start"), utcInstant(order, "start"),
                        utcInstant(object, "created")),
                customer(object, order, tenant, key), address(billing), address(at(order, "deliveryDetails")),
                lines(items, tenant, key), List.of());
    }

    static OrderStatus status(String orderType, String status, JsonNode order, boolean cancellation) {
        if (cancellation || orderType != null && orderType.toLowerCase(Locale.ROOT).contains("cancel")) {
            return OrderStatus.CANCELLED;
        }
        String payment = firstText(order, "payment_status");
        String state = (status == null ? "" : status.toLowerCase(Locale.ROOT)) + " " + (payment == null ? "" : payment.toLowerCase(Locale.ROOT));
        if (state.contains("paid") || state.contains("succe") || state.contains("complete") || state.contains("active")) {
            return OrderStatus.PAID;
        }
        return OrderStatus.PLACED;
    }

    private static Customer customer(JsonNode object, JsonNode order, String tenant, String key) {
        JsonNode details = firstNonNull(at(order, "customerDetails"), at(order, "billingDetails"));
        JsonNode billing = at(order, "billingDetails");
        String email = firstNonNull(text(details, "email"), text(billing, "email"));
        String customerId = firstNonNull(text(at(order, "customer"), "id"), firstText(order, "customer", "customerId", "owner"),
                firstText(object, "owner"));
        String externalId;
        boolean guest = customerId == null;
        if (!guest) {
            externalId = ExternalId.of(Source.LIMIO, tenant, customerId);
        } else if (email != null) {
            externalId = ExternalId.of(Source.LIMIO, tenant, "guest:" + email.toLowerCase(Locale.ROOT));
        } else {
            externalId = ExternalId.of(Source.LIMIO, tenant, "guest-" + key);
        }
        return new Customer(externalId, guest, email,
                firstNonNull(text(details, "firstName"), text(billing, "firstName")),
                firstNonNull(text(details, "lastName"), text(billing, "lastName")),
                firstNonNull(firstText(details, "companyName", "company"), text(billing, "company")),
                firstNonNull(text(details, "phone"), text(billing, "phone")), address(billing));
    }

    static Address address(JsonNode details) {
        if (details == null) {
            return null;
        }
        String street = text(details, "address1");
        String line2 = text(details, "address2");
        if (street != null && line2 != null) {
            street = street + "\n" + line2;
        }
        Address address = new Address(street, text(details, "city"), text(details, "state"), text(details, "postalCode"),
                text(details, "country"));
        return address.isEmpty() ? null : address;
    }

    private static List<Line> lines(JsonNode items, String tenant, String key) {
        List<Line> lines = new ArrayList<>();
        int index = 0;
        for (JsonNode item : items) {
            JsonNode offer = at(item, "offer");
            JsonNode product = item.path("products").path(0);
            BigDecimal quantity = firstNonNull(decimal(item, "quantity"), BigDecimal.ONE);
            BigDecimal price = decimal(at(item, "price"), "amount");
            String lineId = firstNonNull(text(item, "id"), text(offer, "id"), String.valueOf(index));
            lines.add(new Line(ExternalId.of(Source.LIMIO, tenant, key + ":line:" + lineId),
                    text(at(product, "attributes"), "product_code__limio"), text(offer, "id"),
                    firstNonNull(text(item, "name"), text(offer, "name")), quantity, price,
                    price == null ? null : price.multiply(quantity)));
            index++;
        }
        return lines;
    }

    private static BigDecimal sumOfItems(JsonNode items) {
        BigDecimal sum = null;
        for (JsonNode item : items) {
            BigDecimal price = decimal(at(item, "price"), "amount");
            if (price != null) {
                BigDecimal quantity = firstDecimal(item, "quantity");
                sum = (sum == null ? BigDecimal.ZERO : sum).add(quantity == null ? price : price.multiply(quantity));
            }
        }
        return sum;
    }
}
