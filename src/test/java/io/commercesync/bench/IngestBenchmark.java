package io.commercesync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.commercesync.testing.Fixtures;
import io.commercesync.testing.RunningApp;
import io.commercesync.testing.ShopifyWebhookClient;
import io.commercesync.verify.HmacSha256;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Ingest benchmark (not a test): how fast Commerce Sync acknowledges signed Shopify webhooks (verify the
 * HMAC over the raw bytes, write to Kafka with acks=all, answer), next to a bare Vert.x server that only
 * checks the HMAC and answers 200, measured side by side in one run on this machine.
 * <ol>
 *   <li>closed loop: {@code --connections} clients each send the next request when the last is answered,
 *   for {@code --seconds}; throughput of each server;</li>
 *   <li>open loop: {@code --rate} requests per second against Commerce Sync for {@code --seconds};
 *   latency percentiles measured from each request's scheduled send time (no coordinated omission).</li>
 * </ol>
 * The whole app runs (its sync route writes every order to the sandbox org meanwhile), in the same JVM as
 * the load generator, the Kafka broker and the sandbox org: on 2 cores they share the CPU.
 * With {@code --with-sync false} only the ingest routes run, which isolates what the store waits for.
 * Run: {@code bin/benchmark IngestBenchmark [--seconds 10] [--connections 32] [--rate 1000] [--with-sync false]}.
 */
public final class IngestBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchmarkOptions.parse(args);
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "32"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        boolean withSync = Boolean.parseBoolean(options.getOrDefault("with-sync", "true"));
        byte[] body = Fixtures.bytes("shopify/taxreceipts_orders_paid_usd_2018.json");
        String signature = new HmacSha256(ShopifyWebhookClient.SECRET).sign(body);

        Vertx vertx = Vertx.vertx();
        HttpServer bare = startBareServer(vertx);
        RunningApp app = RunningApp.start(withSync ? Map.of("commerce.sync.retry.max-attempts", "1")
                : Map.of("camel.main.routes-include-pattern", "file:routes/*-ingest.yaml"));
        int appPort = Integer.parseInt(app.property("camel.server.port"));
        Target bareTarget = new Target("bare Vert.x (HMAC only)", bare.actualPort(), "/webhook");
        Target appTarget = new Target("Commerce Sync ingest", appPort, "/webhooks/shopify");
        try {
            System.out.printf(Locale.ROOT, "Ingest benchmark: %d s per phase, %d connections, open loop at %d/s, body %d bytes, %d cores, sync route %s%n",
                    seconds, connections, rate, body.length, Runtime.getRuntime().availableProcessors(), withSync ? "running" : "off");
            closedLoop(vertx, bareTarget, body, signature, connections, 3);   // warm-up
            closedLoop(vertx, appTarget, body, signature, connections, 3);
            Result bareResult = closedLoop(vertx, bareTarget, body, signature, connections, seconds);
            Result appResult = closedLoop(vertx, appTarget, body, signature, connections, seconds);
            System.out.println(bareResult.line());
            System.out.println(appResult.line());
            System.out.printf(Locale.ROOT, "ratio: Commerce Sync / bare = %.2f (target >= 0.50)%n",
                    appResult.throughput() / bareResult.throughput());
            Result open = openLoop(vertx, appTarget, body, signature, rate, seconds);
            System.out.println(open.line());
            System.out.printf(Locale.ROOT, "p99 at %d/s: %.1f ms (target <= 25 ms)%n", rate, open.percentile(99));
        } finally {
            app.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            System.exit(0);
        }
    }

    private record Target(String name, int port, String path) {
    }

    private record Result(String name, long ok, long failed, double seconds, double[] latenciesMs) {
        double throughput() {
            return ok / seconds;
        }

        double percentile(double p) {
            if (latenciesMs.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesMs.length) - 1;
            return latenciesMs[Math.max(0, Math.min(index, latenciesMs.length - 1))];
        }

        String line() {
            return String.format(Locale.ROOT, "%-32s %8.0f req/s  ok %d  failed %d  p50 %.1f ms  p99 %.1f ms  max %.1f ms",
                    name, throughput(), ok, failed, percentile(50), percentile(99), percentile(100));
        }
    }

    private static HttpServer startBareServer(Vertx vertx) throws Exception {
        HmacSha256 hmac = new HmacSha256(ShopifyWebhookClient.SECRET);
        return vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(buffer -> {
            boolean valid = hmac.matches(buffer.getBytes(), request.getHeader("X-Shopify-Hmac-Sha256"));
            request.response().setStatusCode(valid ? 200 : 401).putHeader("Content-Type", "application/json")
                    .end(valid ? "{\"status\":\"accepted\"}" : "{\"error\":\"invalid_signature\"}");
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static CompletableFuture<Integer> send(HttpClient client, Target target, byte[] body, String signature) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                .setPort(target.port()).setURI(target.path())
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Shopify-Topic", "orders/paid")
                .putHeader("X-Shopify-Shop-Domain", ShopifyWebhookClient.SHOP)
                .putHeader("X-Shopify-Hmac-Sha256", signature);
        return client.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .toCompletionStage().toCompletableFuture();
    }

    /** A client of its own for each phase, so that no phase inherits another's connections or queue. */
    private static HttpClient client(Vertx vertx, int connections) {
        return vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections));
    }

    private static Result closedLoop(Vertx vertx, Target target, byte[] body, String signature,
                                     int connections, int seconds) throws InterruptedException {
        HttpClient client = client(vertx, connections);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(connections);
        long started = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            loop(client, target, body, signature, running, ok, failed, latencies, done);
        }
        TimeUnit.SECONDS.sleep(seconds);
        running.set(false);
        double elapsed = (System.nanoTime() - started) / 1e9;
        done.await(30, TimeUnit.SECONDS);
        client.close();
        return new Result(target.name(), ok.get(), failed.get(), elapsed, sorted(latencies));
    }

    private static void loop(HttpClient client, Target target, byte[] body, String signature, AtomicBoolean running,
                             AtomicLong ok, AtomicLong failed, ConcurrentLinkedQueue<Double> latencies, CountDownLatch done) {
        if (!running.get()) {
            done.countDown();
            return;
        }
        long sent = System.nanoTime();
        send(client, target, body, signature).whenComplete((status, error) -> {
            if (error == null && status == 200) {
                ok.incrementAndGet();
                latencies.add((System.nanoTime() - sent) / 1e6);
            } else {
                failed.incrementAndGet();
            }
            loop(client, target, body, signature, running, ok, failed, latencies, done);
        });
    }

    private static Result openLoop(Vertx vertx, Target target, byte[] body, String signature, int rate, int seconds)
            throws InterruptedException {
        HttpClient client = client(vertx, 256);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        long total = (long) rate * seconds;
        CountDownLatch answered = new CountDownLatch((int) total);
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            send(client, target, body, signature).whenComplete((status, error) -> {
                if (error == null && status == 200) {
                    ok.incrementAndGet();
                    latencies.add((System.nanoTime() - scheduled) / 1e6);
                } else {
                    failed.incrementAndGet();
                }
                answered.countDown();
            });
        }
        boolean all = answered.await(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        client.close();
        // unanswered requests count as failed: a store would retry them
        return new Result(target.name() + " @" + rate + "/s", ok.get(), failed.get() + answered.getCount(),
                all ? elapsed : seconds, sorted(latencies));
    }

    private static double[] sorted(ConcurrentLinkedQueue<Double> latencies) {
        double[] values = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(values);
        return values;
    }
}
