package io.commercesync.sync;

import java.time.Duration;
import java.util.UUID;

import io.commercesync.sandbox.SandboxOrg;
import io.commercesync.testing.Fixtures;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.SharedInfrastructure;
import io.commercesync.testing.ShopifyWebhookClient;
import io.commercesync.testing.WooCommerceWebhookClient;
import io.commercesync.verify.HmacSha256;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A store's redelivery is recognised, also across a restart of the app: the processed-deliveries log is in Kafka. */
class RedeliveryTest {

    @Test
    void wooCommerceRedeliveryWithANewDeliveryIdCostsNoSecondCall() {
        // WooCommerce's X-WC-Webhook-Delivery-ID is a hash of the webhook id and the current second, so a
        // retry carries a new one; the same order with the same date_modified_gmt is the same change.
        SandboxOrg org = SharedInfrastructure.sandboxOrg();
        byte[] order = Fixtures.bytes("woocommerce/wcdocs_v3_order_727_guest_processing.json");
        try (RunningApp app = RunningApp.start()) {
            WooCommerceWebhookClient woo = new WooCommerceWebhookClient(app.baseUrl());
            assertEquals(200, woo.send("order.updated", order).statusCode());
            KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);
            // the first delivery also costs this app instance's price book (and product) lookups: count after it
            long callsBefore = org.apiCalls();

            assertEquals(200, woo.send("order.updated", order).statusCode());
            KafkaTopics.awaitAllConsumed(app, SYNC_TIMEOUT);

            assertEquals(0, org.apiCalls() - callsBefore, "the redelivery costs no call");
        }
    }

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
