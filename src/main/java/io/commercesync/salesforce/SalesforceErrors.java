package io.commercesync.salesforce;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;

/** Turns Salesforce's error answers, in their several shapes, into {@link SalesforceError}s. */
public final class SalesforceErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SalesforceErrors() {
    }

    /**
     * An error body: an array of {@code {message, errorCode, fields}} (sObject REST), the same with
     * {@code statusCode} instead of {@code errorCode} (collections), or a single such object.
     */
    public static List<SalesforceError> fromBody(int status, JsonNode body, String sObject) {
        List<SalesforceError> errors = new ArrayList<>();
        if (body != null && body.isArray()) {
            for (JsonNode error : body) {
                errors.add(one(status, error, sObject));
            }
        } else if (body != null && body.isObject()) {
            errors.add(one(status, body, sObject));
        }
        if (errors.isEmpty()) {
            errors.add(new SalesforceError(status, "HTTP_" + status, body == null ? "" : body.toString(), List.of(), sObject));
        }
        return errors;
    }

    /** An error answer as text: JSON in one of the shapes above, or anything else (an HTML 503 page). */
    public static List<SalesforceError> fromText(int status, String text, String sObject) {
        if (text != null && !text.isBlank()) {
            try {
                return fromBody(status, JSON.readTree(text), sObject);
            } catch (JsonProcessingException notJson) {
                // fall through: keep the start of the text as the message
            }
        }
        String message = text == null ? "" : text.strip();
        return List.of(new SalesforceError(status, "HTTP_" + status,
                message.length() > 200 ? message.substring(0, 200) + "…" : message, List.of(), sObject));
    }

    /** What camel-salesforce reports when the request itself failed (status 0 for network errors and timeouts). */
    public static SalesforceError fromException(SalesforceException e, String sObject) {
        List<RestError> errors = e.getErrors();
        if (errors != null && !errors.isEmpty()) {
            RestError first = errors.get(0);
            return new SalesforceError(e.getStatusCode(), first.getErrorCode(), first.getMessage(), first.getFields(), sObject);
        }
        String code = e.getStatusCode() == 0 ? "CONNECTION_FAILED" : "HTTP_" + e.getStatusCode();
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new SalesforceError(e.getStatusCode(), code, cause.getMessage(), List.of(), sObject);
    }

    private static SalesforceError one(int status, JsonNode error, String sObject) {
        String code = error.hasNonNull("errorCode") ? error.get("errorCode").asText() : error.path("statusCode").asText(null);
        List<String> fields = new ArrayList<>();
        error.path("fields").forEach(f -> fields.add(f.asText()));
        return new SalesforceError(status, code, error.path("message").asText(""), fields, sObject);
    }
}
