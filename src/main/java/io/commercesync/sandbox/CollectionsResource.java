package io.commercesync.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * sObject Collections, {@code /composite/sobjects}: create ({@code POST}), update ({@code PATCH}),
 * delete ({@code DELETE ?ids=}), retrieve ({@code GET /{T}?ids=&fields=}) and upsert by external id
 * ({@code PATCH /{T}/{ExtIdField}}). Up to 200 records, one result per record in request order with
 * {@code statusCode} error keys; allOrNone rolls every record back and marks the valid ones
 * ALL_OR_NONE_OPERATION_ROLLED_BACK. One API call.
 */
final class CollectionsResource {

    private static final Logger LOG = LoggerFactory.getLogger(CollectionsResource.class);
    static final int MAX_RECORDS = 200;
    private static final String ROLLED_BACK =
            "Record rolled back because not all records were valid and the request was using AllOrNone header";

    private final Schema schema;
    private final RecordStore store;
    private final SObjectResource sobjects;

    CollectionsResource(Schema schema, RecordStore store, SObjectResource sobjects) {
        this.schema = schema;
        this.store = store;
        this.sobjects = sobjects;
    }

    /** Segments: {@code composite, sobjects[, T[, ExtIdField]]}. */
    ApiResponse handle(RestCall call) {
        List<String> s = call.segments();
        if (s.size() == 2) {
            switch (call.method()) {
                case "POST":
                    return write(call, false);
                case "PATCH":
                    return write(call, true);
                case "DELETE":
                    return delete(call);
                default:
                    SObjectResource.requireMethod(call, "POST", "PATCH", "DELETE");
            }
        }
        SObjectSchema type = schema.object(s.get(2)).orElseThrow(ApiErrors::notFound);
        if (s.size() == 3) {
            SObjectResource.requireMethod(call, "GET", "POST");
            return retrieve(call, type);
        }
        if (s.size() == 4) {
            SObjectResource.requireMethod(call, "PATCH");
            return upsert(call, type, s.get(3));
        }
        throw ApiErrors.notFound();
    }

    /** Thrown inside the transaction to undo every record of an allOrNone request. */
    private static final class RollBack extends RuntimeException {
        RollBack() {
            super(null, null, false, false);
        }
    }

    private interface RecordWrite {
        Map<String, Object> apply(int index, Map<String, Object> record);
    }

    private List<Map<String, Object>> records(RestCall call) {
        Map<String, Object> body = SObjectResource.bodyObject(call);
        if (!(body.get("records") instanceof List<?> list)) {
            throw ApiErrors.jsonParser("records is required");
        }
        if (list.size() > MAX_RECORDS) {
            throw ApiErrors.badRequest("EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than " + MAX_RECORDS + " records into this call", List.of());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) {
                throw ApiErrors.jsonParser("Each record must be a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> r = new LinkedHashMap<>((Map<String, Object>) m);
            out.add(r);
        }
        return out;
    }

    private static boolean allOrNone(RestCall call) {
        if (call.body() instanceof Map<?, ?> m && m.get("allOrNone") != null) {
            return Boolean.parseBoolean(String.valueOf(m.get("allOrNone")));
        }
        return Boolean.parseBoolean(call.query().getOrDefault("allOrNone", "false"));
    }

    /** Runs each record in its own nested transaction; with allOrNone, any failure undoes them all. */
    private List<Map<String, Object>> run(List<Map<String, Object>> records, boolean allOrNone, RecordWrite write) {
        List<Map<String, Object>> results = new ArrayList<>();
        boolean[] failed = {false};
        try {
            store.atomically(() -> {
                for (int i = 0; i < records.size(); i++) {
                    int index = i;
                    Map<String, Object> result;
                    try {
                        result = store.atomically(() -> write.apply(index, records.get(index)));
                    } catch (ApiException e) {
                        result = failure(null, e.errors());
                        failed[0] = true;
                    }
                    results.add(result);
                }
                if (allOrNone && failed[0]) {
                    throw new RollBack();
                }
                return null;
            });
        } catch (RollBack rollBack) {
            List<Map<String, Object>> rolledBack = new ArrayList<>();
            for (Map<String, Object> r : results) {
                if (Boolean.TRUE.equals(r.get("success"))) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    if (!Boolean.TRUE.equals(r.get("created"))) {
                        e.put("id", r.get("id"));
                    }
                    e.put("success", false);
                    e.put("errors", List.of(Map.of("statusCode", "ALL_OR_NONE_OPERATION_ROLLED_BACK",
                            "message", ROLLED_BACK, "fields", List.of())));
                    rolledBack.add(e);
                } else {
                    rolledBack.add(r);
                }
            }
            LOG.debug("collection allOrNone rolled back {} record(s)", results.size());
            return rolledBack;
        }
        return results;
    }

