package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The org's data model, loaded from JSON ({@code sandbox/schema.json} on the classpath by default).
 * Format: {@code {"objects":[{"name","label","keyPrefix","fields":[{"name","label","type","length",
 * "required","externalId","unique","picklistValues","restricted","referenceTo","relationshipName",
 * "defaultValue","createable","updateable"}]}]}}.
 */
final class Schema {

    static final String DEFAULT_LOCATION = "sandbox/schema.json";

    private final Map<String, SObjectSchema> byLowerName = new LinkedHashMap<>();
    private final Map<String, SObjectSchema> byKeyPrefix = new LinkedHashMap<>();

    private Schema(Collection<SObjectSchema> objects) {
        for (SObjectSchema o : objects) {
            byLowerName.put(o.name().toLowerCase(Locale.ROOT), o);
            byKeyPrefix.put(o.keyPrefix(), o);
        }
    }

    static Schema load(String location, ObjectMapper json) {
        try (InputStream in = location == null
                ? Schema.class.getClassLoader().getResourceAsStream(DEFAULT_LOCATION)
                : Files.newInputStream(Path.of(location))) {
            if (in == null) {
                throw new IOException("schema not found on classpath: " + DEFAULT_LOCATION);
            }
            return parse(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox schema " + (location == null ? DEFAULT_LOCATION : location), e);
        }
    }

    static Schema parse(JsonNode root) {
        List<SObjectSchema> objects = new ArrayList<>();
        int customPrefix = 0;
        for (JsonNode o : root.path("objects")) {
            String name = o.path("name").asText();
            String prefix = o.path("keyPrefix").asText(null);
            if (prefix == null) {
                prefix = name.endsWith("__e") ? "e0" + (char) ('A' + customPrefix++) : "a0" + (char) ('A' + customPrefix++);
            }
            List<FieldSpec> fields = new ArrayList<>();
            for (JsonNode f : o.path("fields")) {
                fields.add(field(f));
            }
            objects.add(new SObjectSchema(name, o.path("label").asText(name), prefix, fields));
        }
        return new Schema(objects);
    }

    private static FieldSpec field(JsonNode f) {
        String name = f.path("name").asText();
        List<String> values = new ArrayList<>();
        f.path("picklistValues").forEach(v -> values.add(v.asText()));
        JsonNode dv = f.get("defaultValue");
        Object defaultValue = dv == null || dv.isNull() ? null
                : dv.isBoolean() ? dv.booleanValue() : dv.isNumber() ? dv.decimalValue() : dv.asText();
        boolean createable = f.path("createable").asBoolean(true);
        return new FieldSpec(name, f.path("label").asText(FieldSpec.defaultLabel(name)),
                f.path("type").asText("string"), f.path("required").asBoolean(false), f.path("length").asInt(0),
                f.path("externalId").asBoolean(false), f.path("unique").asBoolean(false), List.copyOf(values),
                f.path("restricted").asBoolean(false), f.path("referenceTo").asText(null),
                f.path("relationshipName").asText(null), defaultValue, createable,
                f.path("updateable").asBoolean(createable));
    }

    Optional<SObjectSchema> object(String name) {
        return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    Optional<SObjectSchema> byKeyPrefix(String prefix) {
        return Optional.ofNullable(byKeyPrefix.get(prefix));
    }

    Collection<SObjectSchema> objects() {
        return byLowerName.values();
    }
}
