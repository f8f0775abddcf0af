package io.commercesync.sync;

import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The deliveries already written to Salesforce: Camel's {@code KafkaIdempotentRepository} (topic
 * {@code commerce.dedup}, shared by all instances, kept across restarts), started on first use rather than
 * with the routes. Loading it needs Kafka, and the app must start without Kafka too: its webhook routes
 * then answer 503 and the stores retry. The sync route only uses it once records arrive, that is, once
 * Kafka is there.
 */
public final class ProcessedDeliveries extends ServiceSupport implements IdempotentRepository {

    private final IdempotentRepository repository;
    private volatile boolean loaded;

    public ProcessedDeliveries(IdempotentRepository repository) {
        this.repository = repository;
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
            ServiceHelper.stopService(repository);
        }
    }
}
