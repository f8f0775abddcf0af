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
 * "defaultValue","createable","updateable"}]}], "personAccounts": true|false}}.
 */
final class Schema {

    static final String DEFAULT_LOCATION = "sandbox/schema.json";

    private final Map<String, SObjectSchema> byLowerName = new LinkedHashMap<>();
    private final Map<String, SObjectSchema> byKeyPrefix = new LinkedHashMap<>();

    private final boolean personAccounts;
    /** parent type (lower case) → child relationship name (lower case) → the child's lookup. */
    private final Map<String, Map<String, ChildRelationship>> children = new LinkedHashMap<>();

    /** A parent's view of a lookup: {@code Account.Contacts} is Contact.AccountId. */
    record ChildRelationship(String name, SObjectSchema child, FieldSpec lookup) {
    }

    private Schema(Collection<SObjectSchema> objects, boolean personAccounts) {
        this.personAccounts = personAccounts;
        for (SObjectSchema o : objects) {
            byLowerName.put(o.name().toLowerCase(Locale.ROOT), o);
            byKeyPrefix.put(o.keyPrefix(), o);
        }
        for (SObjectSchema child : objects) {
            for (FieldSpec f : child.fields()) {
                if (f.relationshipName() == null || f.referenceTo() == null) {
                    continue;
                }
                String name = childRelationshipName(child.name());
                children.computeIfAbsent(f.referenceTo().toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>())
                        .putIfAbsent(name.toLowerCase(Locale.ROOT), new ChildRelationship(name, child, f));
            }
        }
    }

    /** Contact → Contacts, Opportunity → Opportunities, PricebookEntry → PricebookEntries, Foo__c → Foos__r. */
    static String childRelationshipName(String child) {
        boolean custom = child.endsWith("__c");
        String base = custom ? child.substring(0, child.length() - 3) : child;
        String plural = base.endsWith("y") && !base.endsWith("ay") && !base.endsWith("ey")
                ? base.substring(0, base.length() - 1) + "ies"
                : base.endsWith("s") ? base + "es" : base + "s";
        return custom ? plural + "__r" : plural;
    }

    Optional<ChildRelationship> childRelationship(String parent, String name) {
        return Optional.ofNullable(children.getOrDefault(parent.toLowerCase(Locale.ROOT), Map.of())
                .get(name.toLowerCase(Locale.ROOT)));
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
        boolean personAccounts = root.path("personAccounts").asBoolean(false);
        Map<String, List<FieldSpec>> fieldsByObject = new LinkedHashMap<>();
        Map<String, JsonNode> objectNodes = new LinkedHashMap<>();
        for (JsonNode o : root.path("objects")) {
            List<FieldSpec> fields = new ArrayList<>();
            for (JsonNode f : o.path("fields")) {
                fields.add(field(f));
            }
            fieldsByObject.put(o.path("name").asText(), fields);
            objectNodes.put(o.path("name").asText(), o);
        }
        if (personAccounts && fieldsByObject.containsKey("Account") && fieldsByObject.containsKey("Contact")) {
            addPersonAccountFields(fieldsByObject.get("Account"), fieldsByObject.get("Contact"));
        }
        List<SObjectSchema> objects = new ArrayList<>();
        int customPrefix = 0;
        for (Map.Entry<String, JsonNode> e : objectNodes.entrySet()) {
            String name = e.getKey();
            String prefix = e.getValue().path("keyPrefix").asText(null);
            if (prefix == null) {
                prefix = name.endsWith("__e") ? "e0" + (char) ('A' + customPrefix++) : "a0" + (char) ('A' + customPrefix++);
            }
            objects.add(new SObjectSchema(name, e.getValue().path("label").asText(name), prefix, fieldsByObject.get(name)));
        }
        return new Schema(objects, personAccounts);
    }

    /** Account field → person contact field, for the person-account fields the sandbox models. */
    static final Map<String, String> PERSON_FIELDS = personFieldMap();

    private static Map<String, String> personFieldMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("FirstName", "FirstName");
        m.put("LastName", "LastName");
        m.put("Salutation", "Salutation");
        m.put("PersonEmail", "Email");
        m.put("PersonMobilePhone", "MobilePhone");
        m.put("PersonMailingStreet", "MailingStreet");
        m.put("PersonMailingCity", "MailingCity");
        m.put("PersonMailingState", "MailingState");
        m.put("PersonMailingPostalCode", "MailingPostalCode");
        m.put("PersonMailingCountry", "MailingCountry");
        return m;
    }

    /**
     * Person accounts enabled: Account gains the person fields (mirrored from the Contact fields
     * they map to), {@code <custom>__pc} copies of Contact's custom fields, IsPersonAccount and
     * PersonContactId; Contact gains IsPersonAccount.
     */
    private static void addPersonAccountFields(List<FieldSpec> account, List<FieldSpec> contact) {
        Map<String, FieldSpec> contactByName = new LinkedHashMap<>();
        contact.forEach(f -> contactByName.put(f.name(), f));
        for (Map.Entry<String, String> e : PERSON_FIELDS.entrySet()) {
            FieldSpec c = contactByName.get(e.getValue());
            if (c != null) {
                account.add(new FieldSpec(e.getKey(), e.getKey().startsWith("Person") ? FieldSpec.defaultLabel(e.getKey())
                        : c.label(), c.type(), false, c.length(), false, false, c.picklistValues(), c.restricted(),
                        null, null, null, true, true));
            }
        }
        for (FieldSpec c : contact) {
            if (c.name().endsWith("__c")) {
                String pc = c.name().substring(0, c.name().length() - 3) + "__pc";
                account.add(new FieldSpec(pc, c.label(), c.type(), false, c.length(), c.externalId(), c.unique(),
                        c.picklistValues(), c.restricted(), c.referenceTo(), null, null, true, true));
            }
        }
        account.add(new FieldSpec("IsPersonAccount", "Is Person Account", "boolean", false, 0, false, false, List.of(),
                false, null, null, false, false, false));
        account.add(new FieldSpec("PersonContactId", "Person Contact ID", "reference", false, 18, false, false, List.of(),
                false, "Contact", "PersonContact", null, false, false));
        contact.add(new FieldSpec("IsPersonAccount", "Is Person Account", "boolean", false, 0, false, false, List.of(),
                false, null, null, false, false, false));
    }

    boolean personAccounts() {
        return personAccounts;
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
