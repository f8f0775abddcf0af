package io.commercesync.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request to the versioned REST API, from HTTP or from a composite subrequest.
 *
 * @param segments path segments after {@code /services/data/vNN.N/}, each URL-decoded
 * @param body     the parsed JSON body ({@code null} when there is none)
 * @param headers  request headers that matter to resources (lower-case names), e.g. sforce-query-options
 */
record RestCall(String method, String apiVersion, List<String> segments, Map<String, String> query, Object body,
        Map<String, String> headers) {

    RestCall(String method, String apiVersion, List<String> segments, Map<String, String> query, Object body) {
        this(method, apiVersion, segments, query, body, Map.of());
    }

    /** API version as a number, e.g. 60.0. */
    double version() {
        return Double.parseDouble(apiVersion);
    }

    String basePath() {
        return "/services/data/v" + apiVersion;
    }

    String segment(int i) {
        return i < segments.size() ? segments.get(i) : null;
    }

    /** Splits a raw (still encoded) path into decoded segments, dropping empty ones. */
    static List<String> decodeSegments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Decodes a raw query string ({@code a=b&c=d}); {@code +} means space. */
    static Map<String, String> decodeQuery(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }
}
