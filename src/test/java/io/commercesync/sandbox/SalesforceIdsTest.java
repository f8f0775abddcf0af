package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SalesforceIdsTest {

    @Test
    void checksumSuffixMatchesIdsFromRealOrgs() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path fixtures = Path.of("../shared/fixtures/salesforce");
        for (String real : new String[] {
                json.readTree(Files.readString(fixtures.resolve("doc-examples/upsert-201-created.json"))).get("id").asText(),
                json.readTree(Files.readString(fixtures.resolve("doc-examples/upsert-200-updated-api46plus.json"))).get("id").asText(),
                json.readTree(Files.readString(fixtures.resolve("upsert/upsert-300-multiple-matches-v60.aiosalesforce.json"))).get(0).asText()
                        .replaceAll(".*/", ""),
                "001D000000IqhSLIAZ"}) {
            assertEquals(real, SalesforceIds.to18(real.substring(0, 15)), real);
            assertTrue(SalesforceIds.isWellFormed(real));
        }
    }

    @Test
    void newIdsCarryTheKeyPrefixAreUniqueAndValid() {
        SalesforceIds ids = new SalesforceIds();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = ids.next("006");
            assertTrue(id.startsWith("006") && id.length() == 18, id);
            assertTrue(SalesforceIds.isWellFormed(id));
            assertTrue(seen.add(id));
        }
    }

    @Test
    void fifteenCharIdsNormaliseAndMalformedIdsAreRejected() {
        assertEquals("001D000000IqhSLIAZ", SalesforceIds.normalize("001D000000IqhSL"));
        assertNull(SalesforceIds.normalize("001D000000IqhSLAAA"));
        assertNull(SalesforceIds.normalize("not-an-id"));
        assertFalse(SalesforceIds.isWellFormed("23foo"));
    }
}
