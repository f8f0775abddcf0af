package io.commercesync.sync;

import java.time.Duration;
import java.util.UUID;

import io.commercesync.sandbox.SandboxOrg;
import io.commercesync.testing.Fixtures;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.SharedInfrastructure;
import io.commercesync.testing.ShopifyWebhookClient;
import io.commercesync.verify.HmacSha256;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A store's redelivery is recognised across a restart of the app: the processed-deliveries log is in Kafka. */
class RedeliveryTest {

    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void redeliveryAfterARestartCostsNoSalesforceCall() {
        SandboxOrg org = SharedInfrastructure.sandboxOrg();
        byte[] order = Fixtures.bytes("shopify/bagserver_orders_create_aud_2020.json");
        String signature = new HmacSha256(ShopifyWebhookClient.SECRET).sign(order);
        String webhookId = UUID.randomUUID().toString();

        RunningApp first = RunningApp.start();
        try {
            assertEquals(200, new ShopifyWebhookClient(first.baseUrl()).send("orders/create", order, signature, webhookId).statusCode());
            KafkaTopics.awaitAllConsumed(first, SYNC_TIMEOUT);
        } finally {
            first.close();
        }

        long callsBefore = org.apiCalls();
        try (RunningApp restarted = RunningApp.startAgain(first)) {
            assertEquals(200, new ShopifyWebhookClient(restarted.baseUrl()).send("orders/create", order, signature, webhookId).statusCode());
            KafkaTopics.awaitAllConsumed(restarted, SYNC_TIMEOUT);
        }
        assertEquals(0, org.apiCalls() - callsBefore);
    }
}
