package io.commercesync.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /services/data/vNN.N/sobjects/...}: create, read, update, delete and upsert by external id,
 * with the validation and answers of a real org.
 */
final class SObjectResource {

    private static final Logger LOG = LoggerFactory.getLogger(SObjectResource.class);

    private final Schema schema;
    private final RecordStore store;
    private final RecordRules rules;

    private final ApiLimits limits;
    private final DuplicateRules duplicates;

    SObjectResource(Schema schema, RecordStore store, RecordRules rules, ApiLimits limits, DuplicateRules duplicates) {
        this.schema = schema;
        this.store = store;
        this.rules = rules;
        this.limits = limits;
        this.duplicates = duplicates;
    }

    Schema schema() {
        return schema;
    }

    ApiResponse handle(RestCall call) {
        List<String> s = call.segments();
        if (s.size() == 1) {
            requireMethod(call, "GET");
            return ApiResponse.of(200, describeGlobal(call));
        }
        SObjectSchema type = schema.object(s.get(1)).orElseThrow(ApiErrors::notFound);
        switch (s.size()) {
            case 2:
                if ("POST".equals(call.method())) {
                    return create(call, type);
                }
                requireMethod(call, "GET", "POST");
                return ApiResponse.of(200, Map.of("objectDescribe", describeSummary(call, type), "recentItems", List.of()));
            case 3:
                String third = s.get(2);
                if ("describe".equals(third)) {
                    requireMethod(call, "GET");
                    return ApiResponse.of(200, describe(call, type));
                }
                if ("POST".equals(call.method()) && "Id".equalsIgnoreCase(third)) {
                    return create(call, type);
                }
                return byId(call, type, third);
            case 4:
                return byExternalId(call, type, s.get(2), s.get(3));
            default:
                throw ApiErrors.notFound();
        }
    }

    // ---- create / read / update / delete by id -------------------------------------------------

    private ApiResponse create(RestCall call, SObjectSchema type) {
        Map<String, Object> body = recordBody(call);
        Map<String, Object> fields = prepare(type, body, null);
        String id = insert(type, fields);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", id);
        result.put("success", true);
        if (type.isPlatformEvent()) {
            Map<String, Object> enqueued = new LinkedHashMap<>();
            enqueued.put("statusCode", "OPERATION_ENQUEUED");
            enqueued.put("message", UUID.randomUUID().toString());
            enqueued.put("fields", List.of());
            result.put("errors", List.of(enqueued));
            limits.eventPublished();
            LOG.debug("published {} {}", type.name(), id);
        } else {
            result.put("errors", List.of());
            LOG.debug("created {} {}", type.name(), id);
        }
        return ApiResponse.of(201, result).withHeader("Location", recordUrl(call, type, id));
    }

    private ApiResponse byId(RestCall call, SObjectSchema type, String rawId) {
        requireMethod(call, "GET", "PATCH", "DELETE");
        String id = SalesforceIds.normalize(rawId);
        if (id == null || !id.startsWith(type.keyPrefix()) || type.isPlatformEvent()) {
            throw ApiErrors.extIdFieldNotFound(rawId);
        }
        Map<String, Object> record = live(type, id);
        switch (call.method()) {
            case "GET":
                return ApiResponse.of(200, toJson(call, type, record, fieldsParam(call)));
            case "PATCH":
                update(type, id, prepare(type, recordBody(call), id));
                LOG.debug("updated {} {}", type.name(), id);
                return ApiResponse.noContent();
            default:
                delete(type, id);
                return ApiResponse.noContent();
        }
    }

    private Map<String, Object> live(SObjectSchema type, String id) {
        return store.get(type.name(), id).orElseThrow(() -> store.isDeleted(type.name(), id)
                ? ApiErrors.of(404, "ENTITY_IS_DELETED", "entity is deleted", List.of())
                : ApiErrors.notFound());
    }

    // ---- by external id -------------------------------------------------------------------------

