package io.commercesync.deadletter;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.verify.WebhookRejectedException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * {@code POST /admin/dead-letters/replay} with a JSON body
 * {@code {"source":"shopify","errorCode":…,"from":…,"to":…,"orderId":…,"dryRun":true}}: runs a replay and
 * answers its summary, with the matching records. A bad filter is a 400 with the reason.
 */
public final class ReplayEndpoint implements Processor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeadLetterReplay replay;

    public ReplayEndpoint(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        ReplayFilter filter = filter(message.getBody(byte[].class));
        ReplaySummary summary;
        try {
            summary = replay.run(filter, ReplayProgress.NONE);
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException(404, "no_such_topic", e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", summary.topic());
        body.put("dryRun", summary.dryRun());
        body.put("read", summary.read());
        body.put("replayed", summary.replayed());
        body.put("skipped", summary.skipped());
        body.put("failed", summary.failed());
        List<Map<String, Object>> records = summary.letters().stream().map(letter -> {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("key", letter.key());
            record.put("partition", letter.partition());
            record.put("offset", letter.offset());
            record.put("deadLetteredAt", letter.deadLetteredAt().toString());
            record.put("errorCode", letter.errorCode());
            record.put("replayCount", letter.replayCount());
            return record;
        }).toList();
        body.put("records", records);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(JSON.writeValueAsString(body));
    }

    private static ReplayFilter filter(byte[] body) {
        JsonNode json;
        try {
            json = body == null || body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new WebhookRejectedException(400, "malformed_json", "The body is not valid JSON: " + e.getMessage());
        }
        try {
            return new ReplayFilter(text(json, "source"), text(json, "errorCode"), instant(json, "from"), instant(json, "to"),
                    text(json, "orderId"), json.path("dryRun").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException(400, "invalid_filter", e.getMessage());
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static Instant instant(JsonNode json, String field) {
        String value = text(json, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' must be an ISO-8601 instant such as 2026-11-25T10:00:00Z, was " + value);
        }
    }
}
