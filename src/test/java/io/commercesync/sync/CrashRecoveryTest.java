package io.commercesync.sync;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.sandbox.Fault;
import io.commercesync.sandbox.SandboxOrg;
import io.commercesync.testing.AppProcess;
import io.commercesync.testing.Fixtures;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.SharedInfrastructure;
import io.commercesync.testing.ShopifyWebhookClient;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The app is killed with SIGKILL in the middle of a stream of orders, while a write is being retried, and
 * started again. The store behaves as Shopify does: it retries until it gets a 2xx. Every order ends up in
 * the sandbox org exactly once and nothing is dead-lettered.
 */
class CrashRecoveryTest {

    private static final int ORDERS = 40;
    private static final long FIRST_ID = 7_100_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyOrderIsInTheOrgExactlyOnceAfterAKillDashNine() throws Exception {
        SandboxOrg org = SharedInfrastructure.sandboxOrg();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("commerce.devstack.kafka.enabled", "false");
        config.put("commerce.devstack.sandbox-org.enabled", "false");
        config.put("commerce.kafka.brokers", SharedInfrastructure.kafka().bootstrapServers());
        config.put("commerce.kafka.inbound-topic", "crash-" + run + ".commerce.inbound");
        config.put("commerce.kafka.dead-letter-topic-prefix", "crash-" + run + ".commerce.dlq.");
        config.put("commerce.kafka.dedup-topic", "crash-" + run + ".commerce.dedup");
        config.put("commerce.kafka.group-id", "crash-" + run);
        config.put("camel.component.salesforce.login-url", org.loginUrl());
        config.put("camel.server.host", "127.0.0.1");
        config.put("camel.server.port", String.valueOf(freePort()));
        config.put("camel.management.port", String.valueOf(freePort()));
        config.put("commerce.sync.retry.initial-delay-ms", "1000");
        String baseUrl = "http://127.0.0.1:" + config.get("camel.server.port");
        List<byte[]> orders = orders();

        AppProcess first = AppProcess.start(config);
        first.awaitReady(Integer.parseInt(config.get("camel.management.port")), Duration.ofSeconds(60));
        ShopifyWebhookClient shopify = new ShopifyWebhookClient(baseUrl);
        for (int i = 0; i < ORDERS / 2; i++) {
            assertEquals(200, shopify.send("orders/create", orders.get(i)).statusCode());
        }
        // The next write fails twice (a locked row): the app is backing off, the record uncommitted, when it dies.
        org.faults().failNext(2, Fault.UNABLE_TO_LOCK_ROW);
        assertEquals(200, shopify.send("orders/create", orders.get(ORDERS / 2)).statusCode());
        Thread.sleep(300);
        first.kill();

        CompletableFuture<Void> store = CompletableFuture.runAsync(() -> {
            for (int i = ORDERS / 2 + 1; i < ORDERS; i++) {
                sendUntilAccepted(shopify, orders.get(i));
            }
        });
        try (AppProcess second = AppProcess.start(config)) {
            second.awaitReady(Integer.parseInt(config.get("camel.management.port")), Duration.ofSeconds(60));
            store.get();
            KafkaTopics.awaitAllConsumed(config.get("commerce.kafka.group-id"), config.get("commerce.kafka.inbound-topic"),
                    Duration.ofSeconds(60));
        } finally {
            org.faults().clear();
        }

        for (int i = 0; i < ORDERS; i++) {
            String orderId = "shopify:" + ShopifyWebhookClient.SHOP + ":" + (FIRST_ID + i);
            assertEquals(1, org.records("Opportunity").stream().filter(r -> orderId.equals(r.get("Commerce_Order_Id__c"))).count(),
                    "order " + orderId);
        }
        assertEquals(0, KafkaTopics.endOffset(config.get("commerce.kafka.dead-letter-topic-prefix") + "shopify"));
    }

    /** Shopify's paid order #1029 with a new id, number and customer for each order of the stream. */
    private static List<byte[]> orders() throws Exception {
        List<byte[]> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            ObjectNode order = (ObjectNode) JSON.readTree(Fixtures.bytes("shopify/taxreceipts_orders_paid_usd_2018.json"));
            order.put("id", FIRST_ID + i);
            order.put("name", "#C" + i);
            ((ObjectNode) order.get("customer")).put("id", FIRST_ID + i);
            orders.add(JSON.writeValueAsBytes(order));
        }
        return orders;
    }

    /** What a store does: try again, with a pause, until the answer is 2xx. */
    private static void sendUntilAccepted(ShopifyWebhookClient shopify, byte[] order) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = shopify.send("orders/create", order);
                if (response.statusCode() / 100 == 2) {
                    return;
                }
            } catch (IllegalStateException connectionRefused) {
                // the app is down: the store retries later
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("The store could not deliver an order within 90 s");
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