    private ApiResponse byExternalId(RestCall call, SObjectSchema type, String fieldName, String rawValue) {
        requireMethod(call, "GET", "PATCH", "DELETE", "POST");
        FieldSpec key = type.field(fieldName)
                .filter(f -> f.externalId() || "Id".equals(f.name()))
                .orElseThrow(() -> ApiErrors.extIdFieldNotFound(fieldName));
        if ("Id".equals(key.name())) {
            if ("PATCH".equals(call.method())) {
                return upsertById(call, type, rawValue);
            }
            return byId(call, type, rawValue);
        }
        Object value = key.coerce(rawValue);
        List<Map<String, Object>> matches = store.findBy(type.name(), key.name(), value);
        if (matches.size() > 1) {
            List<String> urls = new ArrayList<>();
            for (Map<String, Object> m : matches) {
                urls.add(recordUrl(call, type, (String) m.get("Id")));
            }
            return ApiResponse.of(300, urls);
        }
        Optional<Map<String, Object>> match = matches.stream().findFirst();
        switch (call.method()) {
            case "GET":
                return ApiResponse.of(200, toJson(call, type, match.orElseThrow(ApiErrors::notFound), fieldsParam(call)));
            case "DELETE":
                delete(type, (String) match.orElseThrow(ApiErrors::notFound).get("Id"));
                return ApiResponse.noContent();
            default:
                return upsert(call, type, key, value, match);
        }
    }

