package io.commercesync.sandbox;

import java.util.List;
import java.util.Map;

/** A Salesforce error answer, thrown by resources and turned into a response by the dispatcher. */
final class ApiException extends RuntimeException {

    private final int status;
    private final List<Map<String, Object>> errors;

    ApiException(int status, List<Map<String, Object>> errors) {
        super(status + " " + errors, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    int status() {
        return status;
    }

    /** Error objects with {@code message}, {@code errorCode} and (usually) {@code fields}. */
    List<Map<String, Object>> errors() {
        return errors;
    }

    ApiResponse toResponse() {
        return ApiResponse.of(status, errors);
    }
}
