package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One REST answer before it is written: status, a JSON-able body (or {@code null}) and extra headers. */
record ApiResponse(int status, Object body, Map<String, String> headers) {

    static ApiResponse of(int status, Object body) {
        return new ApiResponse(status, body, Map.of());
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, body, copy);
    }

    /** Writes status, headers and body (JSON unless the body is a String with its own Content-Type). */
    void writeTo(HttpExchange exchange, ObjectMapper json) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] bytes;
        if (body instanceof String text && headers.containsKey("Content-Type")) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        } else {
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
        }
        if (status == 204 || status == 304) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
