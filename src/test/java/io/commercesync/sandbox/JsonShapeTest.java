package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void valuesMayDifferButKeysAndTypesMayNot() throws Exception {
        JsonShape shape = JsonShape.of(json("{\"id\":\"001A\",\"success\":true,\"errors\":[],\"n\":1}"));
        assertEquals(List.of(), shape.differences(json("{\"id\":\"003B\",\"success\":false,\"errors\":[{\"x\":1}],\"n\":2.5}")));
        assertEquals(List.of("id: recorded STRING, answered NULL", "n: recorded, missing from the answer",
                "warnings: in the answer, not recorded"),
                shape.differences(json("{\"id\":null,\"success\":true,\"errors\":[],\"warnings\":[]}")));
    }

    @Test
    void arraysAreComparedByTheirFirstElement() throws Exception {
        JsonShape shape = JsonShape.of(json("[{\"message\":\"a\",\"errorCode\":\"B\"},{\"other\":1}]"));
        assertEquals(List.of(), shape.differences(json("[{\"message\":\"x\",\"errorCode\":\"Y\"}]")));
        assertEquals(List.of("[].fields: in the answer, not recorded"),
                shape.differences(json("[{\"message\":\"x\",\"errorCode\":\"Y\",\"fields\":[]}]")));
        assertEquals(List.of("(root): recorded a non-empty array, answered an empty one"), shape.differences(json("[]")));
    }

    @Test
    void anExemptKeyMayBePresentOrAbsentButNeedsAReason() throws Exception {
        JsonShape shape = JsonShape.of(json("{\"id\":\"a\",\"warnings\":[]}")).except("warnings", "gone in later versions");
        assertEquals(List.of(), shape.differences(json("{\"id\":\"b\"}")));
        assertEquals(List.of(), shape.differences(json("{\"id\":\"b\",\"warnings\":[]}")));
        assertThrows(IllegalArgumentException.class, () -> shape.except("id", " "));
        assertThrows(AssertionFailedError.class, () -> shape.assertMatches(json("{}")));
    }
}
