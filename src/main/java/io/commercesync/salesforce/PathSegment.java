package io.commercesync.salesforce;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A value inside a Salesforce URL (an external id in a path, a SOQL query in {@code ?q=}), percent-encoded. */
final class PathSegment {

    private PathSegment() {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
