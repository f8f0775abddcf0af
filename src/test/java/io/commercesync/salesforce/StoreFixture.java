package io.commercesync.salesforce;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.testing.Fixtures;

/**
 * A real store payload from src/test/resources/fixtures with a fresh order id (and customer id), so each test
 * writes its own records in the shared sandbox org; the rest of the payload is as the store sent it.
 */
final class StoreFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong NEXT_ID = new AtomicLong(System.currentTimeMillis() * 100);

    final ObjectNode json;
    final long id;

    private StoreFixture(ObjectNode json, long id) {
        this.json = json;
        this.id = id;
    }

    /** The fixture with a new top-level {@code id}, and a new customer id when it has one. */
    static StoreFixture fresh(String path) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(Fixtures.bytes(path));
            long id = NEXT_ID.incrementAndGet();
            json.put("id", id);
            if (json.path("customer").isObject()) {
                ((ObjectNode) json.get("customer")).put("id", id);
            }
            if (json.path("customer_id").asLong() > 0) {
                json.put("customer_id", id);
            }
            return new StoreFixture(json, id);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    StoreFixture with(Consumer<ObjectNode> change) {
        ObjectNode copy = json.deepCopy();
        change.accept(copy);
        return new StoreFixture(copy, id);
    }

    byte[] bytes() {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static BigDecimal amount(Map<String, Object> record, String field) {
        return new BigDecimal(String.valueOf(record.get(field))).stripTrailingZeros();
    }
}
