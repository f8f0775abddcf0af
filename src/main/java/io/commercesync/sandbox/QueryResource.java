package io.commercesync.sandbox;

import java.util.List;

/** {@code /query?q=} and {@code /queryAll?q=}: a small SOQL subset. */
final class QueryResource {

    ApiResponse handle(RestCall call) {
        SObjectResource.requireMethod(call, "GET");
        throw ApiErrors.badRequest("MALFORMED_QUERY", "unexpected token: " + call.query().get("q"), List.of());
    }
}
