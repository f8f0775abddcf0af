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
    static final int MAX_COLLECTION_OR_QUERY = 5;
    static final int MAX_GRAPHS = 75;
    static final int MAX_GRAPH_NODES = 500;
    static final int MAX_FAILED_GRAPHS = 14;
    private static final Pattern REFERENCE = Pattern.compile("@\\{([^}]+)}");
    private static final Pattern REFERENCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]*");
    private static final Pattern SUB_URL = Pattern.compile("/services/data/v(\\d{2}\\.0)(/[^?]*)?(?:\\?(.*))?");

    private final DataApi api;
    private final RecordStore store;
    private final CollectionsResource collections;
    private final TreeResource tree;
    private final BatchResource batch;

    CompositeResource(DataApi api, RecordStore store, CollectionsResource collections, TreeResource tree,
            BatchResource batch) {
        this.api = api;
        this.store = store;
        this.collections = collections;
        this.tree = tree;
        this.batch = batch;
    }

    ApiResponse handle(RestCall call) {
        if (call.segments().size() == 1) {
            SObjectResource.requireMethod(call, "POST");
            return composite(call);
        }
        if ("sobjects".equals(call.segment(1))) {
            return collections.handle(call);
        }
        if ("tree".equals(call.segment(1))) {
            return tree.handle(call);
        }
        if ("batch".equals(call.segment(1)) && call.segments().size() == 2) {
            return batch.handle(call);
        }
        if ("graph".equals(call.segment(1)) && call.segments().size() == 2) {
            SObjectResource.requireMethod(call, "POST");
            return graph(call);
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
        List<Map<String, Object>> subs = subrequests(requests);
        int heavy = 0;
        for (Map<String, Object> sub : subs) {
            Matcher m = SUB_URL.matcher(String.valueOf(sub.get("url")));
            String path = m.matches() && m.group(2) != null ? m.group(2) : "";
            if (path.startsWith("/query") || path.startsWith("/queryAll") || path.startsWith("/composite/sobjects")) {
                heavy++;
            }
            if (sub.get("httpHeaders") instanceof Map<?, ?> headers) {
                for (Object name : headers.keySet()) {
                    String h = String.valueOf(name);
                    if (h.equalsIgnoreCase("Accept") || h.equalsIgnoreCase("Authorization")
                            || h.equalsIgnoreCase("Content-Type")) {
                        throw ApiErrors.badRequest("INVALID_INPUT", "The " + h + " header can't be set on a composite "
                                + "subrequest", List.of());
                    }
                }
            }
        }
        if (heavy > MAX_COLLECTION_OR_QUERY) {
            throw ApiErrors.badRequest("INVALID_INPUT", "Limit Exceeded: a composite request can have up to "
                    + MAX_COLLECTION_OR_QUERY + " sObject Collections or query subrequests, found " + heavy, List.of());
        }
        Outcome outcome = execute(subs, allOrNone, false);
        if (!outcome.successful() && allOrNone) {
            LOG.debug("composite allOrNone rolled back");
        }
        return ApiResponse.of(200, Map.of("compositeResponse", outcome.entries()));
    }

    /** Validated subrequests: method, url and a unique, well-formed referenceId each. */
    private static List<Map<String, Object>> subrequests(List<?> requests) {
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
        return subs;
    }

    /** The entries of one composite (or graph) and whether every subrequest succeeded. */
    record Outcome(List<Map<String, Object>> entries, boolean successful) {
    }

    /**
     * Runs subrequests in order inside one transaction. With {@code atomic}, the first failure rolls
     * back all writes, keeps its own entry and turns every other entry into PROCESSING_HALTED.
     *
     * @param graphNode restrict subrequests to what a graph node may be (single-record sObject calls)
     */
    private Outcome execute(List<Map<String, Object>> subs, boolean atomic, boolean graphNode) {
        List<Map<String, Object>> results = new ArrayList<>();
        Map<String, Object> bodies = new LinkedHashMap<>();
        int[] failedAt = {-1};
        try {
            store.atomically(() -> {
                for (Map<String, Object> sub : subs) {
                    String ref = (String) sub.get("referenceId");
                    ApiResponse r = graphNode && !isGraphNode(sub)
                            ? ApiErrors.badRequest("INVALID_INPUT", "Composite graph supports only sObject "
                                    + "requests; unsupported url: " + sub.get("url"), List.of()).toResponse()
                            : runSubrequest(sub, bodies);
                    results.add(entry(r, ref));
                    if (r.status() < 400 && !(atomic && hasFailedRecord(r))) {
                        bodies.put(ref, r.body());
                    } else {
                        if (failedAt[0] < 0) {
                            failedAt[0] = results.size() - 1;
                        }
                        if (atomic) {
                            throw new Halt();
                        }
                    }
                }
                return null;
            });
        } catch (Halt halt) {
            List<Map<String, Object>> halted = new ArrayList<>();
            for (int i = 0; i < subs.size(); i++) {
                halted.add(i == failedAt[0] ? results.get(i) : haltedEntry((String) subs.get(i).get("referenceId")));
            }
            return new Outcome(halted, false);
        }
        return new Outcome(results, failedAt[0] < 0);
    }

    /**
     * An sObject Collections answer (200) with a failed record. Under an allOrNone composite that is a
     * failed subrequest: its entry keeps the per-record results and everything is rolled back (the
     * docs' "allOrNone Parameters in Composite and Collections Requests", case 4).
     */
    private static boolean hasFailedRecord(ApiResponse r) {
        if (r.body() instanceof List<?> results) {
            for (Object result : results) {
                if (result instanceof Map<?, ?> m && Boolean.FALSE.equals(m.get("success"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, Object> haltedEntry(String referenceId) {
        return entry(ApiResponse.of(400, List.of(ApiErrors.processingHalted())), referenceId);
    }

    private static boolean isGraphNode(Map<String, Object> sub) {
        Matcher m = SUB_URL.matcher(String.valueOf(sub.get("url")));
        return m.matches() && m.group(2) != null && m.group(2).startsWith("/sobjects/")
                && RestCall.decodeSegments(m.group(2)).size() >= 2;
    }

    // ---- composite graph ------------------------------------------------------------------------

    private ApiResponse graph(RestCall call) {
        Map<String, Object> body = SObjectResource.bodyObject(call);
        if (!(body.get("graphs") instanceof List<?> graphs) || graphs.isEmpty()) {
            throw ApiErrors.jsonParser("graphs is required");
        }
        if (graphs.size() > MAX_GRAPHS) {
            throw ApiErrors.badRequest("INVALID_INPUT", "Limit Exceeded: a composite graph request can have up to "
                    + MAX_GRAPHS + " graphs, found " + graphs.size(), List.of());
        }
        List<String> ids = new ArrayList<>();
        List<List<Map<String, Object>>> nodes = new ArrayList<>();
        int total = 0;
        for (Object g : graphs) {
            if (!(g instanceof Map<?, ?> graph) || !(graph.get("graphId") instanceof String id)
                    || !(graph.get("compositeRequest") instanceof List<?> requests)) {
                throw ApiErrors.jsonParser("Each graph needs a graphId and a compositeRequest");
            }
            if (ids.contains(id)) {
                throw ApiErrors.badRequest("INVALID_INPUT", "Duplicate graphId: " + id, List.of());
            }
            ids.add(id);
            nodes.add(subrequests(requests));
            total += requests.size();
        }
        if (total > MAX_GRAPH_NODES) {
            throw ApiErrors.badRequest("INVALID_INPUT", "Limit Exceeded: a composite graph request can have up to "
                    + MAX_GRAPH_NODES + " nodes, found " + total, List.of());
        }
        List<Object> out = new ArrayList<>();
        int failedGraphs = 0;
        for (int i = 0; i < ids.size(); i++) {
            Outcome outcome;
            if (failedGraphs >= MAX_FAILED_GRAPHS) {
                List<Map<String, Object>> halted = new ArrayList<>();
                nodes.get(i).forEach(n -> halted.add(haltedEntry((String) n.get("referenceId"))));
                outcome = new Outcome(halted, false);
            } else {
                outcome = execute(nodes.get(i), true, true);
            }
            if (!outcome.successful()) {
                failedGraphs++;
            }
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("graphId", ids.get(i));
            g.put("graphResponse", Map.of("compositeResponse", outcome.entries()));
            g.put("isSuccessful", outcome.successful());
            out.add(g);
        }
        LOG.debug("composite graph: {} graph(s), {} node(s), {} failed", ids.size(), total, failedGraphs);
        return ApiResponse.of(200, Map.of("graphs", out));
    }

    ApiResponse runSubrequest(Map<String, Object> sub, Map<String, Object> bodies) {
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
                RestCall.decodeQuery(m.group(3)), body, DataApi.subrequestHeaders(sub.get("httpHeaders")));
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
