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
 * Composite batch, {@code POST /composite/batch}: up to 25 independent subrequests (no references,
 * no shared transaction) → 200 {@code {"hasErrors","results":[{"statusCode","result"}]}}; with
 * {@code haltOnError} the subrequests after the first failure answer 412 BATCH_PROCESSING_HALTED.
 * One API call.
 */
final class BatchResource {

    private static final Logger LOG = LoggerFactory.getLogger(BatchResource.class);
    static final int MAX_SUBREQUESTS = 25;
    private static final Pattern URL = Pattern.compile("(?:/services/data/)?/?v(\\d{2}\\.0)(/[^?]*)?(?:\\?(.*))?");

    private final DataApi api;

    BatchResource(DataApi api) {
        this.api = api;
    }

    ApiResponse handle(RestCall call) {
        SObjectResource.requireMethod(call, "POST");
        Map<String, Object> body = SObjectResource.bodyObject(call);
        if (!(body.get("batchRequests") instanceof List<?> requests)) {
            throw ApiErrors.jsonParser("batchRequests is required");
        }
        if (requests.size() > MAX_SUBREQUESTS) {
            throw ApiErrors.badRequest("INVALID_INPUT", "Limit Exceeded: a batch request can have up to "
                    + MAX_SUBREQUESTS + " subrequests, found " + requests.size(), List.of());
        }
        boolean haltOnError = Boolean.TRUE.equals(body.get("haltOnError"));
        boolean halted = false;
        boolean hasErrors = false;
        List<Object> results = new ArrayList<>();
        for (Object o : requests) {
            ApiResponse r;
            if (halted) {
                r = ApiResponse.of(412, List.of(Map.of("errorCode", "BATCH_PROCESSING_HALTED",
                        "message", "Batch processing halted per request")));
            } else {
                r = run(o);
            }
            if (r.status() >= 400) {
                hasErrors = true;
                halted = haltOnError;
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("statusCode", r.status());
            result.put("result", r.body());
            results.add(result);
        }
        LOG.debug("composite batch of {} subrequest(s), errors: {}", requests.size(), hasErrors);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hasErrors", hasErrors);
        out.put("results", results);
        return ApiResponse.of(200, out);
    }

    private ApiResponse run(Object o) {
        if (!(o instanceof Map<?, ?> sub) || !(sub.get("method") instanceof String method)
                || !(sub.get("url") instanceof String url)) {
            return ApiErrors.jsonParser("Each batch request needs method and url").toResponse();
        }
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            return ApiErrors.notFound().toResponse();
        }
        List<String> segments = RestCall.decodeSegments(m.group(2) == null ? "" : m.group(2));
        if (!segments.isEmpty() && segments.get(0).equals("composite")) {
            return ApiErrors.badRequest("INVALID_INPUT", "Composite resources can't be used in a batch subrequest",
                    List.of()).toResponse();
        }
        return api.dispatch(new RestCall(method, m.group(1), segments, RestCall.decodeQuery(m.group(3)),
                sub.get("richInput"), DataApi.subrequestHeaders(null)));
    }
}
