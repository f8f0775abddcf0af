package io.commercesync;

import java.time.Duration;

import io.commercesync.deadletter.AdminAuthorization;
import io.commercesync.deadletter.DeadLetterRecord;
import io.commercesync.deadletter.DeadLetterReplay;
import io.commercesync.deadletter.ReplayEndpoint;
import io.commercesync.devstack.DevStack;
import io.commercesync.ingest.LimioTenants;
import io.commercesync.ingest.LimioWebhooks;
import io.commercesync.ingest.RequestBody;
import io.commercesync.ingest.ShopifyStores;
import io.commercesync.ingest.ShopifyWebhooks;
import io.commercesync.ingest.WebhookIntake;
import io.commercesync.ingest.WebhookResponses;
import io.commercesync.ingest.WooCommerceSites;
import io.commercesync.ingest.WooCommerceWebhooks;
import io.commercesync.mapping.InboundEventMapper;
import io.commercesync.mapping.LimioEventMapper;
import io.commercesync.mapping.ShopifyEventMapper;
import io.commercesync.mapping.WooCommerceEventMapper;
import io.commercesync.metrics.CommerceCounters;
import io.commercesync.model.Source;
import io.commercesync.salesforce.CompositeGraphCall;
import io.commercesync.salesforce.CompositeOrderWriter;
import io.commercesync.salesforce.CustomerFinder;
import io.commercesync.salesforce.EventTargets;
import io.commercesync.salesforce.GraphBatchWriter;
import io.commercesync.salesforce.OrgConnection;
import io.commercesync.salesforce.PriceBookCatalogue;
import io.commercesync.salesforce.SalesforceSettings;
import io.commercesync.salesforce.SyncTargets;
import io.commercesync.sync.ApiLimitPause;
import io.commercesync.sync.BatchDeadLetter;
import io.commercesync.sync.PollBatchCommit;
import io.commercesync.sync.PollBatchGraphWrite;
import io.commercesync.sync.PollBatchSorter;
import io.commercesync.sync.DeduplicationKey;
import io.commercesync.sync.KafkaOffsetCommit;
import io.commercesync.sync.ProcessedDeliveries;
import io.commercesync.sync.RetryPolicy;
import io.commercesync.topics.CommerceTopics;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/**
 * Wires the Java beans that the routes under {@code routes/} refer to by name, from application.properties.
 * The routes say what happens in which order; these beans are the steps.
 */
