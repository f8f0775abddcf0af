package io.commercesync.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.verify.WebhookRejectedException;

/** The ids a webhook payload must carry to be keyed; a payload without one is a bad request (400). */
final class PayloadIds {

    private PayloadIds() {
    }

    static String required(JsonNode payload, String topic, String field) {
        String id = optional(payload, field);
        if (id == null) {
            throw new WebhookRejectedException(400, "missing_id", "The " + topic + " payload has no \"" + field + "\"");
        }
        return id;
    }

    static String optional(JsonNode node, String field) {
        JsonNode id = node == null ? null : node.get(field);
        if (id == null || !id.isValueNode() || id.isNull() || id.asText().isBlank()) {
            return null;
        }
        return id.asText().trim();
    }
}
