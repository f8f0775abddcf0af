package io.commercesync.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /composite}: up to 25 subrequests dispatched to the same handlers, {@code @{ref.path}}
 * references, allOrNone rollback with PROCESSING_HALTED; the whole request is one API call and
 * runs under the store lock.
 */
final class CompositeResource {

    private static final Logger LOG = LoggerFactory.getLogger(CompositeResource.class);
    static final int MAX_SUBREQUESTS = 25;
    private static final Pattern REFERENCE = Pattern.compile("@\\{([^}]+)}");
    private static final Pattern REFERENCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]*");
    private static final Pattern SUB_URL = Pattern.compile("/services/data/v(\\d{2}\\.0)(/[^?]*)?(?:\\?(.*))?");

    private final DataApi api;
    private final RecordStore store;
    private final CollectionsResource collections;

    CompositeResource(DataApi api, RecordStore store, CollectionsResource collections) {
        this.api = api;
        this.store = store;
        this.collections = collections;
    }

    ApiResponse handle(RestCall call) {
        if (call.segments().size() == 1) {
            SObjectResource.requireMethod(call, "POST");
            return composite(call);
        }
        if ("sobjects".equals(call.segment(1))) {
            return collections.handle(call);
        }
        throw ApiErrors.notFound();
    }

    /** Signals an allOrNone failure out of the transaction so that it rolls back. */
    private static final class Halt extends RuntimeException {
        Halt() {
            super(null, null, false, false);
        }
    }

    private ApiResponse composite(RestCall call) {
        Map<String, Object> body = SObjectResource.bodyObject(call);
        if (!(body.get("compositeRequest") instanceof List<?> requests)) {
            throw ApiErrors.jsonParser("compositeRequest is required");
        }
        if (requests.size() > MAX_SUBREQUESTS) {
            throw ApiErrors.badRequest("INVALID_INPUT", "Limit Exceeded: the composite request can have up to "
                    + MAX_SUBREQUESTS + " subrequests, found " + requests.size(), List.of());
        }
        boolean allOrNone = Boolean.TRUE.equals(body.get("allOrNone"));
        List<Map<String, Object>> subs = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Object o : requests) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("referenceId") instanceof String ref)
                    || !(m.get("method") instanceof String) || !(m.get("url") instanceof String)) {
                throw ApiErrors.jsonParser("Each subrequest needs method, url and referenceId");
            }
            if (!REFERENCE_ID.matcher(ref).matches()) {
                throw ApiErrors.badRequest("INVALID_INPUT", "Invalid reference id: " + ref
                        + ". Reference Ids can only contain letters, numbers and underscores and must start with a "
                        + "letter or number.", List.of());
            }
            if (seen.contains(ref)) {
                throw ApiErrors.badRequest("INVALID_INPUT", "Duplicate reference id: " + ref
                        + ". Provided referenceId ids are case-sensitive, must be unique and must be used in the "
                        + "order of the requests.", List.of());
            }
            seen.add(ref);
            @SuppressWarnings("unchecked")
            Map<String, Object> sub = (Map<String, Object>) m;
            subs.add(sub);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        Map<String, Object> bodies = new LinkedHashMap<>();
        int[] failedAt = {-1};
        try {
            store.atomically(() -> {
                for (Map<String, Object> sub : subs) {
                    String ref = (String) sub.get("referenceId");
                    ApiResponse r = runSubrequest(call, sub, bodies);
                    results.add(entry(r, ref));
                    if (r.status() < 400) {
                        bodies.put(ref, r.body());
                    } else if (allOrNone) {
                        failedAt[0] = results.size() - 1;
                        throw new Halt();
                    }
                }
                return null;
            });
        } catch (Halt halt) {
            List<Map<String, Object>> halted = new ArrayList<>();
            for (int i = 0; i < subs.size(); i++) {
                halted.add(i == failedAt[0] ? results.get(i)
                        : entry(ApiResponse.of(400, List.of(ApiErrors.processingHalted())),
                                (String) subs.get(i).get("referenceId")));
            }
            LOG.info("composite allOrNone rolled back at subrequest {}", failedAt[0]);
            return ApiResponse.of(200, Map.of("compositeResponse", halted));
        }
        return ApiResponse.of(200, Map.of("compositeResponse", results));
    }

    ApiResponse runSubrequest(RestCall parent, Map<String, Object> sub, Map<String, Object> bodies) {
        String url;
        Object body;
        try {
            url = (String) substitute(sub.get("url"), bodies, false);
            body = substitute(sub.get("body"), bodies, true);
        } catch (UnresolvedReference e) {
            return ApiResponse.of(400, List.of(Map.of("errorCode", "PROCESSING_HALTED", "message",
                    "Invalid reference specified. No value for " + e.expression + " found in " + e.reference
                            + ". Provided referenceId ids are case-sensitive, must be unique and must be used in "
                            + "the order of the requests.")));
        }
        Matcher m = SUB_URL.matcher(url);
        if (!m.matches()) {
            return ApiErrors.notFound().toResponse();
        }
        List<String> segments = RestCall.decodeSegments(m.group(2) == null ? "" : m.group(2));
        if (!segments.isEmpty() && segments.get(0).equals("composite")
                && !(segments.size() > 1 && segments.get(1).equals("sobjects"))) {
            return ApiErrors.badRequest("INVALID_INPUT", "The composite resource can't be used in a subrequest",
                    List.of()).toResponse();
        }
        RestCall subCall = new RestCall(String.valueOf(sub.get("method")), m.group(1), segments,
                RestCall.decodeQuery(m.group(3)), body);
        return api.dispatch(subCall);
    }

    static Map<String, Object> entry(ApiResponse r, String referenceId) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("body", r.body());
        Map<String, Object> headers = new LinkedHashMap<>();
        if (r.headers().containsKey("Location")) {
            headers.put("Location", r.headers().get("Location"));
        }
        e.put("httpHeaders", headers);
        e.put("httpStatusCode", r.status());
        e.put("referenceId", referenceId);
        return e;
    }

    private static final class UnresolvedReference extends RuntimeException {
        final String expression;
        final String reference;

        UnresolvedReference(String expression, String reference) {
            super(null, null, false, false);
            this.expression = expression;
            this.reference = reference;
        }
    }

    /** Replaces {@code @{ref.path}} in strings of a JSON tree; a string that is only a reference keeps the value's type. */
    static Object substitute(Object node, Map<String, Object> bodies, boolean keepType) {
        if (node instanceof String s) {
            Matcher whole = REFERENCE.matcher(s);
            if (keepType && whole.matches()) {
                return resolve(whole.group(1), bodies);
            }
            Matcher m = REFERENCE.matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(resolve(m.group(1), bodies))));
            }
            m.appendTail(out);
            return out.toString();
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), substitute(v, bodies, keepType)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object v : list) {
                out.add(substitute(v, bodies, keepType));
            }
            return out;
        }
        return node;
    }

    private static final Pattern STEP = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]");

    static Object resolve(String expression, Map<String, Object> bodies) {
        int end = 0;
        while (end < expression.length() && expression.charAt(end) != '.' && expression.charAt(end) != '[') {
            end++;
        }
        String ref = expression.substring(0, end);
        if (!bodies.containsKey(ref)) {
            throw new UnresolvedReference(expression, ref);
        }
        Object current = bodies.get(ref);
        Matcher m = STEP.matcher(expression);
        int pos = end;
        while (pos < expression.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new UnresolvedReference(expression, ref);
            }
            if (m.group(1) != null) {
                current = current instanceof Map<?, ?> map ? map.get(m.group(1)) : null;
            } else {
                int index = Integer.parseInt(m.group(2));
                current = current instanceof List<?> list && index < list.size() ? list.get(index) : null;
            }
            if (current == null) {
                throw new UnresolvedReference(expression, ref);
            }
            pos = m.end();
        }
        return current;
    }
}
