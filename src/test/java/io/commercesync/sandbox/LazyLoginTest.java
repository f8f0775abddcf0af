package io.commercesync.sandbox;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class LazyLoginTest {

    @Test
    void camelWithLazyLoginStartsBeforeTheOrgAndConnectsOnceItIsUp() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        SandboxOrgSettings settings = SandboxOrgSettings.defaults().withPort(port);
        try (CamelSalesforce sf = CamelSalesforce.lazy(settings, "http://127.0.0.1:" + port)) {
            Exchange down = sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"Acme\"}");
            assertNotNull(down.getException(), "nothing listens yet");
            try (SandboxOrg org = SandboxOrg.start(settings)) {
                Exchange up = sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"Acme\"}");
                assertNull(up.getException(), () -> String.valueOf(up.getException()));
                assertEquals(201, CamelSalesforce.status(up));
            }
            try (SandboxOrg restarted = SandboxOrg.start(settings)) {
                Exchange again = sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"Acme\"}");
                assertNull(again.getException(), "a restarted org forgot the session: camel logs in again");
                assertEquals(201, CamelSalesforce.status(again), "and its records");
            }
        }
    }
}
