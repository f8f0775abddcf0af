package io.commercesync.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Apache Kafka broker in KRaft mode (broker and controller in one process), started
 * in this JVM from the Maven Central artifacts. It serves the demo, the tests and CI, where there is no
 * Docker; in production Commerce Sync points at an external cluster instead.
 *
 * <p>The broker keeps its log in {@code dataDirectory}: a directory that already holds a formatted log is
 * reused, so topics survive a restart of the demo. A temporary directory is deleted on {@link #close()}.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final KafkaRaftServer server;
    private final int port;
    private final Path dataDirectory;
    private final boolean deleteOnClose;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port, Path dataDirectory, boolean deleteOnClose) {
        this.server = server;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.deleteOnClose = deleteOnClose;
    }

    /** Starts a broker on 127.0.0.1:{@code port} (0 = any free port) that keeps its log in {@code dataDirectory}. */
    public static EmbeddedKafkaBroker start(int port, Path dataDirectory, int defaultPartitions) {
        return start(port, dataDirectory, defaultPartitions, false);
    }

    /** Starts a broker on a free port with a temporary log directory, deleted on close: for tests. */
    public static EmbeddedKafkaBroker startTemporary(int defaultPartitions) {
        try {
            return start(0, Files.createTempDirectory("commerce-sync-kafka-"), defaultPartitions, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedKafkaBroker start(int requestedPort, Path dataDirectory, int defaultPartitions, boolean deleteOnClose) {
        long started = System.nanoTime();
        int port = requestedPort == 0 ? freePort() : requestedPort;
        int controllerPort = freePort();
        String dir = dataDirectory.toAbsolutePath().toString();
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir);
        p.put("num.partitions", String.valueOf(defaultPartitions));
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The cleaner's default 128 MiB dedupe buffer would sit on our heap for nothing.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        try {
            KafkaConfig config = KafkaConfig.fromProps(p, false);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(dir)
                    .setDirectories(List.of(dir))
                    .setIgnoreFormatted(true)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            LOG.info("Embedded Kafka broker listening on 127.0.0.1:{} (log in {}) after {} ms",
                    port, dir, (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedKafkaBroker(server, port, dataDirectory, deleteOnClose);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker on port " + port + ": " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Embedded Kafka broker on port {} stopped", port);
        if (deleteOnClose) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                LOG.warn("Could not delete {}: {}", dataDirectory, e.getMessage());
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
