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
 * the others report {@code PROCESSING_HALTED}. A collection subrequest answers 200 with one result per
 * record; a record with {@code success:false} is a failure too.
 *
 * @param idsByReference    the record id each successful single-record subrequest answered
 * @param bodiesByReference the body of every successful subrequest (query results, collection results)
 * @param errorsByReference the errors of every failed subrequest
 */
public record CompositeResponse(Map<String, String> idsByReference, Map<String, JsonNode> bodiesByReference,
                                Map<String, List<SalesforceError>> errorsByReference, Optional<SalesforceError> failure) {

    static final String HALTED = "PROCESSING_HALTED";

    public static CompositeResponse parse(JsonNode json, Map<String, String> sObjectsByReference) {
        Map<String, String> ids = new HashMap<>();
        Map<String, JsonNode> bodies = new HashMap<>();
        Map<String, List<SalesforceError>> errorsByReference = new HashMap<>();
        List<SalesforceError> errors = new ArrayList<>();
        for (JsonNode sub : json.path("compositeResponse")) {
            String reference = sub.path("referenceId").asText();
            int status = sub.path("httpStatusCode").asInt();
            JsonNode body = sub.path("body");
            String sObject = sObjectFor(sObjectsByReference, reference);
            List<SalesforceError> failed = new ArrayList<>();
            if (status < 300) {
                bodies.put(reference, body);
                if (body.hasNonNull("id")) {
                    ids.put(reference, body.get("id").asText());
                }
                if (body.isArray()) {
                    for (JsonNode result : body) {
                        if (result.has("success") && !result.path("success").asBoolean()) {
                            failed.addAll(SalesforceErrors.fromBody(status == 200 ? 400 : status, result.path("errors"), sObject));
                        }
                    }
                }
            } else {
                failed.addAll(SalesforceErrors.fromBody(status, body, sObject));
            }
            if (!failed.isEmpty()) {
                errorsByReference.put(reference, failed);
                errors.addAll(failed);
            }
        }
        Optional<SalesforceError> failure = errors.stream().filter(e -> !isHalted(e)).findFirst()
                .or(() -> errors.stream().filter(e -> !HALTED.equals(e.errorCode())).findFirst())
                .or(() -> errors.stream().findFirst());
        return new CompositeResponse(Map.copyOf(ids), Map.copyOf(bodies), Map.copyOf(errorsByReference), failure);
    }

    /** Whether the error only says another subrequest failed (not a reference that could not be resolved). */
    private static boolean isHalted(SalesforceError error) {
        return HALTED.equals(error.errorCode()) || "ALL_OR_NONE_OPERATION_ROLLED_BACK".equals(error.errorCode());
    }

    private static String sObjectFor(Map<String, String> sObjectsByReference, String reference) {
        String sObject = sObjectsByReference.get(reference);
        if (sObject == null) {
            // numbered references share their object: line0, line1 → the "line" entry
            sObject = sObjectsByReference.get(reference.replaceAll("\\d+$", ""));
        }
        return sObject;
    }

    /** The errors of one subrequest (empty when it succeeded). */
    public List<SalesforceError> errorsOf(String reference) {
        return errorsByReference.getOrDefault(reference, List.of());
    }
}
