package io.commercesync.sandbox;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SessionExpiryTest {

    @Test
    void expiredSessionsMakeCamelLogInAgainAndTheCallSucceeds() {
        try (SandboxOrg org = SandboxOrg.start(SandboxOrgSettings.defaults());
             CamelSalesforce sf = CamelSalesforce.connect(org)) {
            assertNull(sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"A\"}").getException());
            org.expireSessions();
            Exchange ex = sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"B\"}");
            assertNull(ex.getException());
            assertEquals(200, CamelSalesforce.status(ex));
            assertEquals("B", org.records("Account").get(0).get("Name"));
            assertEquals(2, org.apiCalls(), "the refused 401 attempt is not counted");
        }
    }

    @Test
    void idleSessionsTimeOutAndCamelRecovers() {
        MutableClock clock = new MutableClock();
        try (SandboxOrg org = SandboxOrg.start(SandboxOrgSettings.defaults(), clock);
             CamelSalesforce sf = CamelSalesforce.connect(org)) {
            clock.advance(Duration.ofMinutes(119));
            assertNull(sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"A\"}").getException());
            clock.advance(Duration.ofMinutes(119));
            assertNull(sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"B\"}").getException(),
                    "each call restarts the two-hour inactivity timer");
            assertEquals(0, org.faults().pending());
            clock.advance(Duration.ofMinutes(121));
            Exchange ex = sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"C\"}");
            assertNull(ex.getException(), "camel logs in again after the 401");
            assertEquals(200, CamelSalesforce.status(ex));
            assertEquals(3, org.apiCalls());
        }
    }
}
