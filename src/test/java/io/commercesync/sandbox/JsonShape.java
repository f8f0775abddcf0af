package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The shape of a recorded JSON answer: which keys, recursively, and which JSON node type each value
 * has. Values may differ (ids, timestamps, texts). Rules:
 * <ul>
 * <li>objects must have exactly the same keys: a key the recording has and the answer lacks fails, and
 *     so does a key only the answer has;</li>
 * <li>a key may be exempted with {@link #except(String, String)}, with the reason (a version difference
 *     the fixture's SOURCES note or our docs name); an exempted key may be present or absent;</li>
 * <li>arrays are compared by their first element's shape; an empty recorded array accepts any array,
 *     a non-empty one needs a non-empty answer;</li>
 * <li>node types must be equal (string, number, boolean, null, object, array); integral and decimal
 *     numbers are both "number".</li>
 * </ul>
 * Paths are written {@code compositeResponse[].body.id}: {@code []} stands for "the first element".
 */
final class JsonShape {

    private final JsonNode recorded;
    private final Map<String, String> exempt = new LinkedHashMap<>();

    private JsonShape(JsonNode recorded) {
        this.recorded = recorded;
    }

    static JsonShape of(JsonNode recorded) {
        return new JsonShape(recorded);
    }

    /** Lets the key at {@code path} be present or absent in the answer, for the stated reason. */
    JsonShape except(String path, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an exemption needs a reason");
        }
        exempt.put(path, reason);
        return this;
    }

    /** Fails listing every difference when {@code answer} does not have the recorded shape. */
    void assertMatches(JsonNode answer) {
        List<String> differences = differences(answer);
        if (!differences.isEmpty()) {
            throw new AssertionFailedError("answer does not have the recorded shape:\n  " + String.join("\n  ", differences)
                    + "\nrecorded: " + recorded + "\nanswer:   " + answer);
        }
    }

    List<String> differences(JsonNode answer) {
        List<String> out = new ArrayList<>();
        compare("", recorded, answer, out);
        return out;
    }

    private void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        String where = path.isEmpty() ? "(root)" : path;
        if (type(expected) != type(actual)) {
            out.add(where + ": recorded " + type(expected) + ", answered " + type(actual));
            return;
        }
        if (expected.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            expected.fieldNames().forEachRemaining(keys::add);
            actual.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String child = path.isEmpty() ? key : path + "." + key;
                if (exempt.containsKey(child)) {
                    if (expected.has(key) && actual.has(key)) {
                        compare(child, expected.get(key), actual.get(key), out);
                    }
                } else if (!actual.has(key)) {
                    out.add(child + ": recorded, missing from the answer");
                } else if (!expected.has(key)) {
                    out.add(child + ": in the answer, not recorded");
                } else {
                    compare(child, expected.get(key), actual.get(key), out);
                }
            }
        } else if (expected.isArray()) {
            Iterator<JsonNode> recordedElements = expected.elements();
            if (!recordedElements.hasNext()) {
                return;
            }
            if (actual.isEmpty()) {
                out.add(where + ": recorded a non-empty array, answered an empty one");
                return;
            }
            compare(path + "[]", recordedElements.next(), actual.get(0), out);
        }
    }

    private static JsonNodeType type(JsonNode node) {
        return node == null ? JsonNodeType.MISSING : node.getNodeType();
    }
}
