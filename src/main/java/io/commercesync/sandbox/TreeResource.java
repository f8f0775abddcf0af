package io.commercesync.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * sObject Tree, {@code POST /composite/tree/{SObject}}: inserts records with nested child records
 * (by child relationship name, e.g. {@code "Contacts": {"records": [...]}}) in one transaction.
 * Up to 200 records and 5 levels. Success 201 {@code {"hasErrors":false,"results":[{"referenceId","id"}]}}
 * (roots first, then each level); any failure rolls everything back and answers 400
 * {@code {"hasErrors":true,"results":[{"referenceId","errors":[{statusCode,message,fields}]}]}} for the
 * failing records only. One API call.
 */
final class TreeResource {

    private static final Logger LOG = LoggerFactory.getLogger(TreeResource.class);
    static final int MAX_RECORDS = 200;
    static final int MAX_DEPTH = 5;

    private final Schema schema;
    private final RecordStore store;
    private final SObjectResource sobjects;

    TreeResource(Schema schema, RecordStore store, SObjectResource sobjects) {
        this.schema = schema;
        this.store = store;
        this.sobjects = sobjects;
    }

    /** One record to insert: its type, own fields, reference id, parent (by node) and lookup to set. */
    private record Node(SObjectSchema type, Map<String, Object> fields, String referenceId, Node parent,
            FieldSpec parentLookup, int depth) {
    }

    private static final class RollBack extends RuntimeException {
        RollBack() {
            super(null, null, false, false);
        }
    }

    ApiResponse handle(RestCall call) {
        SObjectResource.requireMethod(call, "POST");
        if (call.segments().size() != 3) {
            throw ApiErrors.notFound();
        }
        SObjectSchema root = schema.object(call.segment(2)).orElseThrow(ApiErrors::notFound);
        Map<String, Object> body = SObjectResource.bodyObject(call);
        List<List<Node>> levels = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        collect(root, body.get("records"), null, null, 1, levels, refs);
        int total = levels.stream().mapToInt(List::size).sum();
        if (total > MAX_RECORDS) {
            throw ApiErrors.badRequest("INVALID_INPUT", "Limit Exceeded: a tree request can have up to " + MAX_RECORDS
                    + " records, found " + total, List.of());
        }
        Map<Node, String> ids = new LinkedHashMap<>();
        List<Map<String, Object>> failures = new ArrayList<>();
        try {
            store.atomically(() -> {
                for (List<Node> level : levels) {
                    for (Node node : level) {
                        if (node.parent() != null && !ids.containsKey(node.parent())) {
                            continue; // its parent failed; Salesforce reports only the failing records
                        }
                        try {
                            Map<String, Object> fields = new LinkedHashMap<>(node.fields());
                            if (node.parent() != null) {
                                fields.put(node.parentLookup().name(), ids.get(node.parent()));
                            }
                            String id = store.atomically(() -> sobjects.insert(node.type(),
                                    sobjects.prepare(node.type(), fields, null)));
                            ids.put(node, id);
                        } catch (ApiException e) {
                            Map<String, Object> failure = new LinkedHashMap<>();
                            failure.put("referenceId", node.referenceId());
                            failure.put("errors", ApiErrors.asCollectionErrors(e.errors()));
                            failures.add(failure);
                        }
                    }
                }
                if (!failures.isEmpty()) {
                    throw new RollBack();
                }
                return null;
            });
        } catch (RollBack rollBack) {
            LOG.debug("tree of {} record(s) rolled back: {} failed", total, failures.size());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("hasErrors", true);
            out.put("results", failures);
            return ApiResponse.of(400, out);
        }
        List<Object> results = new ArrayList<>();
        ids.forEach((node, id) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("referenceId", node.referenceId());
            r.put("id", id);
            results.add(r);
        });
        LOG.debug("tree inserted {} record(s) under {}", total, root.name());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hasErrors", false);
        out.put("results", results);
        return ApiResponse.of(201, out);
    }

    private void collect(SObjectSchema type, Object records, Node parent, FieldSpec lookup, int depth,
            List<List<Node>> levels, Set<String> refs) {
        if (!(records instanceof List<?> list)) {
            throw ApiErrors.jsonParser("records is required");
        }
        if (depth > MAX_DEPTH) {
            throw ApiErrors.badRequest("INVALID_INPUT", "A tree request can be at most " + MAX_DEPTH + " levels deep",
                    List.of());
        }
        while (levels.size() < depth) {
            levels.add(new ArrayList<>());
        }
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> record)) {
                throw ApiErrors.jsonParser("Each record must be a JSON object");
            }
            Object referenceId = record.get("attributes") instanceof Map<?, ?> a ? a.get("referenceId") : null;
            Object recordType = record.get("attributes") instanceof Map<?, ?> a ? a.get("type") : null;
            if (referenceId == null || recordType == null) {
                throw ApiErrors.badRequest("INVALID_INPUT", "Each record needs attributes with type and referenceId",
                        List.of());
            }
            if (!type.name().equalsIgnoreCase(String.valueOf(recordType))) {
                throw ApiErrors.badRequest("INVALID_INPUT", "Record type " + recordType + " does not match " + type.name(),
                        List.of());
            }
            if (!refs.add(String.valueOf(referenceId))) {
                throw ApiErrors.badRequest("INVALID_INPUT", "Duplicate ReferenceId provided in the request: " + referenceId,
                        List.of());
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            Map<String, Object> nested = new LinkedHashMap<>();
            record.forEach((k, v) -> {
                String key = String.valueOf(k);
                if ("attributes".equals(key)) {
                    return;
                }
                if (v instanceof Map<?, ?> m && m.containsKey("records")
                        && schema.childRelationship(type.name(), key).isPresent()) {
                    nested.put(key, m.get("records"));
                } else {
                    fields.put(key, v);
                }
            });
            Node node = new Node(type, fields, String.valueOf(referenceId), parent, lookup, depth);
            levels.get(depth - 1).add(node);
            nested.forEach((name, childRecords) -> {
                Schema.ChildRelationship rel = schema.childRelationship(type.name(), name).orElseThrow();
                collect(rel.child(), childRecords, node, rel.lookup(), depth + 1, levels, refs);
            });
        }
    }
}
