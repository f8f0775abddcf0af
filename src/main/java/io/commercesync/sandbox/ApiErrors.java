package io.commercesync.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Factories for the error bodies Salesforce answers, with Salesforce's exact texts. */
final class ApiErrors {

    static final String ROLLED_BACK_MESSAGE =
            "The transaction was rolled back since another operation in the same transaction failed.";

    private ApiErrors() {
    }

    /** {@code {"message","errorCode","fields"}}; {@code fields == null} omits the key. */
    static Map<String, Object> error(String errorCode, String message, List<String> fields) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("errorCode", errorCode);
        if (fields != null) {
            error.put("fields", List.copyOf(fields));
        }
        return error;
    }

    static ApiException of(int status, String errorCode, String message, List<String> fields) {
        return new ApiException(status, List.of(error(errorCode, message, fields)));
    }

    static ApiException badRequest(String errorCode, String message, List<String> fields) {
        return of(400, errorCode, message, fields);
    }

    static ApiException notFound() {
        return of(404, "NOT_FOUND", "The requested resource does not exist", null);
    }

    static ApiException extIdFieldNotFound(String field) {
        return of(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + field, null);
    }

    static ApiException invalidSession() {
        return of(401, "INVALID_SESSION_ID", "Session expired or invalid", null);
    }

    static ApiException requestLimitExceeded() {
        return of(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.", null);
    }

    static ApiException noSuchColumn(String field, String sObject) {
        return badRequest("INVALID_FIELD", "No such column '" + field + "' on sobject of type " + sObject, null);
    }

    static ApiException unableToLockRow(String id) {
        return badRequest("UNABLE_TO_LOCK_ROW",
                "unable to obtain exclusive access to this record or 1 records: " + id, List.of());
    }

    static ApiException malformedId(String label, String value, String field) {
        return badRequest("MALFORMED_ID", label + ": id value of incorrect type: " + value, List.of(field));
    }

    static ApiException jsonParser(String message) {
        return badRequest("JSON_PARSER_ERROR", message, null);
    }

    static Map<String, Object> processingHalted() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorCode", "PROCESSING_HALTED");
        error.put("message", ROLLED_BACK_MESSAGE);
        return error;
    }

    /**
     * The same errors as sObject Collections / Tree report them: {@code statusCode} instead of
     * {@code errorCode}, {@code fields} always present.
     */
    static List<Map<String, Object>> asCollectionErrors(List<Map<String, Object>> errors) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> e : errors) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("statusCode", e.get("errorCode"));
            c.put("message", e.get("message"));
            Object fields = e.get("fields");
            c.put("fields", fields == null ? List.of() : fields);
            out.add(c);
        }
        return out;
    }
}
