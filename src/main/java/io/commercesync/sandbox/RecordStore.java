package io.commercesync.sandbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The org's records, keyed by sObject type and 18-char id. All access goes through one lock;
 * {@link #atomically} runs work as a transaction whose writes are undone when it throws (nested
 * calls roll back only their own part). Deleted records stay with {@code IsDeleted=true} (the
 * recycle bin) and are invisible to lookups. Field lookups use per-field indexes (built on first
 * use, kept current by every write and undo) so upserts stay fast with many records.
 */
final class RecordStore {

    private final SalesforceIds ids;
    private final String userId;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Map<String, Map<String, Object>>> byType = new LinkedHashMap<>();
    /** type → field → normalised value → ids of live records. */
    private final Map<String, Map<String, Map<String, Set<String>>>> indexes = new HashMap<>();
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

    private static String typeKey(String type) {
        return type.toLowerCase(Locale.ROOT);
    }

    private Map<String, Map<String, Object>> table(String type) {
        return byType.computeIfAbsent(typeKey(type), t -> new LinkedHashMap<>());
    }

    /** The value under which a field value is indexed and compared: case-insensitive text, scale-free numbers. */
    static String key(Object value) {
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value).toLowerCase(Locale.ROOT);
    }

    static boolean matches(Object stored, Object value) {
        if (stored == null || value == null) {
            return stored == value;
        }
        return key(stored).equals(key(value));
    }

    private static boolean live(Map<String, Object> r) {
        return r != null && !Boolean.TRUE.equals(r.get("IsDeleted"));
    }

    /** Replaces (or with {@code after == null} removes) a record, keeping the indexes current. */
    private void put(String type, String id, Map<String, Object> after) {
        Map<String, Map<String, Object>> table = table(type);
        Map<String, Object> before = after == null ? table.remove(id) : table.put(id, after);
        Map<String, Map<String, Set<String>>> typeIndexes = indexes.get(typeKey(type));
        if (typeIndexes == null) {
            return;
        }
        for (Map.Entry<String, Map<String, Set<String>>> index : typeIndexes.entrySet()) {
            String field = index.getKey();
            if (live(before) && before.get(field) != null) {
                Set<String> set = index.getValue().get(key(before.get(field)));
                if (set != null) {
                    set.remove(id);
                    if (set.isEmpty()) {
                        index.getValue().remove(key(before.get(field)));
                    }
                }
            }
            if (live(after) && after.get(field) != null) {
                index.getValue().computeIfAbsent(key(after.get(field)), k -> new LinkedHashSet<>()).add(id);
            }
        }
    }

    private Map<String, Set<String>> index(String type, String field) {
        return indexes.computeIfAbsent(typeKey(type), t -> new HashMap<>()).computeIfAbsent(field, f -> {
            Map<String, Set<String>> index = new HashMap<>();
            for (Map.Entry<String, Map<String, Object>> e : table(type).entrySet()) {
                Object v = e.getValue().get(field);
                if (live(e.getValue()) && v != null) {
                    index.computeIfAbsent(key(v), k -> new LinkedHashSet<>()).add(e.getKey());
                }
            }
            return index;
        });
    }

    /** A copy of a live (not deleted) record. */
    Optional<Map<String, Object>> get(String type, String id) {
        return atomically(() -> {
            Map<String, Object> r = table(type).get(id);
            return live(r) ? Optional.of(new LinkedHashMap<>(r)) : Optional.empty();
        });
    }

    boolean isDeleted(String type, String id) {
        return atomically(() -> {
            Map<String, Object> r = table(type).get(id);
            return r != null && !live(r);
        });
    }

    /** Copies of all live records of a type, in insertion order. */
    List<Map<String, Object>> all(String type) {
        return select(type, false, r -> true);
    }

    /** Copies of the records that pass the filter (which sees the stored map and must not change it). */
    List<Map<String, Object>> select(String type, boolean includeDeleted, Predicate<Map<String, Object>> filter) {
        return atomically(() -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Object> r : table(type).values()) {
                if ((includeDeleted || live(r)) && filter.test(r)) {
                    out.add(new LinkedHashMap<>(r));
                }
            }
            return out;
        });
    }

    /** Live records whose field equals the value (text compared case-insensitively), via the field's index. */
    List<Map<String, Object>> findBy(String type, String field, Object value) {
        if (value == null) {
            return select(type, false, r -> r.get(field) == null);
        }
        return atomically(() -> {
            List<Map<String, Object>> out = new ArrayList<>();
            Set<String> hits = index(type, field).get(key(value));
            if (hits != null) {
                Map<String, Map<String, Object>> table = table(type);
                for (String id : hits) {
                    out.add(new LinkedHashMap<>(table.get(id)));
                }
            }
            return out;
        });
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
            String name = type.name();
            put(name, id, r);
            undo.push(() -> put(name, id, null));
            return id;
        });
    }

    /** Applies changes to a live record; the caller has validated them. */
    void update(String type, String id, Map<String, Object> changes) {
        atomically(() -> {
            Map<String, Object> before = table(type).get(id);
            if (before == null) {
                throw ApiErrors.notFound();
            }
            Map<String, Object> after = new LinkedHashMap<>(before);
            after.putAll(changes);
            String now = now();
            after.put("LastModifiedDate", now);
            after.put("LastModifiedById", userId);
            after.put("SystemModstamp", now);
            put(type, id, after);
            undo.push(() -> put(type, id, before));
            return null;
        });
    }

    /** Moves a record to the recycle bin. */
    void delete(String type, String id) {
        atomically(() -> {
            Map<String, Object> before = table(type).get(id);
            if (before == null) {
                throw ApiErrors.notFound();
            }
            Map<String, Object> after = new LinkedHashMap<>(before);
            after.put("IsDeleted", true);
            after.put("SystemModstamp", now());
            put(type, id, after);
            undo.push(() -> put(type, id, before));
            return null;
        });
    }

    void clear() {
        atomically(() -> {
            byType.clear();
            indexes.clear();
            undo.clear();
            return null;
        });
    }

    private String now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).format(FieldSpec.SF_DATETIME);
    }
}
