package io.commercesync.salesforce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Salesforce's answer to a {@code /composite} request: {@code {"compositeResponse":[{body, httpHeaders,
 * httpStatusCode, referenceId}]}}. With allOrNone, the subrequest that really failed carries the reason;
 * the others report {@code PROCESSING_HALTED}.
 */
public record CompositeResponse(Map<String, String> idsByReference, Optional<SalesforceError> failure) {

    private static final String HALTED = "PROCESSING_HALTED";

    public static CompositeResponse parse(JsonNode json, Map<String, String> sObjectsByReference) {
        Map<String, String> ids = new HashMap<>();
        List<SalesforceError> errors = new ArrayList<>();
        for (JsonNode sub : json.path("compositeResponse")) {
            String reference = sub.path("referenceId").asText();
            int status = sub.path("httpStatusCode").asInt();
            JsonNode body = sub.path("body");
            if (status < 300) {
                if (body.hasNonNull("id")) {
                    ids.put(reference, body.get("id").asText());
                }
            } else {
                errors.addAll(SalesforceErrors.fromBody(status, body, sObjectsByReference.get(reference)));
            }
        }
        Optional<SalesforceError> failure = errors.stream().filter(e -> !HALTED.equals(e.errorCode())).findFirst()
                .or(() -> errors.stream().findFirst());
        return new CompositeResponse(Map.copyOf(ids), failure);
    }
}
