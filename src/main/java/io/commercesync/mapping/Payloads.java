package io.commercesync.mapping;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parsing a stored webhook body, which ingest has already checked is a JSON object. JSON numbers with a
 * fraction are read as exact decimals (a WooCommerce line {@code price: 17.647059}), never through a double.
 */
final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Payloads() {
    }

    static JsonNode object(byte[] body, String what) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw new MappingException("The " + what + " payload is not valid JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new MappingException("The " + what + " payload is not a JSON object");
        }
        return node;
    }

    static String requiredId(JsonNode node, String field, String what) {
        String id = JsonFields.text(node, field);
        if (id == null) {
            throw new MappingException("The " + what + " has no \"" + field + "\"");
        }
        return id;
    }

    @SafeVarargs
    static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