    private ApiResponse upsert(RestCall call, SObjectSchema type, FieldSpec key, Object value,
            Optional<Map<String, Object>> match) {
        Map<String, Object> body = new LinkedHashMap<>(recordBody(call));
        for (String k : List.copyOf(body.keySet())) {
            if ("Id".equalsIgnoreCase(k) && body.get(k) == null) {
                body.remove(k); // camel DTOs may carry a null Id
            } else if ("Id".equalsIgnoreCase(k)) {
                throw ApiErrors.badRequest("INVALID_FIELD_FOR_INSERT_UPDATE",
                        "Unable to create/update fields: Id. Please check the security settings of this field and "
                                + "verify that it is read/write for your profile or permission set.", List.of("Id"));
            }
            if (key.name().equalsIgnoreCase(k)) {
                Object inBody = body.remove(k);
                if (inBody != null && !RecordStore.matches(key.coerce(inBody), value)) {
                    throw ApiErrors.badRequest("INVALID_FIELD", "The value of the external ID field " + key.name()
                            + " in the request body (" + inBody + ") does not match the value in the URL (" + value + ")",
                            List.of(key.name()));
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        if (match.isPresent()) {
            String id = (String) match.get().get("Id");
            update(type, id, prepare(type, body, id));
            LOG.debug("upsert updated {} {}={} {}", type.name(), key.name(), value, id);
            if (call.version() < 46.0) {
                return ApiResponse.noContent();
            }
            result.put("id", id);
            result.put("success", true);
            result.put("errors", List.of());
            result.put("created", false);
            return ApiResponse.of(200, result);
        }
        if ("true".equalsIgnoreCase(call.query().get("updateOnly"))) {
            throw ApiErrors.notFound();
        }
        Map<String, Object> fields = prepare(type, body, null);
        fields.put(key.name(), value);
        String id = insert(type, fields);
        LOG.debug("upsert created {} {}={} {}", type.name(), key.name(), value, id);
        result.put("id", id);
        result.put("success", true);
        result.put("errors", List.of());
        if (call.version() >= 46.0) {
            result.put("created", true);
        }
        return ApiResponse.of(201, result).withHeader("Location", recordUrl(call, type, id));
    }

    private ApiResponse upsertById(RestCall call, SObjectSchema type, String rawId) {
        String id = SalesforceIds.normalize(rawId);
        if (id == null || !id.startsWith(type.keyPrefix())) {
            throw ApiErrors.malformedId(type.label() + " ID", rawId, "Id");
        }
        live(type, id);
        Map<String, Object> body = new LinkedHashMap<>(recordBody(call));
        body.keySet().removeIf("Id"::equalsIgnoreCase);
        update(type, id, prepare(type, body, id));
        if (call.version() < 46.0) {
            return ApiResponse.noContent();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", id);
        result.put("success", true);
        result.put("errors", List.of());
        result.put("created", false);
        return ApiResponse.of(200, result);
    }

    // ---- writes shared with collections and graph ----------------------------------------------

    /**
     * Validates a JSON body against the schema and turns it into canonical field values: unknown
     * columns, read-only fields, value shapes and lengths, restricted picklists, lookups given as
     * ids or as relationship references by external id.
     *
     * @param existingId {@code null} for an insert
     */
    Map<String, Object> prepare(SObjectSchema type, Map<String, Object> body, String existingId) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String key = e.getKey();
            if ("attributes".equals(key)) {
                continue;
            }
            Optional<FieldSpec> field = type.field(key);
            if (field.isPresent()) {
                FieldSpec f = field.get();
                if (e.getValue() == null && (existingId == null ? !f.createable() : !f.updateable())) {
                    continue; // camel DTOs may carry null system fields; nothing to write
                }
                if ("Id".equals(f.name())) {
                    if (existingId != null && existingId.equals(SalesforceIds.normalize(String.valueOf(e.getValue())))) {
                        continue;
                    }
                    throw ApiErrors.badRequest("INVALID_FIELD_FOR_INSERT_UPDATE", existingId == null
                            ? "Record ID: cannot specify Id in an insert call"
                            : "Unable to create/update fields: Id. Please check the security settings of this field "
                                    + "and verify that it is read/write for your profile or permission set.", List.of("Id"));
                }
                Object value = f.coerce(e.getValue());
                if (f.isReference() && value != null && SalesforceIds.normalize((String) value) != null) {
                    value = SalesforceIds.normalize((String) value);
                }
                if (existingId == null ? !f.createable() : !f.updateable()) {
                    if (existingId != null && f.createable() && sameAsStored(type, existingId, f, value)) {
                        continue; // re-sending the unchanged value of a create-only field (idempotent upserts)
                    }
                    throw readOnly(f);
                }
                if ("boolean".equals(f.type()) && value == null) {
                    value = false;
                }
                if (f.isReference() && value != null) {
                    value = checkReference(f, (String) value);
                }
                out.put(f.name(), value);
                continue;
            }
            Optional<FieldSpec> lookup = type.relationship(key);
            if (lookup.isPresent() && e.getValue() instanceof Map<?, ?> ref) {
                FieldSpec f = lookup.get();
                if (existingId == null && !f.createable()) {
                    throw readOnly(f);
                }
                String parentId = resolveByExternalId(f, ref);
                if (existingId != null && !f.updateable()) {
                    if (f.createable() && sameAsStored(type, existingId, f, parentId)) {
                        continue;
                    }
                    throw readOnly(f);
                }
                out.put(f.name(), parentId);
                continue;
            }
            throw ApiErrors.noSuchColumn(key, type.name());
        }
        return out;
    }

    private boolean sameAsStored(SObjectSchema type, String id, FieldSpec f, Object value) {
        return store.get(type.name(), id).map(r -> RecordStore.matches(r.get(f.name()), value)).orElse(false);
    }

    private static ApiException readOnly(FieldSpec f) {
        return ApiErrors.badRequest("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + f.name()
                + ". Please check the security settings of this field and verify that it is read/write for your "
                + "profile or permission set.", List.of(f.name()));
    }

    private String checkReference(FieldSpec f, String raw) {
        SObjectSchema target = schema.object(f.referenceTo()).orElse(null);
        String id = SalesforceIds.normalize(raw);
        if (id == null || (target != null && !id.startsWith(target.keyPrefix()))) {
            throw ApiErrors.malformedId(f.label(), raw, f.name());
        }
        if (target != null && store.get(target.name(), id).isEmpty()) {
            if (store.isDeleted(target.name(), id)) {
                throw ApiErrors.badRequest("ENTITY_IS_DELETED", "entity is deleted", List.of());
            }
            throw ApiErrors.badRequest("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of());
        }
        return id;
    }

    private String resolveByExternalId(FieldSpec lookup, Map<?, ?> ref) {
        SObjectSchema target = schema.object(lookup.referenceTo()).orElseThrow(ApiErrors::notFound);
        Map<String, Object> keys = new LinkedHashMap<>();
        ref.forEach((k, v) -> {
            if (!"attributes".equals(k)) {
                keys.put(String.valueOf(k), v);
            }
        });
        if (keys.size() != 1) {
            throw ApiErrors.badRequest("INVALID_FIELD", "Foreign key external ID: more than one field provided for "
                    + "relationship " + lookup.relationshipName() + " in entity " + target.name(), List.of());
        }
        Map.Entry<String, Object> key = keys.entrySet().iterator().next();
        FieldSpec keyField = target.field(key.getKey())
                .filter(f -> f.externalId() || "Id".equals(f.name()))
                .orElseThrow(() -> ApiErrors.badRequest("INVALID_FIELD", "Field name provided, " + key.getKey()
                        + " is not an External ID or indexed field for " + target.name(), List.of()));
        if ("Id".equals(keyField.name())) {
            return checkReference(lookup, String.valueOf(key.getValue()));
        }
        Object value = key.getValue() == null ? null : keyField.coerce(key.getValue());
        List<Map<String, Object>> parents = value == null ? List.of() : store.findBy(target.name(), keyField.name(), value);
        if (parents.isEmpty()) {
            throw ApiErrors.badRequest("INVALID_FIELD", "Foreign key external ID: " + key.getValue()
                    + " not found for field " + keyField.name() + " in entity " + target.name(), List.of());
        }
        if (parents.size() > 1) {
            throw ApiErrors.badRequest("DUPLICATE_EXTERNAL_ID", "Foreign key external ID: " + key.getValue()
                    + " matched more than one record for field " + keyField.name() + " in entity " + target.name(),
                    List.of());
        }
        return (String) parents.get(0).get("Id");
    }

    /** Inserts prepared fields after defaults, required-field, uniqueness and object rules. */
    String insert(SObjectSchema type, Map<String, Object> prepared) {
        return store.atomically(() -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (FieldSpec f : type.fields()) {
                if (f.defaultValue() != null && !SObjectSchema.SYSTEM_FIELDS.contains(f.name())) {
                    fields.put(f.name(), f.coerce(f.defaultValue()));
                }
            }
            fields.putAll(prepared);
            rules.beforeInsert(type, fields);
            requireFields(type, fields);
            checkUnique(type, fields, null);
            duplicates.check(type, fields, null, DataApi.allowDuplicates());
            String id = store.insert(type, fields);
            rules.afterWrite(type, id);
            return id;
        });
    }

    void update(SObjectSchema type, String id, Map<String, Object> changes) {
        store.atomically(() -> {
            Map<String, Object> before = live(type, id);
            rules.beforeUpdate(type, before, changes);
            Map<String, Object> after = new LinkedHashMap<>(before);
            after.putAll(changes);
            requireFields(type, after);
            checkUnique(type, changes, id);
            duplicates.check(type, after, id, DataApi.allowDuplicates());
            store.update(type.name(), id, changes);
            rules.afterWrite(type, id);
            return null;
        });
    }

    void delete(SObjectSchema type, String id) {
        store.atomically(() -> {
            Map<String, Object> before = live(type, id);
            rules.beforeDelete(type, before);
            store.delete(type.name(), id);
            rules.afterDelete(type, before);
            LOG.debug("deleted {} {}", type.name(), id);
            return null;
        });
    }

    private static void requireFields(SObjectSchema type, Map<String, Object> record) {
        List<String> missing = new ArrayList<>();
        for (FieldSpec f : type.fields()) {
            if (f.required() && record.get(f.name()) == null) {
                missing.add(f.name());
            }
        }
        if (!missing.isEmpty()) {
            throw ApiErrors.badRequest("REQUIRED_FIELD_MISSING",
                    "Required fields are missing: [" + String.join(", ", missing) + "]", missing);
        }
    }

    private void checkUnique(SObjectSchema type, Map<String, Object> fields, String selfId) {
        for (FieldSpec f : type.fields()) {
            Object v = fields.get(f.name());
            if (!f.unique() || v == null || "Id".equals(f.name())) {
                continue;
            }
            for (Map<String, Object> other : store.findBy(type.name(), f.name(), v)) {
                if (!other.get("Id").equals(selfId)) {
                    throw ApiErrors.badRequest("DUPLICATE_VALUE", "duplicate value found: " + f.name()
                            + " duplicates value on record with id: " + other.get("Id"), List.of());
                }
            }
        }
    }

    // ---- JSON shapes ----------------------------------------------------------------------------

    static String recordUrl(RestCall call, SObjectSchema type, String id) {
        return call.basePath() + "/sobjects/" + type.name() + "/" + id;
    }

    static List<String> fieldsParam(RestCall call) {
        String fields = call.query().get("fields");
        if (fields == null || fields.isBlank()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String f : fields.split(",")) {
            if (!f.isBlank()) {
                out.add(f.trim());
            }
        }
        return out;
    }

    /** A record as GET answers it: attributes first, then every field (or the requested ones plus Id). */
    static Map<String, Object> toJson(RestCall call, SObjectSchema type, Map<String, Object> record, List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", type.name());
        attributes.put("url", recordUrl(call, type, (String) record.get("Id")));
        out.put("attributes", attributes);
        if (fields == null) {
            for (FieldSpec f : type.fields()) {
                out.put(f.name(), jsonValue(f, record.get(f.name())));
            }
            return out;
        }
        for (String name : fields) {
            FieldSpec f = type.field(name).orElseThrow(() -> ApiErrors.noSuchColumn(name, type.name()));
            out.put(f.name(), jsonValue(f, record.get(f.name())));
        }
        out.putIfAbsent("Id", record.get("Id"));
        return out;
    }

    static Object jsonValue(FieldSpec f, Object v) {
        if (v instanceof BigDecimal d) {
            return "int".equals(f.type()) ? (Object) d.intValue() : (Object) d.doubleValue();
        }
        return v;
    }

    /**
     * The body of a single-record write. A JSON array (several records posted to a one-record
     * resource) is refused with the INVALID_FIELD text a real org answers.
     */
    static Map<String, Object> recordBody(RestCall call) {
        if (call.body() instanceof List<?>) {
            throw ApiErrors.badRequest("INVALID_FIELD", "Json Deserialization failed on token 'null' and has left off in "
                    + "the middle of parsing a row. Will go to end of row to begin parsing the next row", null);
        }
        return bodyObject(call);
    }

    static Map<String, Object> bodyObject(RestCall call) {
        if (call.body() == null) {
            throw ApiErrors.jsonParser("The HTTP entity body is required, but this request has no entity body.");
        }
        if (!(call.body() instanceof Map<?, ?> map)) {
            throw ApiErrors.jsonParser("Cannot deserialize instance of " + call.segment(1)
                    + " from START_ARRAY value or request may be missing a required field");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) map;
        return body;
    }

    static void requireMethod(RestCall call, String... allowed) {
        for (String m : allowed) {
            if (m.equals(call.method())) {
                return;
            }
        }
        throw ApiErrors.of(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + call.method() + "' not allowed. Allowed are "
                + String.join(",", allowed), null);
    }

    // ---- describe -------------------------------------------------------------------------------

    private Map<String, Object> describeGlobal(RestCall call) {
        List<Object> objects = new ArrayList<>();
        for (SObjectSchema t : schema.objects()) {
            objects.add(describeSummary(call, t));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("encoding", "UTF-8");
        out.put("maxBatchSize", 200);
        out.put("sobjects", objects);
        return out;
    }

    private static Map<String, Object> describeSummary(RestCall call, SObjectSchema t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", t.name());
        out.put("label", t.label());
        out.put("keyPrefix", t.keyPrefix());
        out.put("custom", t.name().contains("__"));
        out.put("createable", true);
        out.put("updateable", !t.isPlatformEvent());
        out.put("deletable", !t.isPlatformEvent());
        out.put("queryable", !t.isPlatformEvent());
        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("sobject", call.basePath() + "/sobjects/" + t.name());
        urls.put("describe", call.basePath() + "/sobjects/" + t.name() + "/describe");
        urls.put("rowTemplate", call.basePath() + "/sobjects/" + t.name() + "/{ID}");
        out.put("urls", urls);
        return out;
    }

    private static Map<String, Object> describe(RestCall call, SObjectSchema t) {
        Map<String, Object> out = describeSummary(call, t);
        List<Object> fields = new ArrayList<>();
        for (FieldSpec f : t.fields()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", f.name());
            d.put("label", f.label());
            d.put("type", f.type());
            d.put("length", f.isText() ? f.length() : 0);
            d.put("nillable", !f.required() && !"boolean".equals(f.type()) && !"Id".equals(f.name()));
            d.put("createable", f.createable());
            d.put("updateable", f.updateable());
            d.put("externalId", f.externalId());
            d.put("unique", f.unique());
            d.put("idLookup", f.externalId() || "Id".equals(f.name()));
            d.put("referenceTo", f.referenceTo() == null || "id".equals(f.type()) ? List.of() : List.of(f.referenceTo()));
            d.put("relationshipName", f.relationshipName());
            d.put("restrictedPicklist", f.restricted());
            List<Object> values = new ArrayList<>();
            for (String v : f.picklistValues()) {
                values.add(Map.of("value", v, "label", v, "active", true,
                        "defaultValue", v.equals(f.defaultValue())));
            }
            d.put("picklistValues", values);
            d.put("defaultValue", f.defaultValue());
            fields.add(d);
        }
        out.put("fields", fields);
        return out;
    }

    /** Name of the sObject type addressed by a key prefix, for fault messages and lookups. */
    Optional<SObjectSchema> typeOfId(String id) {
        return id == null || id.length() < 3 ? Optional.empty() : schema.byKeyPrefix(id.substring(0, 3));
    }
}
