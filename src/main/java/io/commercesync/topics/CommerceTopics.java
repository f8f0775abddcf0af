package io.commercesync.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.commercesync.model.Source;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the project's topics exist before the routes start: {@code commerce.inbound}, the
 * processed-deliveries log {@code commerce.dedup}, the review topic {@code commerce.review} (customers that
 * matched nothing, when configured so), and one dead-letter topic per source. Topics that exist are left as they are. Off in clusters where topics are
 * managed elsewhere ({@code commerce.kafka.create-topics=false}).
 */
public final class CommerceTopics extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(CommerceTopics.class);

    private final String brokers;
    private final List<String> names;
    private final int partitions;
    private final short replicationFactor;

    public CommerceTopics(String brokers, List<String> names, int partitions, short replicationFactor) {
        this.brokers = brokers;
        this.names = List.copyOf(names);
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    public static CommerceTopics fromProperties(CamelContext context) {
        List<String> names = new ArrayList<>();
        names.add(context.resolvePropertyPlaceholders("{{commerce.kafka.inbound-topic}}"));
        names.add(context.resolvePropertyPlaceholders("{{commerce.kafka.dedup-topic}}"));
        names.add(context.resolvePropertyPlaceholders("{{commerce.kafka.review-topic}}"));
        String deadLetterPrefix = context.resolvePropertyPlaceholders("{{commerce.kafka.dead-letter-topic-prefix}}");
        for (Source source : Source.values()) {
            names.add(deadLetterPrefix + source.id());
        }
        return new CommerceTopics(context.resolvePropertyPlaceholders("{{commerce.kafka.brokers}}"), names,
                Integer.parseInt(context.resolvePropertyPlaceholders("{{commerce.kafka.partitions}}")),
                Short.parseShort(context.resolvePropertyPlaceholders("{{commerce.kafka.replication-factor}}")));
    }

    @Override
    protected void doStart() throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, replicationFactor)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(15, TimeUnit.SECONDS);
                LOG.info("Created topics {} ({} partitions, replication {})",
                        missing.stream().map(NewTopic::name).toList(), partitions, replicationFactor);
            }
        }
    }

    @Override
    protected void doStop() {
        // nothing to release
    }
}
