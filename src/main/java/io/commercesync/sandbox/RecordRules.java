package io.commercesync.sandbox;

import java.util.Map;

/**
 * Object-specific rules that run inside the write transaction (the org's "triggers"): price book
 * and line-item rules live here. Throw {@link ApiException} to reject a write.
 */
class RecordRules {

    void beforeInsert(SObjectSchema type, Map<String, Object> fields) {
    }

    void beforeUpdate(SObjectSchema type, Map<String, Object> before, Map<String, Object> changes) {
    }

    void beforeDelete(SObjectSchema type, Map<String, Object> before) {
    }

    void afterWrite(SObjectSchema type, String id) {
    }

    void afterDelete(SObjectSchema type, Map<String, Object> before) {
    }
}
