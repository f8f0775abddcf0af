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
    void idleSessionsTimeOutAndCamelRecovers() throws Exception {
        try (SandboxOrg org = SandboxOrg.start(SandboxOrgSettings.defaults().withSessionTimeout(Duration.ofMillis(300)));
             CamelSalesforce sf = CamelSalesforce.connect(org)) {
            Thread.sleep(500);
            Exchange ex = sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"A\"}");
            assertNull(ex.getException());
            assertEquals(201, CamelSalesforce.status(ex));
        }
    }
}
