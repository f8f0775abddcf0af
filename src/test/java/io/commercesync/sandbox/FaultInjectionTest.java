package io.commercesync.sandbox;

import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectionTest extends CamelAgainstSandboxOrg {

    private static Exchange upsert(String name) {
        return sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"" + name + "\"}");
    }

    @Test
    void unableToLockRowNamesTheLockedRecord() {
        String id = (String) org.records("Account").stream().findFirst().map(r -> r.get("Id")).orElse(null);
        assertNull(id);
        assertNull(upsert("A").getException());
        id = (String) org.records("Account").get(0).get("Id");
        org.faults().failNext(1, Fault.UNABLE_TO_LOCK_ROW);
        SalesforceException e = assertInstanceOf(SalesforceException.class, upsert("B").getException());
        assertEquals(400, e.getStatusCode());
        assertEquals("UNABLE_TO_LOCK_ROW", e.getErrors().get(0).getErrorCode());
        assertEquals("unable to obtain exclusive access to this record or 1 records: " + id, e.getErrors().get(0).getMessage());
        assertEquals(List.of(), e.getErrors().get(0).getFields());
        assertEquals("A", org.records("Account").get(0).get("Name"), "the faulted call changed nothing");
        assertNull(upsert("C").getException(), "only the next call was faulted");
    }

    @Test
    void serviceUnavailableAnswers503() {
        org.faults().failNext(2, Fault.SERVICE_UNAVAILABLE);
        for (int i = 0; i < 2; i++) {
            SalesforceException e = assertInstanceOf(SalesforceException.class, upsert("A").getException());
            assertEquals(503, e.getStatusCode());
        }
        assertNull(upsert("A").getException());
        assertEquals(3, org.apiCalls());
    }

    @Test
    void requestLimitExceededFaultAnswers403() {
        org.faults().failNext(1, Fault.REQUEST_LIMIT_EXCEEDED);
        SalesforceException e = assertInstanceOf(SalesforceException.class, upsert("A").getException());
        assertEquals(403, e.getStatusCode());
        assertEquals("REQUEST_LIMIT_EXCEEDED", e.getErrors().get(0).getErrorCode());
    }

    @Test
    void invalidSessionFaultIsHealedByCamelsReLogin() {
        org.faults().failNext(2, Fault.INVALID_SESSION_ID);
        Exchange ex = upsert("A");
        assertNull(ex.getException());
        assertEquals(201, CamelSalesforce.status(ex));
        assertEquals(0, org.faults().pending());
    }

    @Test
    void afterCommitFaultsLoseTheAnswerButKeepTheWrite() {
        org.faults().failNextAfterCommit(1, Fault.SERVICE_UNAVAILABLE);
        Exchange ex = sf.call("salesforce:createSObject?sObjectName=Commerce_Order_Event__e&rawPayload=true",
                "{\"Order_Id__c\":\"O-1\"}", java.util.Map.of());
        SalesforceException e = assertInstanceOf(SalesforceException.class, ex.getException());
        assertEquals(503, e.getStatusCode());
        assertEquals(1, org.records("Commerce_Order_Event__e").size(), "the event was published anyway");
        org.faults().failNextAfterCommit(1, Fault.UNABLE_TO_LOCK_ROW);
        assertInstanceOf(SalesforceException.class, upsert("A").getException());
        assertEquals("A", org.records("Account").get(0).get("Name"));
        assertEquals(200, CamelSalesforce.status(upsert("A")), "a retried upsert is harmless");
    }

    @Test
    void delayedCallsAreSlowButSucceed() {
        org.faults().delayNext(1, java.time.Duration.ofMillis(400));
        long start = System.nanoTime();
        Exchange ex = upsert("A");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertNull(ex.getException());
        assertTrue(millis >= 400, "took " + millis + " ms");
    }

    @Test
    void persistentInvalidSessionExhaustsCamelsRetries() {
        org.faults().failNext(5, Fault.INVALID_SESSION_ID);
        SalesforceException e = assertInstanceOf(SalesforceException.class, upsert("A").getException());
        assertEquals(401, e.getStatusCode());
        assertTrue(org.faults().pending() < 5);
        org.faults().clear();
        assertNull(upsert("A").getException());
    }

    /** How many of {@code calls} draws from {@code new Random(seed)} fall under {@code share}: what failShare does. */
    private static int expectedFailures(double share, long seed, int calls) {
        java.util.Random random = new java.util.Random(seed);
        int failures = 0;
        for (int i = 0; i < calls; i++) {
            if (random.nextDouble() < share) {
                failures++;
            }
        }
        return failures;
    }

    @Test
    void aSeededShareOfCallsFailsTheSameCallsOnEveryRunUntilCleared() {
        org.faults().failShare(0.3, Fault.SERVICE_UNAVAILABLE, 42);
        int failures = 0;
        for (int i = 0; i < 40; i++) {
            Exchange ex = upsert("A" + i);
            if (ex.getException() != null) {
                assertEquals(503, assertInstanceOf(SalesforceException.class, ex.getException()).getStatusCode());
                failures++;
            }
        }
        assertEquals(expectedFailures(0.3, 42, 40), failures);
        assertTrue(failures > 0 && failures < 40, "some calls fail, not all: " + failures);
        assertEquals(40, org.apiCalls(), "a faulted call counts as an API call");
        org.faults().clear();
        assertEquals(0.0, org.faults().share());
        for (int i = 0; i < 10; i++) {
            assertNull(upsert("B" + i).getException(), "a cleared share fails nothing");
        }
    }

    @Test
    void aShareOfOneFailsEveryCallAndChangesNothing() {
        assertNull(upsert("A").getException());
        org.faults().failShare(1.0, Fault.UNABLE_TO_LOCK_ROW);
        for (int i = 0; i < 5; i++) {
            SalesforceException e = assertInstanceOf(SalesforceException.class, upsert("B" + i).getException());
            assertEquals("UNABLE_TO_LOCK_ROW", e.getErrors().get(0).getErrorCode());
        }
        assertEquals("A", org.records("Account").get(0).get("Name"));
        org.faults().clear();
    }

    @Test
    void queuedFaultsComeBeforeTheShare() {
        org.faults().failShare(0.0, Fault.SERVICE_UNAVAILABLE);
        org.faults().failNext(1, Fault.REQUEST_LIMIT_EXCEEDED);
        assertEquals(403, assertInstanceOf(SalesforceException.class, upsert("A").getException()).getStatusCode());
        assertNull(upsert("A").getException(), "a share of 0 fails nothing");
        assertThrows(IllegalArgumentException.class, () -> org.faults().failShare(1.5, Fault.SERVICE_UNAVAILABLE));
    }
}
