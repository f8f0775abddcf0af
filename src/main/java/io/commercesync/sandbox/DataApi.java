package io.commercesync.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /services/data/...}: the versions list, then for {@code vNN.N/...} authentication, API-call
 * accounting, fault injection and routing to the resources. {@link #dispatch} is also the entry for
 * composite subrequests.
 */
final class DataApi {

    private static final Logger LOG = LoggerFactory.getLogger(DataApi.class);
    private static final Pattern VERSION = Pattern.compile("v(\\d{2})\\.0");
    static final int MIN_VERSION = 20;
    static final int MAX_VERSION = 67;

    private final Sessions sessions;
    private final ApiLimits limits;
    private final Faults faults;
    private final RecordStore store;
    private final SObjectResource sobjects;
    private final ObjectMapper json;
    private CompositeResource composite;
    private QueryResource query;

    DataApi(Sessions sessions, ApiLimits limits, Faults faults, RecordStore store, SObjectResource sobjects,
            ObjectMapper json) {
        this.sessions = sessions;
        this.limits = limits;
        this.faults = faults;
        this.store = store;
        this.sobjects = sobjects;
        this.json = json;
    }

    void attach(CompositeResource composite, QueryResource query) {
        this.composite = composite;
        this.query = query;
    }

    void handle(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        String rest = rawPath.substring("/services/data".length());
        List<String> segments = RestCall.decodeSegments(rest);
        if (segments.isEmpty()) {
            // not counted, but it reports the usage as the recorded answer does
            versions().withHeader(ApiLimits.HEADER, limits.headerValue()).writeTo(exchange, json);
            return;
        }
        Matcher m = VERSION.matcher(segments.get(0));
        if (!m.matches() || Integer.parseInt(m.group(1)) < MIN_VERSION || Integer.parseInt(m.group(1)) > MAX_VERSION) {
            ApiErrors.notFound().toResponse().writeTo(exchange, json);
            return;
        }
        String token = accessToken(exchange);
        String method = exchange.getRequestMethod();
        if (!sessions.touch(token)) {
            LOG.info("{} {} -> 401 INVALID_SESSION_ID", method, rawPath);
            ApiErrors.invalidSession().toResponse().writeTo(exchange, json);
            return;
        }
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        RestCall call;
        ApiResponse response;
        try {
            limits.count();
            Map<String, String> headers = new HashMap<>();
            for (String name : List.of("Sforce-Query-Options", "Sforce-Duplicate-Rule-Header")) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    headers.put(name.toLowerCase(Locale.ROOT), value);
                }
            }
            call = new RestCall(method, m.group(1) + ".0", segments.subList(1, segments.size()),
                    RestCall.decodeQuery(exchange.getRequestURI().getRawQuery()), parseBody(bytes), headers);
            Optional<Faults.Planned> planned = faults.take();
            if (planned.isEmpty()) {
                response = dispatch(call);
            } else if (planned.get().delay() != null) {
                LOG.info("delaying {} {} by {} ms", method, rawPath, planned.get().delay().toMillis());
                sleep(planned.get().delay());
                response = dispatch(call);
            } else if (planned.get().afterCommit()) {
                ApiResponse committed = dispatch(call);
                LOG.info("{} {} committed with {}; the answer is replaced by a fault", method, rawPath, committed.status());
                response = faultResponse(planned.get().fault(), call, token);
            } else {
                response = faultResponse(planned.get().fault(), call, token);
            }
        } catch (ApiException e) {
            response = e.toResponse();
        }
        response = response.withHeader(ApiLimits.HEADER, limits.headerValue());
        LOG.info("{} {} -> {} ({})", method, rawPath, response.status(), limits.headerValue());
        response.writeTo(exchange, json);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The call being served on this thread (the innermost subrequest inside a composite). */
    private static final ThreadLocal<RestCall> CURRENT = new ThreadLocal<>();

    /** Whether the call being served asked to save alert-level duplicates ({@code Sforce-Duplicate-Rule-Header}). */
    static boolean allowDuplicates() {
        RestCall call = CURRENT.get();
        return call != null && DuplicateRules.allowSave(call.headers().get("sforce-duplicate-rule-header"));
    }

    /** Routes one call inside a store transaction; errors become their Salesforce answers. */
    ApiResponse dispatch(RestCall call) {
        RestCall outer = CURRENT.get();
        CURRENT.set(call);
        try {
            return store.atomically(() -> route(call));
        } catch (ApiException e) {
            return e.toResponse();
        } catch (RuntimeException e) {
            String errorId = Long.toString(System.nanoTime() & 0x7fffffffL) + "-" + (int) (Math.random() * 100000);
            LOG.error("unexpected failure in {} /{} (ErrorId {})", call.method(), String.join("/", call.segments()),
                    errorId, e);
            return ApiErrors.of(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId "
                    + "if you contact support: " + errorId, null).toResponse();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** A subrequest's headers: the enclosing request's, overridden by its own {@code httpHeaders}. */
    static Map<String, String> subrequestHeaders(Object httpHeaders) {
        Map<String, String> headers = new HashMap<>();
        RestCall outer = CURRENT.get();
        if (outer != null) {
            headers.putAll(outer.headers());
        }
        if (httpHeaders instanceof Map<?, ?> m) {
            m.forEach((k, v) -> headers.put(String.valueOf(k).toLowerCase(Locale.ROOT), String.valueOf(v)));
        }
        return headers;
    }

    private ApiResponse route(RestCall call) {
        String first = call.segment(0);
        if (first == null) {
            SObjectResource.requireMethod(call, "GET");
            return ApiResponse.of(200, resources(call));
        }
        switch (first) {
            case "sobjects":
                return sobjects.handle(call);
            case "composite":
                return composite.handle(call);
            case "query":
            case "queryAll":
                return query.handle(call);
            case "limits":
                SObjectResource.requireMethod(call, "GET");
                return ApiResponse.of(200, limits.limitsBody());
            default:
                throw ApiErrors.notFound();
        }
    }

    Object parseBody(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return json.readValue(bytes, Object.class);
        } catch (JsonProcessingException e) {
            throw ApiErrors.jsonParser(e.getOriginalMessage() + " at [line:" + e.getLocation().getLineNr()
                    + ", column:" + e.getLocation().getColumnNr() + "]");
        } catch (IOException e) {
            throw ApiErrors.jsonParser(e.getMessage());
        }
    }

    private ApiResponse faultResponse(Fault fault, RestCall call, String token) {
        LOG.info("injecting fault {} into {} /{}", fault, call.method(), String.join("/", call.segments()));
        switch (fault) {
            case SERVICE_UNAVAILABLE:
                return new ApiResponse(503, "<html><body>Service Unavailable</body></html>",
                        Map.of("Content-Type", "text/html;charset=UTF-8"));
            case UNABLE_TO_LOCK_ROW:
                return ApiErrors.unableToLockRow(lockedRecordId(call)).toResponse();
            case REQUEST_LIMIT_EXCEEDED:
                return ApiErrors.requestLimitExceeded().toResponse();
            default:
                sessions.revoke(token);
                return ApiErrors.invalidSession().toResponse();
        }
    }

    /** The id of the record a call addresses, or a made-up id of its type, for UNABLE_TO_LOCK_ROW. */
    private String lockedRecordId(RestCall call) {
        List<String> s = call.segments();
        if (s.size() >= 2 && "sobjects".equals(s.get(0))) {
            Optional<SObjectSchema> type = sobjects.schema().object(s.get(1));
            if (type.isPresent()) {
                if (s.size() == 3 && SalesforceIds.normalize(s.get(2)) != null) {
                    return SalesforceIds.normalize(s.get(2));
                }
                if (s.size() == 4) {
                    Optional<FieldSpec> f = type.get().field(s.get(2));
                    if (f.isPresent()) {
                        List<Map<String, Object>> found = store.findBy(type.get().name(), f.get().name(), s.get(3));
                        if (!found.isEmpty()) {
                            return (String) found.get(0).get("Id");
                        }
                    }
                }
                return SalesforceIds.fixed(type.get().keyPrefix(), 999_999);
            }
        }
        return SalesforceIds.fixed("001", 999_999);
    }

    private static String accessToken(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            for (String scheme : new String[] {"Bearer ", "OAuth "}) {
                if (auth.regionMatches(true, 0, scheme, 0, scheme.length())) {
                    return auth.substring(scheme.length()).trim();
                }
            }
        }
        String session = exchange.getRequestHeaders().getFirst("X-SFDC-Session");
        return session == null ? null : session.trim();
    }

    static ApiResponse versions() {
        List<Object> out = new ArrayList<>();
        String[] seasons = {"Winter", "Spring", "Summer"};
        for (int v = MIN_VERSION; v <= MAX_VERSION; v++) {
            int n = v - 20;
            int year = 11 + n / 3;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", seasons[n % 3] + " '" + String.format("%02d", year));
            entry.put("url", "/services/data/v" + v + ".0");
            entry.put("version", v + ".0");
            out.add(entry);
        }
        return ApiResponse.of(200, out);
    }

    private static Map<String, Object> resources(RestCall call) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String r : List.of("sobjects", "composite", "query", "queryAll", "limits")) {
            out.put(r, call.basePath() + "/" + r);
        }
        return out;
    }
}
