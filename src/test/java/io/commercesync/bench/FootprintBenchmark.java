package io.commercesync.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.testing.AppProcess;
import io.commercesync.testing.Fixtures;
import io.commercesync.testing.SharedInfrastructure;
import io.commercesync.testing.ShopifyWebhookClient;

/**
 * Footprint benchmark (not a test): the app as users run it ({@code bin/commerce-sync}: its own JVM with the
 * embedded Kafka broker and the sandbox org, default JVM settings unless {@code JAVA_OPTS} of this run says
 * otherwise), measuring
 * <ul>
 *   <li>start to ready: from launching the JVM to {@code /observe/health/ready} answering 200;</li>
 *   <li>resident memory (VmRSS of the app's process, which includes the broker and the sandbox org) idle,
 *   and at its highest while {@code --rate} signed orders per second arrive for {@code --seconds}.</li>
 * </ul>
 * With {@code --alone true} the broker and the sandbox org run in the benchmark's JVM instead, so the figures
 * are the app's own. Run: {@code bin/benchmark FootprintBenchmark [--rate 200] [--seconds 20] [--alone true]}.
 */
public final class FootprintBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchmarkOptions.parse(args);
        int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        // --alone true: the broker and the sandbox org run in this JVM, so the app's process is the app alone
        boolean alone = Boolean.parseBoolean(options.getOrDefault("alone", "false"));
        int http = freePort();
        int management = freePort();
        int kafka = freePort();
        int sandbox = freePort();
        Path data = Files.createTempDirectory("footprint-kafka-");
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "camel.server.port", String.valueOf(http),
                "camel.management.port", String.valueOf(management),
                "commerce.devstack.kafka.port", String.valueOf(kafka),
                "commerce.kafka.brokers", "127.0.0.1:" + kafka,
                "commerce.devstack.kafka.data-dir", data.toString(),
                "commerce.devstack.sandbox-org.port", String.valueOf(sandbox),
                "camel.component.salesforce.login-url", "http://127.0.0.1:" + sandbox));
        if (alone) {
            properties.put("commerce.devstack.kafka.enabled", "false");
            properties.put("commerce.devstack.sandbox-org.enabled", "false");
            properties.put("commerce.kafka.brokers", SharedInfrastructure.kafka().bootstrapServers());
            properties.put("camel.component.salesforce.login-url", SharedInfrastructure.sandboxOrg().loginUrl());
        }
        long launched = System.nanoTime();
        try (AppProcess app = AppProcess.start(properties)) {
            app.awaitReady(management, Duration.ofSeconds(120));
            double readySeconds = (System.nanoTime() - launched) / 1e9;
            long pid = app.process().pid();
            TimeUnit.SECONDS.sleep(3);
            long idleRss = rssKb(pid);

            ShopifyWebhookClient shopify = new ShopifyWebhookClient("http://127.0.0.1:" + http);
            byte[] template = Fixtures.bytes("shopify/taxreceipts_shopify_docs_sample_order_1001.json");
            AtomicLong peak = new AtomicLong(idleRss);
            AtomicLong accepted = new AtomicLong();
            long total = (long) rate * seconds;
            long start = System.nanoTime();
            CompletableFuture<?>[] sends = new CompletableFuture<?>[(int) total];
            ExecutorService senders = Executors.newFixedThreadPool(64);
            for (int i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                byte[] order = withIds(template, 9_000_000_000L + i);
                sends[i] = CompletableFuture.runAsync(() -> {
                    if (shopify.send("orders/create", order).statusCode() == 200) {
                        accepted.incrementAndGet();
                    }
                }, senders);
                if (i % rate == 0) {
                    peak.accumulateAndGet(rssKb(pid), Math::max);
                }
            }
            CompletableFuture.allOf(sends).get(60, TimeUnit.SECONDS);
            senders.shutdown();
            for (int i = 0; i < 10; i++) {       // the sync side catches up: keep sampling
                peak.accumulateAndGet(rssKb(pid), Math::max);
                TimeUnit.SECONDS.sleep(1);
            }
            System.out.printf(Locale.ROOT, "Footprint (%s): start to ready %.2f s; resident memory idle %d MB, peak %d MB while %d/s orders"
                            + " arrived for %d s (%d of %d accepted); JVM %s, %d cores%n",
                    alone ? "the app alone; broker and sandbox org in another JVM" : "app with embedded broker and sandbox org",
                    readySeconds, idleRss / 1024, peak.get() / 1024, rate, seconds, accepted.get(), total,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        }
        System.exit(0);
    }

    private static byte[] withIds(byte[] template, long id) throws IOException {
        ObjectNode order = (ObjectNode) JSON.readTree(template);
        order.put("id", id);
        ((ObjectNode) order.get("customer")).put("id", id);
        return JSON.writeValueAsBytes(order);
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
