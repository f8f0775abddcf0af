package io.commercesync.salesforce;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.model.CommerceEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the orders of a poll batch together: each order is one graph ({@link OrderGraphRequest}), atomic on
 * its own, and the graphs go out in as few {@code /composite/graph} calls as the limits allow ({@link Limits}:
 * at most 75 graphs and 500 nodes per call). Calls per batch:
 * <ol>
 *   <li>one {@code /composite} with up to 5 queries of up to 200 order ids for the orders' Opportunities (the
 *   ordering guard, which a graph cannot carry: an event older than Salesforce's
 *   {@code opportunity.source-updated-at} is skipped; and which orders exist already);</li>
 *   <li>only when some exist: one more for their line items, so lines the store removed are deleted;</li>
 *   <li>the graph calls; a graph halted because 14 others failed goes again in the next call;</li>
 *   <li>only when lines were removed: one delete call per 200 of them.</li>
 * </ol>
 * The PricebookEntry lookups of products this instance has not seen are made once for the batch
 * ({@link PriceBookCatalogue}). Of several events of one order in the batch only the latest is written.
 * <p>
 * The guard reads before it writes (in one {@code /composite} it is one transaction): that is safe because
 * one order's events share a Kafka key, so one consumer writes an order at a time.
 */
public final class GraphBatchWriter {

