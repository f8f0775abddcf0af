package io.commercesync.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading optional values out of store JSON, where fields are often null, empty strings or numbers as strings. */
final class JsonFields {

    private JsonFields() {
    }

    /** The text at {@code field}, or null when missing, JSON null or blank. */
    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    /** The first of {@code fields} that has a text, or null. */
    static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The node at a path of fields, or null when any step is missing or JSON null. */
    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String field : path) {
            if (current == null || current.isNull()) {
                return null;
            }
            current = current.get(field);
        }
        return current == null || current.isNull() ? null : current;
    }

    /** A decimal from a string ("199.00") or a number, at {@code field} or the first field that has one. */
    static BigDecimal firstDecimal(JsonNode node, String... fields) {
        for (String field : fields) {
            BigDecimal value = decimal(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A decimal from a string ("199.00") or a number; null when absent. */
    static BigDecimal decimal(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new MappingException("Field \"" + field + "\" is not a number: " + text);
        }
    }

    /** A decimal at a path of fields, e.g. total_shipping_price_set.shop_money.amount. */
    static BigDecimal decimalAt(JsonNode node, String... path) {
        JsonNode current = node;
        for (int i = 0; i < path.length - 1 && current != null; i++) {
            current = current.get(path[i]);
        }
        return current == null ? null : decimal(current, path[path.length - 1]);
    }

    /**
     * A time as stores write it: ISO-8601 with an offset or {@code Z}, or without one (WooCommerce's
     * {@code *_gmt} fields, Limio dates), which is then read as UTC; a plain date is its start in UTC.
     */
    static Instant utcInstant(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException notADateTime) {
                try {
                    return java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notADate) {
                    throw new MappingException("Field \"" + field + "\" is not an ISO-8601 time: " + text);
                }
            }
        }
    }

    /** An ISO-8601 time with offset ("2021-12-31T19:00:00-05:00") as an Instant; null when absent. */
    static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new MappingException("Field \"" + field + "\" is not an ISO-8601 time: " + text);
        }
    }
}
