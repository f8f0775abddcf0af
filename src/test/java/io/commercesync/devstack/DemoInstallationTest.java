package io.commercesync.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.testing.AppProcess;
import io.commercesync.testing.Fixtures;
import io.commercesync.testing.KafkaTopics;
import io.commercesync.testing.ShopifyWebhookClient;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What README's first command gives a new user: the app in its own JVM on the runtime classpath, with its
 * embedded Kafka broker and sandbox org, turns a signed order into an Opportunity that the sandbox org's
 * admin API shows. It catches what in-JVM tests cannot: a component missing from the runtime classpath.
 */
class DemoInstallationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void signedOrderSentToTheDemoBecomesAnOpportunityInTheSandboxOrg() throws Exception {
        int httpPort = freePort();
        int kafkaPort = freePort();
        int sandboxPort = freePort();
        int managementPort = freePort();
        Path kafkaData = Files.createTempDirectory(Path.of("target"), "demo-kafka-");
        try (AppProcess app = AppProcess.start(Map.of(
                "camel.server.port", String.valueOf(httpPort),
                "camel.management.port", String.valueOf(managementPort),
                "commerce.devstack.kafka.port", String.valueOf(kafkaPort),
                "commerce.kafka.brokers", "127.0.0.1:" + kafkaPort,
                "commerce.devstack.kafka.data-dir", kafkaData.toString(),
                "commerce.devstack.sandbox-org.port", String.valueOf(sandboxPort),
                "camel.component.salesforce.login-url", "http://127.0.0.1:" + sandboxPort))) {
            app.awaitReady(managementPort, Duration.ofSeconds(60));

            HttpResponse<String> response = new ShopifyWebhookClient("http://127.0.0.1:" + httpPort)
                    .send("orders/paid", Fixtures.bytes("shopify/taxreceipts_orders_paid_usd_2018.json"));
            assertEquals(200, response.statusCode(), response.body() + "\n" + app.logTail());

            HttpClient http = HttpClient.newHttpClient();
            HttpRequest records = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + sandboxPort + "/__sandbox/records/Opportunity")).build();
            KafkaTopics.await(() -> {
                try {
                    JsonNode opportunities = JSON.readTree(http.send(records, HttpResponse.BodyHandlers.ofString()).body());
                    for (JsonNode opportunity : opportunities) {
                        if (("shopify:" + ShopifyWebhookClient.SHOP + ":762815840312").equals(opportunity.path("Commerce_Order_Id__c").asText())) {
                            return "Paid".equals(opportunity.path("StageName").asText());
                        }
                    }
                    return false;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, Duration.ofSeconds(30), "the order in the sandbox org\n" + app.logTail());
        }
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