    /** Limits of one {@code /composite/graph} call ({@code commerce.sync.graph.*}). */
    public record Limits(int maxGraphs, int maxNodes) {
        public Limits {
            if (maxGraphs < 1 || maxGraphs > 75 || maxNodes < 1 || maxNodes > 500) {
                throw new IllegalArgumentException("A composite graph call carries 1..75 graphs and 1..500 nodes, not "
                        + maxGraphs + " and " + maxNodes);
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(GraphBatchWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IDS_PER_QUERY = 200;
    private static final int QUERIES_PER_CALL = 5;
    private static final DateTimeFormatter SALESFORCE_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final SalesforceSettings settings;
    private final OrderCompositeRequest requests;
    private final PriceBookCatalogue catalogue;
    private final OrgConnection org;
    private final CompositeGraphCall graphCall;
    private final CustomerFinder matcher;
    private final boolean reviewUnmatched;
    private final Limits limits;

    public GraphBatchWriter(SalesforceSettings settings, PriceBookCatalogue catalogue, OrgConnection org, CompositeGraphCall graphCall,
                            CustomerFinder matcher, boolean reviewUnmatched, Limits limits) {
        this.settings = settings;
        this.requests = new OrderCompositeRequest(settings);
        this.catalogue = catalogue;
        this.org = org;
        this.graphCall = graphCall;
        this.matcher = matcher;
        this.reviewUnmatched = reviewUnmatched;
        this.limits = limits;
    }

    /** An order ready to go: its graph, and the ids of its lines in Salesforce that it no longer lists. */
    private record PlannedOrder(BatchOrder order, ArrayNode nodes, List<String> staleLines) {
    }

    private final class Progress {
        final Set<Integer> written = new LinkedHashSet<>();
        final Set<Integer> skipped = new LinkedHashSet<>();
        final Map<Integer, RuntimeException> refused = new LinkedHashMap<>();
        final Set<Integer> onTheirOwn = new LinkedHashSet<>();
        int calls;

        boolean isSettled(BatchOrder order) {
            int m = order.member();
            return written.contains(m) || skipped.contains(m) || refused.containsKey(m) || onTheirOwn.contains(m);
        }

        GraphBatchResult result(List<BatchOrder> orders, SalesforceError transientFailure) {
            List<BatchOrder> pending = orders.stream().filter(o -> !isSettled(o)).toList();
            return new GraphBatchResult(Set.copyOf(written), Set.copyOf(skipped), Map.copyOf(refused), Set.copyOf(onTheirOwn),
                    pending, pending.isEmpty() ? Optional.empty() : Optional.ofNullable(transientFailure));
        }
    }

    /**
     * Writes the orders (events that carry an order). A transient failure leaves the unsettled orders
     * {@link GraphBatchResult#pending() pending}; the org's API limit is thrown ({@link ApiLimitReachedException}).
     */
    public GraphBatchResult write(List<BatchOrder> orders) {
        Progress progress = new Progress();
        SalesforceError transientFailure = null;
        try {
            writeInto(progress, orders);
        } catch (ApiLimitReachedException limit) {
            throw limit;
        } catch (SalesforceWriteException failure) {
            if (!failure.error().isTransient()) {
                orders.stream().filter(o -> !progress.isSettled(o)).forEach(o -> progress.refused.put(o.member(), failure));
            }
            transientFailure = failure.error();
        }
        GraphBatchResult result = progress.result(orders, transientFailure);
        LOG.info("Graph batch of {} order event(s) in {} call(s): {} written, {} skipped, {} refused, {} on their own, {} pending{}",
                orders.size(), progress.calls, result.written().size(), result.skipped().size(), result.refused().size(),
                result.onTheirOwn().size(), result.pending().size(),
                result.transientFailure().map(e -> " (" + e.errorCode() + ")").orElse(""));
        return result;
    }

    private void writeInto(Progress progress, List<BatchOrder> orders) {
        Map<String, BatchOrder> latest = latestOfEachOrder(orders, progress);
        Map<String, JsonNode> opportunities = opportunities(latest.keySet(), progress);
        List<BatchOrder> toWrite = new ArrayList<>();
        for (BatchOrder order : latest.values()) {
            if (isOlderThanSalesforce(order.event(), opportunities.get(order.event().order().externalId()))) {
                progress.skipped.add(order.member());
                LOG.info("Skipped {} ({}): Salesforce holds a later state of the order", order.event().order().externalId(), order.event().topic());
            } else {
                toWrite.add(order);
            }
        }
        Map<String, List<JsonNode>> existingLines = existingLines(toWrite.stream().map(o -> o.event().order().externalId())
                .filter(opportunities::containsKey).toList(), progress);
        lookUpEntries(toWrite);
        List<PlannedOrder> planned = new ArrayList<>();
        for (BatchOrder order : toWrite) {
            String orderId = order.event().order().externalId();
            if (opportunities.containsKey(orderId) && !existingLines.containsKey(orderId)) {
                progress.onTheirOwn.add(order.member()); // its lines did not fit the batch's query page
                continue;
            }
            try {
                plan(order, existingLines.getOrDefault(orderId, List.of())).ifPresentOrElse(planned::add,
                        () -> progress.onTheirOwn.add(order.member()));
            } catch (SalesforceWriteException e) {
                if (e.error().isTransient()) {
                    throw e;
                }
                progress.refused.put(order.member(), e);
            }
        }
        List<PlannedOrder> succeeded = send(planned, progress);
        deleteStaleLines(succeeded, progress);
    }

    private Map<String, BatchOrder> latestOfEachOrder(List<BatchOrder> orders, Progress progress) {
        Map<String, BatchOrder> latest = new LinkedHashMap<>();
        for (BatchOrder order : orders) {
            BatchOrder known = latest.get(order.event().order().externalId());
            if (known == null || !isEarlier(order.event(), known.event())) {
                latest.put(order.event().order().externalId(), order);
                if (known != null) {
                    progress.skipped.add(known.member());
                }
            } else {
                progress.skipped.add(order.member());
            }
        }
        return latest;
    }

    private static boolean isEarlier(CommerceEvent event, CommerceEvent than) {
        return event.sourceUpdatedAt() != null && than.sourceUpdatedAt() != null && event.sourceUpdatedAt().isBefore(than.sourceUpdatedAt());
    }

    private boolean isOlderThanSalesforce(CommerceEvent event, JsonNode opportunity) {
        Optional<String> field = settings.field("opportunity.source-updated-at");
        if (opportunity == null || field.isEmpty() || event.sourceUpdatedAt() == null) {
            return false;
        }
        String held = opportunity.path(field.get()).asText(null);
        if (held == null || held.isBlank()) {
            return false;
        }
        Instant salesforce = OffsetDateTime.parse(held, SALESFORCE_DATETIME).toInstant();
        return salesforce.isAfter(event.sourceUpdatedAt().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The orders' Opportunities in Salesforce, by order id. */
    private Map<String, JsonNode> opportunities(Set<String> orderIds, Progress progress) {
        String fields = "Id, " + settings.orderIdField()
                + settings.field("opportunity.source-updated-at").map(f -> ", " + f).orElse("");
        Map<String, JsonNode> found = new HashMap<>();
        for (JsonNode page : query(List.copyOf(orderIds), ids -> "SELECT " + fields + " FROM Opportunity WHERE "
                + settings.orderIdField() + " IN " + SoqlLiteral.list(ids), "Opportunity", progress)) {
            for (JsonNode record : page.path("records")) {
                found.put(record.path(settings.orderIdField()).asText(), record);
            }
        }
        return found;
    }

    /** The line items in Salesforce of orders that exist, by order id; an order whose lines did not all come back is absent. */
    private Map<String, List<JsonNode>> existingLines(List<String> orderIds, Progress progress) {
        Map<String, List<JsonNode>> lines = new HashMap<>();
        List<String> ids = new ArrayList<>(orderIds);
        List<JsonNode> pages = query(ids, chunk -> "SELECT Id, " + settings.lineIdField() + ", Opportunity." + settings.orderIdField()
                + " FROM OpportunityLineItem WHERE Opportunity." + settings.orderIdField() + " IN " + SoqlLiteral.list(chunk),
                "OpportunityLineItem", progress);
        for (int p = 0; p < pages.size(); p++) {
            List<String> chunk = ids.subList(p * IDS_PER_QUERY, Math.min(ids.size(), (p + 1) * IDS_PER_QUERY));
            if (!pages.get(p).path("done").asBoolean(true)) {
                continue;
            }
            chunk.forEach(id -> lines.put(id, new ArrayList<>()));
            for (JsonNode record : pages.get(p).path("records")) {
                lines.computeIfAbsent(record.path("Opportunity").path(settings.orderIdField()).asText(), k -> new ArrayList<>()).add(record);
            }
        }
        return lines;
    }

    /** One query per 200 ids, five queries per {@code /composite} call; the answer pages in the order of the ids. */
    private List<JsonNode> query(List<String> ids, java.util.function.Function<List<String>, String> soql, String sObject, Progress progress) {
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            queries.add(soql.apply(ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY))));
        }
        List<JsonNode> pages = new ArrayList<>();
        for (int i = 0; i < queries.size(); i += QUERIES_PER_CALL) {
            List<String> batch = queries.subList(i, Math.min(queries.size(), i + QUERIES_PER_CALL));
            ObjectNode request = JSON.createObjectNode().put("allOrNone", false);
            ArrayNode subrequests = request.putArray("compositeRequest");
            for (int q = 0; q < batch.size(); q++) {
                subrequests.addObject().put("method", "GET")
                        .put("url", "/services/data/v" + settings.apiVersion() + "/query?q=" + PathSegment.encode(batch.get(q)))
                        .put("referenceId", "q" + q);
            }
            progress.calls++;
            CompositeResponse response = org.compositeOrFail(request.toString(), Map.of("q", sObject)).response();
            for (int q = 0; q < batch.size(); q++) {
                pages.add(response.bodiesByReference().get("q" + q));
            }
        }
        return pages;
    }

    /** Entries of every product of the batch not known yet: looked up (or created) together, per currency. */
    private void lookUpEntries(List<BatchOrder> orders) {
        Map<String, Map<String, CatalogueProduct>> byCurrency = new LinkedHashMap<>();
        for (BatchOrder order : orders) {
            for (LineItem line : OrderLineItems.of(order.event(), settings)) {
                byCurrency.computeIfAbsent(String.valueOf(order.event().order().currency()), c -> new LinkedHashMap<>())
                        .putIfAbsent(line.product().key(), line.product());
            }
        }
        byCurrency.forEach((currency, products) -> {
            try {
                catalogue.entryIds(products.values(), "null".equals(currency) ? null : currency);
            } catch (UnknownProductException e) {
                LOG.debug("Batch names unknown products; each order finds its own: {}", e.getMessage());
            }
        });
    }

    private Optional<PlannedOrder> plan(BatchOrder order, List<JsonNode> existingLines) {
        CommerceEvent event = order.event();
        CustomerMatch match = matcher.match(event.order().customer());
        if (match.how() == CustomerMatch.How.NONE && reviewUnmatched) {
            return Optional.empty();
        }
        List<LineItem> lines = OrderLineItems.of(event, settings);
        Map<String, String> entryIds = lines.isEmpty() ? Map.of()
                : catalogue.entryIds(lines.stream().map(LineItem::product).toList(), event.order().currency());
        OrderCompositeRequest.Plan plan = requests.forOrder(event, match, lines, entryIds, catalogue.pricebookId(), false);
        Set<String> current = new HashSet<>();
        lines.forEach(line -> current.add(line.externalId()));
        List<String> stale = existingLines.stream()
                .filter(record -> !current.contains(record.path(settings.lineIdField()).asText(null)))
                .map(record -> record.path("Id").asText()).toList();
        return OrderGraphRequest.of(plan.json()).map(nodes -> new PlannedOrder(order, nodes, stale));
    }

    /** Sends the planned orders in calls within the limits; answers those written. */
    private List<PlannedOrder> send(List<PlannedOrder> planned, Progress progress) {
        List<PlannedOrder> succeeded = new ArrayList<>();
        List<PlannedOrder> queue = new ArrayList<>(planned);
        SalesforceError transientFailure = null;
        while (!queue.isEmpty()) {
            Map<String, PlannedOrder> call = new LinkedHashMap<>();
            Map<String, ArrayNode> graphs = new LinkedHashMap<>();
            int nodes = 0;
            for (PlannedOrder order : queue) {
                if (call.size() == limits.maxGraphs() || (!call.isEmpty() && nodes + order.nodes().size() > limits.maxNodes())) {
                    break;
                }
                String graphId = "order" + order.order().member();
                call.put(graphId, order);
                graphs.put(graphId, order.nodes());
                nodes += order.nodes().size();
            }
            queue.removeAll(call.values());
            progress.calls++;
            Map<String, CompositeGraphCall.GraphAnswer> answers = graphCall.send(OrderGraphRequest.request(graphs), OrderCompositeRequest.OBJECTS);
            List<PlannedOrder> halted = new ArrayList<>();
            for (Map.Entry<String, PlannedOrder> entry : call.entrySet()) {
                PlannedOrder order = entry.getValue();
                CompositeGraphCall.GraphAnswer answer = answers.get(entry.getKey());
                if (answer != null && answer.successful()) {
                    succeeded.add(order);
                    continue;
                }
                Optional<SalesforceError> failure = answer == null ? Optional.empty() : answer.response().failure();
                if (answer != null && failure.isPresent() && CompositeResponse.HALTED.equals(failure.get().errorCode())) {
                    halted.add(order);
                } else if (failure.isEmpty() || failure.get().isTransient()) {
                    transientFailure = failure.orElse(new SalesforceError(500, "UNKNOWN_EXCEPTION",
                            "Salesforce did not answer graph " + entry.getKey(), List.of(), "composite/graph"));
                } else {
                    if (isALineError(answer.response())) {
                        catalogue.forget(); // an entry was deleted or deactivated in the org: look them up again
                    }
                    progress.refused.put(order.order().member(), OrgConnection.failureOf(failure.get(), null));
                    LOG.warn("Order {} refused in its graph: {}", order.order().event().order().externalId(), failure.get().message());
                }
            }
            queue.addAll(0, halted);
        }
        if (transientFailure != null) {
            markWritten(succeeded.stream().filter(o -> o.staleLines().isEmpty()).toList(), progress);
            throw new SalesforceWriteException(transientFailure);
        }
        return succeeded;
    }

    private static boolean isALineError(CompositeResponse response) {
        return response.errorsByReference().entrySet().stream()
                .filter(e -> e.getKey().startsWith(OrderCompositeRequest.LINES))
                .flatMap(e -> e.getValue().stream())
                .anyMatch(e -> !CompositeResponse.HALTED.equals(e.errorCode()));
    }

    private void deleteStaleLines(List<PlannedOrder> succeeded, Progress progress) {
        markWritten(succeeded.stream().filter(o -> o.staleLines().isEmpty()).toList(), progress);
        List<PlannedOrder> withStale = succeeded.stream().filter(o -> !o.staleLines().isEmpty()).toList();
        List<String> stale = withStale.stream().flatMap(o -> o.staleLines().stream()).toList();
        for (int i = 0; i < stale.size(); i += OrderCompositeRequest.MAX_LINES) {
            progress.calls++;
            org.compositeOrFail(requests.deleteLines(stale.subList(i, Math.min(stale.size(), i + OrderCompositeRequest.MAX_LINES))),
                    Map.of("removedLines", "OpportunityLineItem"));
        }
        markWritten(withStale, progress);
    }

    private void markWritten(List<PlannedOrder> orders, Progress progress) {
        for (PlannedOrder order : orders) {
            if (progress.written.add(order.order().member())) {
                matcher.written(order.order().event().order().customer());
                LOG.info("Synced {} in a composite graph ({} node(s), {} removed line(s))", order.order().event().order().externalId(),
                        order.nodes().size(), order.staleLines().size());
            }
        }
    }
}
