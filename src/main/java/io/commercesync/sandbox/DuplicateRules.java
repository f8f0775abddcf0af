package io.commercesync.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Active duplicate rules. A rule matches when every match field of a new or changed record equals
 * (case-insensitively) that of another live record of the same type; a simplification of
 * Salesforce's fuzzy matching rules. A blocking rule always refuses the save; an alerting rule
 * refuses it unless the request carries {@code Sforce-Duplicate-Rule-Header: allowSave=true}, as
 * the API does. The refusal is 400 DUPLICATES_DETECTED with a {@code duplicateResult}.
 */
final class DuplicateRules {

    private static final Logger LOG = LoggerFactory.getLogger(DuplicateRules.class);
    private static final String MESSAGE = "Use one of these records?";

    /** One active rule. */
    record Rule(String sObject, String name, String matchingRule, List<String> matchFields, boolean block) {
    }

    private final RecordStore store;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    DuplicateRules(RecordStore store) {
        this.store = store;
    }

    void activate(Rule rule) {
        rules.add(rule);
        LOG.info("duplicate rule {} active on {} matching {} ({})", rule.name(), rule.sObject(), rule.matchFields(),
                rule.block() ? "block" : "alert");
    }

    void clear() {
        rules.clear();
    }

    /**
     * Checks a record about to be saved.
     *
     * @param record    the record as it will be (fields after the change)
     * @param selfId    its id on update, {@code null} on insert
     * @param allowSave the request's {@code Sforce-Duplicate-Rule-Header allowSave}
     */
    void check(SObjectSchema type, Map<String, Object> record, String selfId, boolean allowSave) {
        for (Rule rule : rules) {
            if (!rule.sObject().equalsIgnoreCase(type.name()) || (!rule.block() && allowSave)) {
                continue;
            }
            List<String> matches = matches(type, rule, record, selfId);
            if (!matches.isEmpty()) {
                LOG.debug("duplicate rule {} refuses a {} save: matches {}", rule.name(), type.name(), matches);
                throw duplicatesDetected(type, rule, matches);
            }
        }
    }

    private List<String> matches(SObjectSchema type, Rule rule, Map<String, Object> record, String selfId) {
        for (String field : rule.matchFields()) {
            if (record.get(field) == null) {
                return List.of();
            }
        }
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> other : store.findBy(type.name(), rule.matchFields().get(0), record.get(rule.matchFields().get(0)))) {
            boolean same = !other.get("Id").equals(selfId);
            for (String field : rule.matchFields()) {
                same &= RecordStore.matches(other.get(field), record.get(field));
            }
            if (same) {
                ids.add((String) other.get("Id"));
            }
        }
        return ids;
    }

    private static ApiException duplicatesDetected(SObjectSchema type, Rule rule, List<String> ids) {
        List<Object> matchRecords = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("type", type.name());
            attributes.put("url", "/services/data/v60.0/sobjects/" + type.name() + "/" + id);
            Map<String, Object> recordRef = new LinkedHashMap<>();
            recordRef.put("attributes", attributes);
            recordRef.put("Id", id);
            Map<String, Object> match = new LinkedHashMap<>();
            match.put("additionalInformation", List.of());
            match.put("fieldDiffs", List.of());
            match.put("matchConfidence", 100.0);
            match.put("record", recordRef);
            matchRecords.add(match);
        }
        Map<String, Object> matchResult = new LinkedHashMap<>();
        matchResult.put("entityType", type.name());
        matchResult.put("errors", List.of());
        matchResult.put("matchEngine", "ExactMatchEngine");
        matchResult.put("matchRecords", matchRecords);
        matchResult.put("rule", rule.matchingRule());
        matchResult.put("size", ids.size());
        matchResult.put("success", true);
        Map<String, Object> duplicateResult = new LinkedHashMap<>();
        duplicateResult.put("allowSave", !rule.block());
        duplicateResult.put("duplicateRule", rule.name());
        duplicateResult.put("duplicateRuleEntityType", type.name());
        duplicateResult.put("errorMessage", MESSAGE);
        duplicateResult.put("matchResults", List.of(matchResult));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("duplicateResult", duplicateResult);
        error.put("errorCode", "DUPLICATES_DETECTED");
        error.put("message", MESSAGE);
        return new ApiException(400, List.of(error));
    }

    /** {@code allowSave=true} in a {@code Sforce-Duplicate-Rule-Header} value. */
    static boolean allowSave(String header) {
        if (header == null) {
            return false;
        }
        for (String part : header.split(";")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("allowSave")) {
                return Boolean.parseBoolean(kv[1].trim());
            }
        }
        return false;
    }
}
