package io.commercesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class ApiLimitsTest {

    @Test
    void everyCallCarriesSforceLimitInfoOnTheCamelExchange() {
        try (SandboxOrg org = SandboxOrg.start(SandboxOrgSettings.defaults());
             CamelSalesforce sf = CamelSalesforce.connect(org)) {
            Exchange ex = sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"Acme\"}");
            assertEquals("api-usage=1/15000", ex.getMessage().getHeader("Sforce-Limit-Info"));
            ex = sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"Acme\"}");
            assertEquals("api-usage=2/15000", ex.getMessage().getHeader("Sforce-Limit-Info"));
            assertEquals(2, org.apiCalls());
        }
    }

    @Test
    void callsPastTheDailyLimitAnswer403RequestLimitExceeded() {
        try (SandboxOrg org = SandboxOrg.start(SandboxOrgSettings.defaults().withDailyApiLimit(2));
             CamelSalesforce sf = CamelSalesforce.connect(org)) {
            assertNull(sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"A\"}").getException());
            assertNull(sf.upsert("Account", "Commerce_Customer_Id__c", "C-2", "{\"Name\":\"B\"}").getException());
            Exchange ex = sf.upsert("Account", "Commerce_Customer_Id__c", "C-3", "{\"Name\":\"C\"}");
            SalesforceException e = assertInstanceOf(SalesforceException.class, ex.getException());
            assertEquals(403, e.getStatusCode());
            assertEquals("REQUEST_LIMIT_EXCEEDED", e.getErrors().get(0).getErrorCode());
            assertEquals("TotalRequests Limit exceeded.", e.getErrors().get(0).getMessage());
            assertEquals(2, org.apiCalls());
            assertEquals(2, org.records("Account").size());
        }
    }

    @Test
    void theAllocationIsARolling24HourWindow() {
        MutableClock clock = new MutableClock();
        try (SandboxOrg org = SandboxOrg.start(SandboxOrgSettings.defaults().withDailyApiLimit(2)
                .withSessionTimeout(java.time.Duration.ofDays(2)), clock);
             CamelSalesforce sf = CamelSalesforce.connect(org)) {
            assertNull(sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"A\"}").getException());
            clock.advance(java.time.Duration.ofHours(12));
            assertNull(sf.upsert("Account", "Commerce_Customer_Id__c", "C-2", "{\"Name\":\"B\"}").getException());
            assertInstanceOf(SalesforceException.class,
                    sf.upsert("Account", "Commerce_Customer_Id__c", "C-3", "{\"Name\":\"C\"}").getException());
            clock.advance(java.time.Duration.ofHours(12).plusMinutes(1));
            Exchange ex = sf.upsert("Account", "Commerce_Customer_Id__c", "C-3", "{\"Name\":\"C\"}");
            assertNull(ex.getException(), "the first call left the window");
            assertEquals("api-usage=2/2", ex.getMessage().getHeader("Sforce-Limit-Info"));
            assertEquals(3, org.apiCalls(), "apiCalls() counts every call since start");
        }
    }

    @Test
    void limitsResourceReportsDailyApiRequests() throws Exception {
        try (SandboxOrg org = SandboxOrg.start(SandboxOrgSettings.defaults().withDailyApiLimit(100));
             CamelSalesforce sf = CamelSalesforce.connect(org)) {
            sf.upsert("Account", "Commerce_Customer_Id__c", "C-1", "{\"Name\":\"A\"}");
            Exchange ex = sf.call("salesforce:limits?rawPayload=true", null, Map.of());
            assertNull(ex.getException());
            JsonNode limits = new ObjectMapper().readTree(CamelSalesforce.body(ex));
            assertEquals(100, limits.get("DailyApiRequests").get("Max").asInt());
            assertEquals(98, limits.get("DailyApiRequests").get("Remaining").asInt(), "this call counts too");
        }
    }
}
