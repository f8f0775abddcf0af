package io.commercesync.sync;

import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deliveries already written to Salesforce: Camel's {@code KafkaIdempotentRepository} (topic
 * {@code commerce.dedup}, shared by all instances, kept across restarts), started on first use rather than
 * with the routes. Loading it needs Kafka, and the app must start without Kafka too: its webhook routes
 * then answer 503 and the stores retry. The sync route only uses it once records arrive, that is, once
 * Kafka is there.
 */
public final class ProcessedDeliveries extends ServiceSupport implements IdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessedDeliveries.class);

    private final IdempotentRepository repository;
    private volatile boolean loaded;

    public ProcessedDeliveries(IdempotentRepository repository) {
        this.repository = repository;
    }

    /** The Kafka-backed repository on {@code topic}, remembering the {@code cacheSize} latest keys; writes with acks=all. */
    public static ProcessedDeliveries onTopic(CamelContext context, String topic, String brokers, int cacheSize) {
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        Properties producer = new Properties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaIdempotentRepository repository = new KafkaIdempotentRepository(topic, consumer, producer);
        repository.setMaxCacheSize(cacheSize);
        repository.setCamelContext(context);
        return new ProcessedDeliveries(repository);
    }

    private IdempotentRepository loaded() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    ServiceHelper.startService(repository);
                    loaded = true;
                }
            }
        }
        return repository;
    }

    @Override
    public boolean add(String key) {
        return loaded().add(key);
    }

    @Override
    public boolean contains(String key) {
        return loaded().contains(key);
    }

    @Override
    public boolean remove(String key) {
        return loaded().remove(key);
    }

    @Override
    public boolean confirm(String key) {
        return loaded().confirm(key);
    }

    @Override
    public boolean add(Exchange exchange, String key) {
        return loaded().add(exchange, key);
    }

    @Override
    public boolean contains(Exchange exchange, String key) {
        return loaded().contains(exchange, key);
    }

    @Override
    public boolean remove(Exchange exchange, String key) {
        return loaded().remove(exchange, key);
    }

    @Override
    public boolean confirm(Exchange exchange, String key) {
        return loaded().confirm(exchange, key);
    }

    @Override
    public void clear() {
        loaded().clear();
    }

    @Override
    protected void doStop() {
        if (loaded) {
            try {
                ServiceHelper.stopService(repository);
            } catch (RuntimeException e) {
                // Camel's repository closes its consumer while its background poll may still hold it: harmless at stop.
                LOG.info("Processed-deliveries repository stopped ({})", e.getClass().getSimpleName());
            }
        }
    }
}
