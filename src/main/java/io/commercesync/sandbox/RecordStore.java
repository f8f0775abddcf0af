package io.commercesync.sandbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The org's records, keyed by sObject type and 18-char id. All access goes through one lock;
 * {@link #atomically} runs work as a transaction whose writes are undone when it throws (nested
 * calls roll back only their own part). Deleted records stay with {@code IsDeleted=true} (the
 * recycle bin) and are invisible to lookups.
 */
final class RecordStore {

    private final SalesforceIds ids;
    private final String userId;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Map<String, Map<String, Object>>> byType = new LinkedHashMap<>();
    private final Deque<Runnable> undo = new ArrayDeque<>();

    RecordStore(SalesforceIds ids, String userId, Clock clock) {
        this.ids = ids;
        this.userId = userId;
        this.clock = clock;
    }

    <T> T atomically(Supplier<T> work) {
        lock.lock();
        int mark = undo.size();
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            rollbackTo(mark);
            throw e;
        } finally {
            if (lock.getHoldCount() == 1) {
                undo.clear();
            }
            lock.unlock();
        }
    }

    private void rollbackTo(int mark) {
        while (undo.size() > mark) {
            undo.pop().run();
        }
    }

    private Map<String, Map<String, Object>> table(String type) {
        return byType.computeIfAbsent(type.toLowerCase(Locale.ROOT), t -> new LinkedHashMap<>());
    }

    /** A copy of a live (not deleted) record. */
    Optional<Map<String, Object>> get(String type, String id) {
        return atomically(() -> {
            Map<String, Object> r = table(type).get(id);
            return r == null || Boolean.TRUE.equals(r.get("IsDeleted")) ? Optional.empty()
                    : Optional.of(new LinkedHashMap<>(r));
        });
    }

    boolean isDeleted(String type, String id) {
        return atomically(() -> {
            Map<String, Object> r = table(type).get(id);
            return r != null && Boolean.TRUE.equals(r.get("IsDeleted"));
        });
    }

    /** Copies of all live records of a type, in insertion order. */
    List<Map<String, Object>> all(String type) {
        return atomically(() -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Object> r : table(type).values()) {
                if (!Boolean.TRUE.equals(r.get("IsDeleted"))) {
                    out.add(new LinkedHashMap<>(r));
                }
            }
            return out;
        });
    }

    /** Copies of all records of a type, recycle bin included (queryAll). */
    List<Map<String, Object>> allIncludingDeleted(String type) {
        return atomically(() -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Object> r : table(type).values()) {
                out.add(new LinkedHashMap<>(r));
            }
            return out;
        });
    }

    /** Live records whose field equals the value (strings compared case-insensitively). */
    List<Map<String, Object>> findBy(String type, String field, Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : all(type)) {
            if (matches(r.get(field), value)) {
                out.add(r);
            }
        }
        return out;
    }

    static boolean matches(Object stored, Object value) {
        if (stored == null || value == null) {
            return stored == value;
        }
        if (stored instanceof java.math.BigDecimal a && value instanceof java.math.BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return String.valueOf(stored).equalsIgnoreCase(String.valueOf(value));
    }

    /** Inserts a record (fields already validated) and returns its new id. */
    String insert(SObjectSchema type, Map<String, Object> fields) {
        return atomically(() -> {
            String id = ids.next(type.keyPrefix());
            String now = now();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("Id", id);
            r.putAll(fields);
            if (!type.isPlatformEvent()) {
                r.put("IsDeleted", false);
                r.put("CreatedDate", now);
                r.put("CreatedById", userId);
                r.put("LastModifiedDate", now);
                r.put("LastModifiedById", userId);
                r.put("SystemModstamp", now);
            }
            Map<String, Map<String, Object>> table = table(type.name());
            table.put(id, r);
            undo.push(() -> table.remove(id));
            return id;
        });
    }

    /** Applies changes to a live record; the caller has validated them. */
    void update(String type, String id, Map<String, Object> changes) {
        atomically(() -> {
            Map<String, Map<String, Object>> table = table(type);
            Map<String, Object> before = table.get(id);
            if (before == null) {
                throw ApiErrors.notFound();
            }
            Map<String, Object> after = new LinkedHashMap<>(before);
            after.putAll(changes);
            String now = now();
            after.put("LastModifiedDate", now);
            after.put("LastModifiedById", userId);
            after.put("SystemModstamp", now);
            table.put(id, after);
            undo.push(() -> table.put(id, before));
            return null;
        });
    }

    /** Moves a record to the recycle bin. */
    void delete(String type, String id) {
        atomically(() -> {
            Map<String, Map<String, Object>> table = table(type);
            Map<String, Object> before = table.get(id);
            if (before == null) {
                throw ApiErrors.notFound();
            }
            Map<String, Object> after = new LinkedHashMap<>(before);
            after.put("IsDeleted", true);
            after.put("SystemModstamp", now());
            table.put(id, after);
            undo.push(() -> table.put(id, before));
            return null;
        });
    }

    void clear() {
        atomically(() -> {
            byType.clear();
            undo.clear();
            return null;
        });
    }

    private String now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).format(FieldSpec.SF_DATETIME);
    }
}
