package io.commercesync.sandbox;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrencyAndVolumeTest {

    @Test
    void concurrentUpsertsOfOneKeyCreateExactlyOneRecord() throws Exception {
        try (SandboxOrg org = SandboxOrg.start(SandboxOrgSettings.defaults());
             CamelSalesforce sf = CamelSalesforce.connect(org)) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<Exchange>> calls = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                int n = i;
                calls.add(pool.submit(() -> sf.upsert("Account", "Commerce_Customer_Id__c", "C-RACE",
                        "{\"Name\":\"Racer " + n + "\"}")));
            }
            int created = 0;
            for (Future<Exchange> f : calls) {
                Exchange ex = f.get();
                assertNull(ex.getException());
                created += CamelSalesforce.status(ex) == 201 ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(1, created);
            assertEquals(1, org.records("Account").size());
            assertEquals(48, org.apiCalls());
        }
    }

    @Test
    void upsertsStayFastWithTwentyThousandRecords() {
        try (SandboxOrg org = SandboxOrg.start(SandboxOrgSettings.defaults());
             CamelSalesforce sf = CamelSalesforce.connect(org)) {
            long start = System.nanoTime();
            for (int batch = 0; batch < 100; batch++) {
                StringBuilder records = new StringBuilder();
                for (int i = 0; i < 200; i++) {
                    int n = batch * 200 + i;
                    records.append(i == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Contact\"},\"LastName\":\"L")
                            .append(n).append("\",\"Email\":\"c").append(n).append("@example.com\",\"Commerce_Customer_Id__c\":\"K-")
                            .append(n).append("\"}");
                }
                Exchange ex = sf.call("salesforce:raw?rawMethod=PATCH&rawPath=/services/data/v60.0/composite/sobjects/"
                        + "Contact/Commerce_Customer_Id__c", "{\"records\":[" + records + "]}", Map.of());
                assertNull(ex.getException());
            }
            long loadMillis = (System.nanoTime() - start) / 1_000_000;
            long t = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                assertNull(sf.upsert("Contact", "Commerce_Customer_Id__c", "K-" + (i * 97), "{\"Phone\":\"1\"}").getException());
            }
            long perUpsertMicros = (System.nanoTime() - t) / 1_000 / 200;
            long q = System.nanoTime();
            Exchange query = sf.call("salesforce:query?rawPayload=true", null,
                    Map.of("sObjectQuery", "SELECT Id FROM Contact WHERE Email = 'c12345@example.com'"));
            long queryMillis = (System.nanoTime() - q) / 1_000_000;
            assertTrue(CamelSalesforce.body(query).contains("\"totalSize\":1"));
            assertEquals(20_000, org.records("Contact").size());
            System.out.printf("volume: load 20k in %d ms, upsert %d us/call, query over 20k %d ms%n",
                    loadMillis, perUpsertMicros, queryMillis);
            assertTrue(perUpsertMicros < 20_000, "upsert by external id took " + perUpsertMicros + " us");
        }
    }
}
