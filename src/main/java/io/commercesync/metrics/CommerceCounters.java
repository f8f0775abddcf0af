package io.commercesync.metrics;

import io.commercesync.ingest.WebhookHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

/**
 * The operators' counters of the sync side, per source, in Camel's Micrometer registry (exposed by the
 * management port at {@code /observe/metrics} in Prometheus form):
 * <ul>
 *   <li>{@code commerce_sync_retries_total{source,code}}: transient failures that were tried again</li>
 *   <li>{@code commerce_dead_letters_total{source,code}}: events written to a dead-letter topic</li>
 *   <li>{@code commerce_replayed_total{source}}: replayed events that came back to the sync route</li>
 *   <li>{@code commerce_duplicates_skipped_total{source}}: redeliveries skipped without a Salesforce call</li>
 * </ul>
 * The registry is looked up on first use: camel-main creates it after the beans are bound.
 */
public final class CommerceCounters {

    private final CamelContext context;
    private volatile MeterRegistry registry;

    public CommerceCounters(CamelContext context) {
        this.context = context;
    }

    public void retried(Exchange exchange, String code) {
        registry().counter("commerce.sync.retries", "source", source(exchange), "code", orUnknown(code)).increment();
    }

    public void deadLettered(Exchange exchange, String code) {
        registry().counter("commerce.dead.letters", "source", source(exchange), "code", orUnknown(code)).increment();
    }

    public void replayed(Exchange exchange) {
        registry().counter("commerce.replayed", "source", source(exchange)).increment();
    }

    public void duplicateSkipped(Exchange exchange) {
        registry().counter("commerce.duplicates.skipped", "source", source(exchange)).increment();
    }

    /** The current count of a counter, 0 when it was never incremented: for tests and the info endpoint. */
    public double count(String name, String... tags) {
        var counter = registry().find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private MeterRegistry registry() {
        MeterRegistry current = registry;
        if (current == null) {
            synchronized (this) {
                if (registry == null) {
                    MeterRegistry found = context.getRegistry().findSingleByType(MeterRegistry.class);
                    registry = found != null ? found : new SimpleMeterRegistry();
                }
                current = registry;
            }
        }
        return current;
    }

    private static String source(Exchange exchange) {
        return orUnknown(exchange.getMessage().getHeader(WebhookHeaders.SOURCE, String.class));
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }
}
