package io.commercesync.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.commercesync.mapping.InboundEventMapper;
import io.commercesync.metrics.CommerceCounters;
import io.commercesync.model.CommerceEvent;
import io.commercesync.salesforce.BatchOrder;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First step for a poll batch: decides which records are written together as a composite graph and which go
 * one at a time through {@code direct:sync-one} (the per-record path, one {@code /composite} each), and keeps
 * that on the exchange ({@link PollBatch}).
 * <ul>
 *   <li>for the graph: order events (placed, changed, cancelled) not written before ({@code processedDeliveries}),
 *   when the batch holds at least {@code commerce.sync.graph.min-orders} of them (below that, one
 *   {@code /composite} per order costs no more than the guard's query plus a graph call);</li>
 *   <li>one at a time: everything else (refunds, customers, records that do not map, redeliveries, which the
 *   per-record path skips or dead-letters as before), and every record when the targets are not the graph
 *   writer's (orders mode, platform events, person accounts).</li>
 * </ul>
 */
public final class PollBatchSorter implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(PollBatchSorter.class);

    private final InboundEventMapper mapper;
    private final DeduplicationKey deduplicationKey;
    private final IdempotentRepository processedDeliveries;
    private final CommerceCounters counters;
    private final int minOrders;
    private final boolean graphs;

    /**
     * @param graphs whether orders may go as graphs at all: the graph writer writes Opportunities of business
     *               accounts, so with another target or person accounts every record goes one at a time
     */
    public PollBatchSorter(InboundEventMapper mapper, DeduplicationKey deduplicationKey, IdempotentRepository processedDeliveries,
                           CommerceCounters counters, int minOrders, boolean graphs) {
        this.graphs = graphs;
        this.mapper = mapper;
        this.deduplicationKey = deduplicationKey;
        this.processedDeliveries = processedDeliveries;
        this.counters = counters;
        this.minOrders = minOrders;
    }

    @Override
    public void process(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<Exchange> members = exchange.getMessage().getBody(List.class);
        PollBatch batch = new PollBatch(members);
        List<BatchOrder> orders = new ArrayList<>();
        Map<Integer, String> keys = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int m = 0; m < members.size(); m++) {
            Exchange event = members.get(m).copy();
            try {
                mapper.process(event);
                deduplicationKey.process(event);
            } catch (Exception e) {
                batch.writeOnItsOwn(m); // fails again there, and is dead-lettered as a single record is
                continue;
            }
            CommerceEvent mapped = event.getMessage().getBody(CommerceEvent.class);
            String key = event.getMessage().getHeader(DeduplicationKey.HEADER, String.class);
            if (mapped.carriesOrder() && seen.add(key) && !processedDeliveries.contains(key)) {
                orders.add(new BatchOrder(m, mapped));
                keys.put(m, key);
            } else {
                batch.writeOnItsOwn(m);
            }
        }
        if (graphs && orders.size() >= minOrders) {
            orders.forEach(order -> {
                if (members.get(order.member()).getMessage().getHeader("commerce-replay-count") != null) {
                    counters.replayed(members.get(order.member()));
                }
            });
            batch.writeAsGraph(orders, keys);
        } else {
            orders.forEach(order -> batch.writeOnItsOwn(order.member()));
        }
        exchange.setProperty(PollBatch.PROPERTY, batch);
        LOG.debug("Poll batch of {} record(s): {} order(s) for a composite graph", members.size(), batch.forGraph().size());
    }
}