    static Map<String, Object> success(String id, Boolean created) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("success", true);
        r.put("errors", List.of());
        if (created != null) {
            r.put("created", created);
        }
        return r;
    }

    static Map<String, Object> failure(String id, List<Map<String, Object>> errors) {
        Map<String, Object> r = new LinkedHashMap<>();
        if (id != null) {
            r.put("id", id);
        }
        r.put("success", false);
        r.put("errors", ApiErrors.asCollectionErrors(errors));
        return r;
    }

    private SObjectSchema typeOf(Map<String, Object> record) {
        Object type = record.get("attributes") instanceof Map<?, ?> a ? a.get("type") : null;
        if (type == null) {
            throw ApiErrors.badRequest("INVALID_TYPE", "Must specify a type in the attributes of each record", List.of());
        }
        return schema.object(String.valueOf(type)).orElseThrow(() -> ApiErrors.badRequest("INVALID_TYPE",
                "sObject type '" + type + "' is not supported.", List.of()));
    }

    private static Optional<String> idOf(Map<String, Object> record) {
        for (Map.Entry<String, Object> e : record.entrySet()) {
            if ("id".equalsIgnoreCase(e.getKey()) && e.getValue() != null) {
                return Optional.of(String.valueOf(e.getValue()));
            }
        }
        return Optional.empty();
    }

    private ApiResponse write(RestCall call, boolean update) {
        List<Map<String, Object>> records = records(call);
        List<Map<String, Object>> results = run(records, allOrNone(call), (i, record) -> {
            SObjectSchema type = typeOf(record);
            if (!update) {
                return success(sobjects.insert(type, sobjects.prepare(type, record, null)), null);
            }
            String raw = idOf(record).orElseThrow(() -> ApiErrors.badRequest("MISSING_ARGUMENT",
                    "Id not specified in an update call", List.of()));
            String id = SalesforceIds.normalize(raw);
            if (id == null || !id.startsWith(type.keyPrefix())) {
                throw ApiErrors.malformedId(type.label() + " ID", raw, "Id");
            }
            Map<String, Object> body = new LinkedHashMap<>(record);
            body.keySet().removeIf("id"::equalsIgnoreCase);
            sobjects.update(type, id, sobjects.prepare(type, body, id));
            return success(id, null);
        });
        LOG.debug("collection {} of {} record(s)", update ? "update" : "create", records.size());
        return ApiResponse.of(200, results);
    }

    private ApiResponse delete(RestCall call) {
        String ids = call.query().get("ids");
        List<String> list = new ArrayList<>();
        if (ids != null) {
            for (String id : ids.split(",")) {
                if (!id.isBlank()) {
                    list.add(id.trim());
                }
            }
        }
        if (list.isEmpty()) {
            throw ApiErrors.badRequest("REQUIRED_FIELD_MISSING", "At least 1 Id is required.", null);
        }
        if (list.size() > MAX_RECORDS) {
            throw ApiErrors.badRequest("EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than " + MAX_RECORDS + " records into this call", List.of());
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (String id : list) {
            records.add(Map.of("id", id));
        }
        List<Map<String, Object>> results = run(records, allOrNone(call), (i, record) -> {
            String raw = (String) record.get("id");
            String id = SalesforceIds.normalize(raw);
            Optional<SObjectSchema> type = sobjects.typeOfId(id);
            if (id == null || type.isEmpty()) {
                throw ApiErrors.badRequest("MALFORMED_ID", "malformed id " + raw, List.of());
            }
            if (store.get(type.get().name(), id).isEmpty()) {
                throw store.isDeleted(type.get().name(), id)
                        ? ApiErrors.badRequest("ENTITY_IS_DELETED", "entity is deleted", List.of())
                        : ApiErrors.badRequest("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of());
            }
            sobjects.delete(type.get(), id);
            return success(id, null);
        });
        for (int i = 0; i < results.size(); i++) {
            if (!results.get(i).containsKey("id")) {
                Map<String, Object> withId = new LinkedHashMap<>();
                withId.put("id", list.get(i));
                withId.putAll(results.get(i));
                results.set(i, withId);
            }
        }
        return ApiResponse.of(200, results);
    }

    private ApiResponse retrieve(RestCall call, SObjectSchema type) {
        List<String> ids = new ArrayList<>();
        List<String> fields = null;
        if ("POST".equals(call.method())) {
            Map<String, Object> body = SObjectResource.bodyObject(call);
            if (body.get("ids") instanceof List<?> l) {
                l.forEach(v -> ids.add(String.valueOf(v)));
            }
            if (body.get("fields") instanceof List<?> l) {
                fields = new ArrayList<>();
                for (Object f : l) {
                    fields.add(String.valueOf(f));
                }
            }
        } else {
            for (String id : call.query().getOrDefault("ids", "").split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
            fields = SObjectResource.fieldsParam(call);
        }
        if (fields == null || fields.isEmpty()) {
            throw ApiErrors.badRequest("INVALID_FIELD", "fields is required", List.of());
        }
        List<Object> out = new ArrayList<>();
        for (String raw : ids) {
            String id = SalesforceIds.normalize(raw);
            Optional<Map<String, Object>> record = id == null ? Optional.empty() : store.get(type.name(), id);
            out.add(record.isPresent() ? SObjectResource.toJson(call, type, record.get(), fields) : null);
        }
        return ApiResponse.of(200, out);
    }

    private ApiResponse upsert(RestCall call, SObjectSchema type, String fieldName) {
        FieldSpec key = type.field(fieldName).filter(FieldSpec::externalId)
                .orElseThrow(() -> ApiErrors.extIdFieldNotFound(fieldName));
        List<Map<String, Object>> records = records(call);
        Map<String, Integer> seen = new HashMap<>();
        List<Map<String, Object>> results = run(records, allOrNone(call), (i, record) -> {
            SObjectSchema recordType = typeOf(record);
            if (!recordType.name().equals(type.name())) {
                throw ApiErrors.badRequest("INVALID_TYPE", "Record type " + recordType.name()
                        + " does not match the type of the request, " + type.name(), List.of());
            }
            Object rawValue = null;
            Map<String, Object> body = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : record.entrySet()) {
                if (e.getKey().equalsIgnoreCase(key.name())) {
                    rawValue = e.getValue();
                } else {
                    body.put(e.getKey(), e.getValue());
                }
            }
            if (rawValue == null) {
                throw ApiErrors.badRequest("MISSING_ARGUMENT", key.name() + " not specified", List.of());
            }
            Object value = key.coerce(rawValue);
            Integer first = seen.putIfAbsent(String.valueOf(value).toLowerCase(Locale.ROOT), i);
            if (first != null) {
                throw ApiErrors.badRequest("DUPLICATE_EXTERNAL_ID", "Duplicate external id specified: " + value,
                        List.of(key.name()));
            }
            List<Map<String, Object>> matches = store.findBy(type.name(), key.name(), value);
            if (matches.size() > 1) {
                List<String> ids = matches.stream().map(m -> (String) m.get("Id")).toList();
                throw ApiErrors.badRequest("DUPLICATE_EXTERNAL_ID",
                        "more than one record found for external id field: " + ids, List.of());
            }
            if (matches.size() == 1) {
                String id = (String) matches.get(0).get("Id");
                sobjects.update(type, id, sobjects.prepare(type, body, id));
                return success(id, false);
            }
            Map<String, Object> fields = sobjects.prepare(type, body, null);
            fields.put(key.name(), value);
            return success(sobjects.insert(type, fields), true);
        });
        LOG.debug("collection upsert of {} {} record(s) on {}", records.size(), type.name(), key.name());
        return ApiResponse.of(200, results);
    }
}
