package io.commercesync.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's own control API under {@code /__sandbox/} (not part of Salesforce's surface, no
 * authentication, never counted):
 * {@code GET calls}, {@code GET records/{SObject}}, {@code POST reset}, {@code POST sessions/expire},
 * {@code POST faults} with {@code {"fault":"UNABLE_TO_LOCK_ROW","calls":3}} (optionally {@code "afterCommit":true})
 * or {@code {"delayMillis":2000,"calls":1}} or {@code {"fault":"SERVICE_UNAVAILABLE","share":0.2}} (optionally
 * {@code "seed":42}), {@code DELETE faults},
 * {@code POST duplicate-rules} with {@code {"sObject","name","block","matchFields":[...]}}, {@code DELETE duplicate-rules}.
 */
final class AdminEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoint.class);

    private final SandboxOrg org;
    private final ObjectMapper json;

    AdminEndpoint(SandboxOrg org, ObjectMapper json) {
        this.org = org;
        this.json = json;
    }

    void handle(HttpExchange exchange) throws IOException {
        List<String> s = RestCall.decodeSegments(exchange.getRequestURI().getRawPath());
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        ApiResponse response;
        try {
            response = route(method, s.subList(1, s.size()), body);
        } catch (IllegalArgumentException e) {
            response = ApiResponse.of(400, Map.of("error", String.valueOf(e.getMessage())));
        }
        LOG.info("admin {} {} -> {}", method, exchange.getRequestURI().getRawPath(), response.status());
        response.writeTo(exchange, json);
    }

    private ApiResponse route(String method, List<String> s, byte[] body) throws IOException {
        String what = s.isEmpty() ? "" : s.get(0);
        switch (method + " " + what) {
            case "GET calls": {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("apiCalls", org.apiCalls());
                out.put("dailyApiLimit", org.settings().dailyApiLimit());
                return ApiResponse.of(200, out);
            }
            case "GET records":
                if (s.size() != 2) {
                    break;
                }
                if (!org.hasSObject(s.get(1))) {
                    return ApiResponse.of(404, Map.of("error", "unknown sObject " + s.get(1)));
                }
                return ApiResponse.of(200, org.records(s.get(1)));
            case "POST reset":
                org.reset();
                return ApiResponse.noContent();
            case "POST sessions":
                if (s.size() == 2 && s.get(1).equals("expire")) {
                    org.expireSessions();
                    return ApiResponse.noContent();
                }
                break;
            case "POST faults": {
                Map<?, ?> req = json.readValue(body, Map.class);
                Object calls = req.get("calls");
                int n = calls == null ? 1 : Integer.parseInt(String.valueOf(calls));
                if (req.get("share") != null) {
                    double share = Double.parseDouble(String.valueOf(req.get("share")));
                    Fault fault = Fault.valueOf(String.valueOf(req.get("fault")));
                    if (req.get("seed") != null) {
                        org.faults().failShare(share, fault, Long.parseLong(String.valueOf(req.get("seed"))));
                    } else {
                        org.faults().failShare(share, fault);
                    }
                } else if (req.get("delayMillis") != null) {
                    org.faults().delayNext(n, java.time.Duration.ofMillis(Long.parseLong(String.valueOf(req.get("delayMillis")))));
                } else if (Boolean.TRUE.equals(req.get("afterCommit"))) {
                    org.faults().failNextAfterCommit(n, Fault.valueOf(String.valueOf(req.get("fault"))));
                } else {
                    org.faults().failNext(n, Fault.valueOf(String.valueOf(req.get("fault"))));
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("pending", org.faults().pending());
                out.put("share", org.faults().share());
                return ApiResponse.of(200, out);
            }
            case "POST duplicate-rules": {
                Map<?, ?> req = json.readValue(body, Map.class);
                List<String> fields = new java.util.ArrayList<>();
                if (req.get("matchFields") instanceof List<?> l) {
                    l.forEach(f -> fields.add(String.valueOf(f)));
                }
                org.activateDuplicateRule(String.valueOf(req.get("sObject")), String.valueOf(req.get("name")),
                        Boolean.TRUE.equals(req.get("block")), fields.toArray(new String[0]));
                return ApiResponse.noContent();
            }
            case "DELETE duplicate-rules":
                org.deactivateDuplicateRules();
                return ApiResponse.noContent();
            case "DELETE faults":
                org.faults().clear();
                return ApiResponse.noContent();
            default:
                break;
        }
        return ApiResponse.of(404, Map.of("error", "no such admin resource: " + method + " /__sandbox/"
                + String.join("/", s)));
    }
}
