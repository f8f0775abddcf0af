package io.commercesync.sandbox;

import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectionTest {

    private static SandboxOrg org;
    private static CamelSalesforce sf;

    @BeforeAll
    static void start() {
        org = SandboxOrg.start(SandboxOrgSettings.defaults());
        sf = CamelSalesforce.connect(org);
    }

    @AfterAll
    static void stop() {
        sf.close();
        org.close();
    }

    @BeforeEach
    void reset() {
        org.reset();
    }

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
}
