package io.commercesync.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.commercesync.ingest.WebhookHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts dead letters back on {@code commerce.inbound} once their cause is fixed. It reads the source's
 * dead-letter topic from the beginning up to where it ended when the replay started (so records that fail
 * again during the replay are not read again), keeps those the {@link ReplayFilter} selects, and writes each
 * one with its original key, bytes and ingest headers, its replay count raised by one, and no error headers.
 * The dead-letter topic itself is left as it is. Replaying twice does no harm: every Salesforce write is an
 * upsert by external id, and events already written are skipped by the sync route's idempotent consumer.
 */
public final class DeadLetterReplay {

    public static final String REPLAY_COUNT = "commerce-replay-count";
    public static final String REPLAYED_AT = "commerce-replayed-at";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(10);

    private final String brokers;
    private final String deadLetterTopicPrefix;
    private final String inboundTopic;

    public DeadLetterReplay(String brokers, String deadLetterTopicPrefix, String inboundTopic) {
        this.brokers = brokers;
        this.deadLetterTopicPrefix = deadLetterTopicPrefix;
        this.inboundTopic = inboundTopic;
    }

    public String brokers() {
        return brokers;
    }

    public ReplaySummary run(ReplayFilter filter, ReplayProgress progress) {
        String topic = deadLetterTopicPrefix + filter.source();
        List<DeadLetter> matching = new ArrayList<>();
        long read = 0;
        long skipped = 0;
        AtomicLong failed = new AtomicLong();
        AtomicLong replayed = new AtomicLong();
        try (KafkaConsumer<String, byte[]> consumer = consumer();
             KafkaProducer<String, byte[]> producer = filter.dryRun() ? null : producer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("There is no dead-letter topic " + topic);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            long total = partitions.stream().mapToLong(tp -> end.get(tp) - start.get(tp)).sum();
            LOG.info("Replay of {} started: {} record(s), filter {}{}", topic, total, filter, filter.dryRun() ? " (dry run)" : "");
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!reachedEnd(consumer, partitions, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within " + READ_TIMEOUT.toMinutes() + " min");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    read++;
                    DeadLetter letter = deadLetter(record);
                    if (!filter.matches(letter)) {
                        skipped++;
                    } else {
                        matching.add(letter);
                        if (filter.dryRun()) {
                            replayed.incrementAndGet();
                        } else {
                            producer.send(backToInbound(record, letter), (metadata, error) -> {
                                if (error == null) {
                                    replayed.incrementAndGet();
                                } else {
                                    failed.incrementAndGet();
                                    LOG.error("Could not replay {} (partition {} offset {}): {}", letter.key(),
                                            letter.partition(), letter.offset(), error.toString());
                                }
                            });
                        }
                    }
                    progress.update(read, total, replayed.get(), skipped, failed.get());
                }
            }
            if (producer != null) {
                producer.flush();
            }
            progress.update(read, total, replayed.get(), skipped, failed.get());
        }
        ReplaySummary summary = new ReplaySummary(topic, filter.dryRun(), read, replayed.get(), skipped, failed.get(), matching);
        LOG.info("Replay of {} finished{}: {} read, {} replayed, {} skipped, {} failed", topic,
                filter.dryRun() ? " (dry run)" : "", summary.read(), summary.replayed(), summary.skipped(), summary.failed());
        return summary;
    }

    private ProducerRecord<String, byte[]> backToInbound(ConsumerRecord<String, byte[]> record, DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            String name = header.key();
            if (name.startsWith(WebhookHeaders.PREFIX) && !DeadLetterRecord.isErrorHeader(name)
                    && !name.equals(REPLAY_COUNT) && !name.equals(REPLAYED_AT)) {
                headers.add(header);
            }
        }
        headers.add(REPLAY_COUNT, String.valueOf(letter.replayCount() + 1).getBytes(StandardCharsets.UTF_8));
        headers.add(REPLAYED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(inboundTopic, null, record.key(), record.value(), headers);
    }

    private static DeadLetter deadLetter(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        Instant deadLetteredAt = Instant.ofEpochMilli(record.timestamp());
        String lastFailure = headers.get(DeadLetterRecord.LAST_FAILURE_AT);
        if (lastFailure != null) {
            try {
                deadLetteredAt = Instant.parse(lastFailure);
            } catch (DateTimeParseException ignored) {
                // keep the record's timestamp
            }
        }
        int replayCount = 0;
        try {
            replayCount = Integer.parseInt(headers.getOrDefault(REPLAY_COUNT, "0"));
        } catch (NumberFormatException ignored) {
            // a foreign record: count from zero
        }
        return new DeadLetter(record.partition(), record.offset(), record.key(), headers.get(DeadLetterRecord.ERROR_CODE),
                headers.get(DeadLetterRecord.ERROR_MESSAGE), deadLetteredAt, replayCount);
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "commerce-replay-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
