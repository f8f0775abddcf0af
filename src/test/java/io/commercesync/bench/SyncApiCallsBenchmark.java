package io.commercesync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.sandbox.SandboxOrg;
import io.commercesync.testing.Fixtures;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.SharedInfrastructure;
import io.commercesync.testing.ShopifyWebhookClient;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Salesforce API calls per order through the real sync route into the sandbox org (signed webhooks, Kafka,
 * camel-salesforce), one order at a time and under a burst. Not part of the suite (its name is not *Test);
 * run it with
 * <pre>mvn -B test -Dtest=SyncApiCallsBenchmark -Dbench.idle=100 -Dbench.burst=5000</pre>
 * and copy the printed lines into BENCHMARKS.md. It prints figures; it asserts only that every order arrived.
 */
class SyncApiCallsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE = "shopify/taxreceipts_shopify_docs_sample_order_1001.json";

    @Test
    void printApiCallsPerOrder() throws Exception {
        int idle = Integer.getInteger("bench.idle", 50);
        int burst = Integer.getInteger("bench.burst", 1000);
        SandboxOrg org = SharedInfrastructure.sandboxOrg();
        long firstId = System.currentTimeMillis() * 10;
        try (RunningApp app = RunningApp.start(Map.of())) { // default commerce.sync.batch.* and commerce.sync.graph.*
            ShopifyWebhookClient shopify = new ShopifyWebhookClient(app.baseUrl());

            long cold = org.apiCalls();
            send(shopify, order(firstId));
            KafkaTopics.awaitAllConsumed(app, Duration.ofSeconds(60));
            report("first order, cold app (price book + product lookup + product creation + order)", 1, org.apiCalls() - cold, 0);

            long before = org.apiCalls();
            long started = System.nanoTime();
            for (int i = 1; i <= idle; i++) {
                send(shopify, order(firstId + i));
                KafkaTopics.awaitAllConsumed(app, Duration.ofSeconds(60));
            }
            report("one order at a time (each synced before the next)", idle, org.apiCalls() - before, System.nanoTime() - started);

            List<byte[]> orders = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                orders.add(order(firstId + idle + 1 + i));
            }
            before = org.apiCalls();
            started = System.nanoTime();
            ExecutorService senders = Executors.newFixedThreadPool(8);
            List<Future<?>> sent = new ArrayList<>();
            for (byte[] order : orders) {
                sent.add(senders.submit(() -> send(shopify, order)));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            senders.shutdown();
            KafkaTopics.awaitAllConsumed(app, Duration.ofMinutes(10));
            report("burst of " + burst + " orders", burst, org.apiCalls() - before, System.nanoTime() - started);

            long synced = org.records("Opportunity").stream().map(r -> String.valueOf(r.get("Commerce_Order_Id__c")))
                    .filter(id -> id.startsWith("shopify:" + ShopifyWebhookClient.SHOP + ":")).map(id -> Long.parseLong(id.substring(id.lastIndexOf(':') + 1)))
                    .filter(id -> id >= firstId && id <= firstId + idle + burst).count();
            assertEquals(1 + idle + burst, synced, "every order reached the org");
        }
    }

    private static void send(ShopifyWebhookClient shopify, byte[] order) {
        int status = shopify.send("orders/create", order).statusCode();
        if (status != 200) {
            throw new IllegalStateException("webhook answered " + status);
        }
    }

    private static byte[] order(long id) throws Exception {
        ObjectNode order = (ObjectNode) JSON.readTree(Fixtures.bytes(FIXTURE));
        order.put("id", id);
        order.put("name", "#B" + id);
        ((ObjectNode) order.get("customer")).put("id", id);
        return JSON.writeValueAsBytes(order);
    }

    private static void report(String what, int orders, long calls, long nanos) {
        System.out.printf("BENCH %-80s orders=%6d api-calls=%6d calls/order=%.3f%s%n", what, orders, calls, (double) calls / orders,
                nanos == 0 ? "" : String.format(" elapsed=%.1fs orders/s=%.1f", nanos / 1e9, orders / (nanos / 1e9)));
    }
}