public class CommerceSyncConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        DevStack devStack = DevStack.fromProperties(context);
        if (devStack.isEnabled()) {
            // Started now, before any route or component, and stopped after them at shutdown.
            context.addService(devStack, true, true);
        }
        if (Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{commerce.kafka.create-topics}}"))) {
            context.addService(CommerceTopics.fromProperties(context), true, true);
        }
        Registry registry = context.getRegistry();
        CommerceCounters counters = new CommerceCounters(context);
        registry.bind("commerceCounters", counters);

        registry.bind("webhookResponses", new WebhookResponses());
        RequestBody requestBody = new RequestBody(Long.parseLong(
                context.resolvePropertyPlaceholders("{{commerce.ingest.max-body-bytes}}")));
        registry.bind("shopifyWebhookIntake", new WebhookIntake(new ShopifyWebhooks(ShopifyStores.fromProperties(context)), requestBody));
        registry.bind("woocommerceWebhookIntake", new WebhookIntake(new WooCommerceWebhooks(WooCommerceSites.fromProperties(context)), requestBody));
        registry.bind("limioWebhookIntake", new WebhookIntake(new LimioWebhooks(LimioTenants.fromProperties(context)), requestBody));

        InboundEventMapper inboundEventMapper = new InboundEventMapper(java.util.Map.of(
                Source.SHOPIFY, new ShopifyEventMapper(),
                Source.WOOCOMMERCE, new WooCommerceEventMapper(),
                Source.LIMIO, new LimioEventMapper()));
        registry.bind("inboundEventMapper", inboundEventMapper);
        SalesforceSettings salesforce = SalesforceSettings.fromProperties(context);
        OrgConnection org = new OrgConnection(context.createProducerTemplate(), "salesforce:composite?rawPayload=true");
        String unmatched = context.resolvePropertyPlaceholders("{{commerce.sync.unmatched}}").trim();
        if (!unmatched.equals("create") && !unmatched.equals("review")) {
            throw new IllegalArgumentException("commerce.sync.unmatched is create or review, not " + unmatched);
        }
        PriceBookCatalogue catalogue = new PriceBookCatalogue(salesforce, org);
        // issue 5 targets (commerce.sync.target, account-mode, customer-target): their writers and the customer finder
        SyncTargets syncTargets = SyncTargets.fromProperties(context);
        EventTargets targets = EventTargets.of(syncTargets, salesforce, org, catalogue,
                java.util.List.of(context.resolvePropertyPlaceholders("{{commerce.sync.matching}}").split(",")),
                unmatched.equals("review"));
        CustomerFinder matcher = targets.finder();
        registry.bind("salesforceOrderWriter", new CompositeOrderWriter(salesforce, catalogue, org,
                matcher, unmatched.equals("review"), targets));
        registry.bind("retryPolicy", new RetryPolicy(
                Integer.parseInt(context.resolvePropertyPlaceholders("{{commerce.sync.retry.max-attempts}}")), counters));
        registry.bind("kafkaOffsetCommit", new KafkaOffsetCommit());
        // Hold a record at most half of Kafka's max.poll.interval.ms, so the consumer keeps its partitions.
        registry.bind("apiLimitPause", new ApiLimitPause(
                Duration.ofMillis(Long.parseLong(context.resolvePropertyPlaceholders("{{commerce.sync.limit-pause-ms}}"))),
                Duration.ofMillis(Long.parseLong(context.resolvePropertyPlaceholders("{{camel.component.kafka.max-poll-interval-ms}}")) / 2)));
        DeduplicationKey deduplicationKey = new DeduplicationKey();
        registry.bind("deduplicationKey", deduplicationKey);
        ProcessedDeliveries processedDeliveries = ProcessedDeliveries.onTopic(context,
                context.resolvePropertyPlaceholders("{{commerce.kafka.dedup-topic}}"),
                context.resolvePropertyPlaceholders("{{commerce.kafka.brokers}}"),
                Integer.parseInt(context.resolvePropertyPlaceholders("{{commerce.sync.dedup.cache-size}}")));
        registry.bind("processedDeliveries", processedDeliveries);

        // a poll batch: its orders as composite graphs, the rest one at a time (routes/sync.yaml)
        registry.bind("pollBatchSorter", new PollBatchSorter(inboundEventMapper, deduplicationKey, processedDeliveries, counters,
                Integer.parseInt(context.resolvePropertyPlaceholders("{{commerce.sync.graph.min-orders}}")),
                syncTargets.target() == SyncTargets.Target.OPPORTUNITIES && !syncTargets.personAccounts()));
        registry.bind("pollBatchGraphWrite", new PollBatchGraphWrite(new GraphBatchWriter(salesforce, catalogue, org,
                new CompositeGraphCall(context.createProducerTemplate(), salesforce.apiVersion()), matcher, unmatched.equals("review"),
                new GraphBatchWriter.Limits(
                        Integer.parseInt(context.resolvePropertyPlaceholders("{{commerce.sync.graph.max-graphs}}")),
                        Integer.parseInt(context.resolvePropertyPlaceholders("{{commerce.sync.graph.max-nodes}}")))),
                processedDeliveries));
        registry.bind("batchDeadLetter", new BatchDeadLetter());
        registry.bind("pollBatchCommit", new PollBatchCommit());

        registry.bind("deadLetterRecord", new DeadLetterRecord(
                context.resolvePropertyPlaceholders("{{commerce.kafka.dead-letter-topic-prefix}}"),
                CommerceSyncApplication.version(), counters));
        registry.bind("adminAuthorization", new AdminAuthorization(
                context.resolvePropertyPlaceholders("{{commerce.admin.token}}")));
        registry.bind("deadLetterReplayEndpoint", new ReplayEndpoint(new DeadLetterReplay(
                context.resolvePropertyPlaceholders("{{commerce.kafka.brokers}}"),
                context.resolvePropertyPlaceholders("{{commerce.kafka.dead-letter-topic-prefix}}"),
                context.resolvePropertyPlaceholders("{{commerce.kafka.inbound-topic}}"))));
    }
}
