package io.commercesync.sandbox;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One sObject type: its API name, key prefix and fields (looked up case-insensitively). */
final class SObjectSchema {

    static final java.util.List<String> SYSTEM_FIELDS = java.util.List.of("Id", "IsDeleted", "CreatedDate",
            "CreatedById", "LastModifiedDate", "LastModifiedById", "SystemModstamp");

    private final String name;
    private final String label;
    private final String keyPrefix;
    private final Map<String, FieldSpec> fields = new LinkedHashMap<>();
    private final Map<String, FieldSpec> byLowerName = new LinkedHashMap<>();
    private final Map<String, FieldSpec> byRelationship = new LinkedHashMap<>();

    SObjectSchema(String name, String label, String keyPrefix, Collection<FieldSpec> declared) {
        this.name = name;
        this.label = label;
        this.keyPrefix = keyPrefix;
        add(new FieldSpec("Id", label + " ID", "id", false, 18, false, true, java.util.List.of(), false, name,
                null, null, false, false));
        for (FieldSpec f : declared) {
            add(f);
        }
        if (!isPlatformEvent()) {
            add(system("IsDeleted", "Deleted", "boolean"));
            add(system("CreatedDate", "Created Date", "datetime"));
            add(system("CreatedById", "Created By ID", "reference"));
            add(system("LastModifiedDate", "Last Modified Date", "datetime"));
            add(system("LastModifiedById", "Last Modified By ID", "reference"));
            add(system("SystemModstamp", "System Modstamp", "datetime"));
        }
    }

    private static FieldSpec system(String name, String label, String type) {
        return new FieldSpec(name, label, type, false, 0, false, false, java.util.List.of(), false, null, null,
                null, false, false);
    }

    private void add(FieldSpec f) {
        fields.put(f.name(), f);
        byLowerName.put(f.name().toLowerCase(Locale.ROOT), f);
        if (f.relationshipName() != null) {
            byRelationship.put(f.relationshipName().toLowerCase(Locale.ROOT), f);
        }
    }

    String name() {
        return name;
    }

    String label() {
        return label;
    }

    String keyPrefix() {
        return keyPrefix;
    }

    boolean isPlatformEvent() {
        return name.endsWith("__e");
    }

    Collection<FieldSpec> fields() {
        return fields.values();
    }

    Optional<FieldSpec> field(String fieldName) {
        return Optional.ofNullable(byLowerName.get(fieldName.toLowerCase(Locale.ROOT)));
    }

    /** The lookup field whose relationship name is {@code relationship} ("Account" → AccountId). */
    Optional<FieldSpec> relationship(String relationship) {
        return Optional.ofNullable(byRelationship.get(relationship.toLowerCase(Locale.ROOT)));
    }
}
