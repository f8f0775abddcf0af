package io.commercesync.salesforce;

import java.util.List;
import java.util.Set;

/**
 * One error Salesforce answered with.
 *
 * @param httpStatus the status of the (sub)request; 0 when no answer came (network error, timeout)
 * @param errorCode  Salesforce's code, e.g. {@code REQUIRED_FIELD_MISSING}
 * @param sObject    the object being written when it failed, when known
 */
public record SalesforceError(int httpStatus, String errorCode, String message, List<String> fields, String sObject) {

    /** Codes Salesforce documents as worth retrying: locks, limits, outages, sessions. */
    private static final Set<String> TRANSIENT_CODES = Set.of(
            "UNABLE_TO_LOCK_ROW", "REQUEST_LIMIT_EXCEEDED", "SERVER_UNAVAILABLE", "UNKNOWN_EXCEPTION",
            "INVALID_SESSION_ID", "REQUEST_RUNNING_TOO_LONG", "QUERY_TIMEOUT");

    public SalesforceError {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** Whether the same request may succeed later without anyone changing data or configuration. */
    public boolean isTransient() {
        return httpStatus == 0 || httpStatus >= 500 || httpStatus == 401
                || (errorCode != null && TRANSIENT_CODES.contains(errorCode));
    }
}
