package io.commercesync.salesforce;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.model.CommerceEvent;
import io.commercesync.model.EventKind;
import io.commercesync.model.Refund;
import io.commercesync.sync.UnsupportedEventException;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one canonical event to Salesforce: an order (placed, changed, cancelled) as one all-or-none
 * {@code /composite} request ({@link OrderCompositeRequest}), a refund as its negative line on the order's
 * Opportunity. Salesforce answers a composite request with 200 even when a subrequest fails, so the answer is
 * read here and a failure is thrown as a {@link SalesforceWriteException} that says whether a retry can help.
 * The call and its check are one step, so a retry repeats the call.
 * <p>
 * Calls: one per event. Besides: the price book and each product's entry are read once per app instance
 * ({@link PriceBookCatalogue}); a line the store removed from an order costs one more call to delete it.
 * An event older than what Salesforce holds for the order changes nothing (exchange property
 * {@link #OLDER_THAN_SALESFORCE}).
 */
public final class CompositeOrderWriter implements Processor {

    /** Exchange property set to true when the customer matched nothing and goes to manual review (not written). */
    public static final String FOR_REVIEW = "commerceForReview";

    /** Exchange property set to true when the event was older than Salesforce's copy and so not written. */
    public static final String OLDER_THAN_SALESFORCE = "commerceOlderThanSalesforce";

    private static final Logger LOG = LoggerFactory.getLogger(CompositeOrderWriter.class);

    private final SalesforceSettings settings;
    private final OrderCompositeRequest requests;
    private final PriceBookCatalogue catalogue;
    private final OrgConnection org;
    private final CustomerFinder matcher;
    private final boolean reviewUnmatched;
    private final EventTargets targets;

    /**
     * @param reviewUnmatched {@code commerce.sync.unmatched=review}: an order whose customer matches nothing is
     *                        not written but handed to the route for the review topic ({@link #FOR_REVIEW})
     * @param targets         the other targets (orders mode, platform events, customer events) and person accounts
     */
    public CompositeOrderWriter(SalesforceSettings settings, PriceBookCatalogue catalogue, OrgConnection org,
                                CustomerFinder matcher, boolean reviewUnmatched, EventTargets targets) {
        this.settings = settings;
        this.matcher = matcher;
        this.reviewUnmatched = reviewUnmatched;
        this.targets = targets;
        this.requests = new OrderCompositeRequest(settings, targets.personAccounts());
        this.catalogue = catalogue;
        this.org = org;
    }

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException {
        CommerceEvent event = exchange.getMessage().getMandatoryBody(CommerceEvent.class);
        // issue 5 targets: platform events, orders mode and customer events have their own writers (EventTargets)
        if (targets.writes(event)) {
            targets.write(exchange, event);
            return;
        }
        if (event.carriesOrder()) {
            writeOrder(exchange, event);
        } else if (event.kind() == EventKind.REFUND) {
            writeRefund(exchange, event.refund());
        } else {
            throw new UnsupportedEventException("This version writes orders, refunds and customers only; a " + event.kind() + " event ("
                    + event.topic() + ", " + event.subjectId() + ") waits here to be replayed by a version that writes it");
        }
    }

    private void writeOrder(Exchange exchange, CommerceEvent event) {
        CustomerMatch match = matcher.match(event.order().customer());
        if (match.how() == CustomerMatch.How.NONE && reviewUnmatched) {
            exchange.setProperty(FOR_REVIEW, true);
            LOG.info("Order {}: its customer matches no Account or Contact; sent for review", event.order().externalId());
            return;
        }
        List<LineItem> lines = OrderLineItems.of(event, settings);
        Map<String, String> entryIds = lines.isEmpty() ? Map.of()
                : catalogue.entryIds(lines.stream().map(LineItem::product).toList(), event.order().currency());
        OrderCompositeRequest.Plan plan = requests.forOrder(event, match, lines, entryIds, catalogue.pricebookId());
        OrgConnection.Answer answer = org.composite(plan.json(), OrderCompositeRequest.OBJECTS);
        CompositeResponse response = answer.response();
        if (response.failure().isPresent()) {
            if (plan.guarded() && OrderCompositeRequest.isOlderThanSalesforce(response)) {
                exchange.setProperty(OLDER_THAN_SALESFORCE, true);
                LOG.info("Skipped {} ({}): Salesforce holds a later state of the order", event.order().externalId(), event.topic());
                return;
            }
            SalesforceError error = response.failure().get();
            if (response.errorsByReference().entrySet().stream()
                    .anyMatch(e -> e.getKey().startsWith(OrderCompositeRequest.LINES) && !e.getValue().isEmpty())) {
                catalogue.forget();
            }
            throw OrgConnection.failureOf(error, null);
        }
        matcher.written(event.order().customer());
        int removed = deleteRemovedLines(response, lines);
        exchange.getMessage().setHeader("Sforce-Limit-Info", answer.limitInfo());
        exchange.getMessage().setBody(response.idsByReference());
        LOG.info("Synced {} to Opportunity {} (customer matched by {}; Account {}, Contact {}; {} line(s), {} removed)",
                event.order().externalId(),
                response.idsByReference().get(OrderCompositeRequest.OPPORTUNITY), match.how(),
                response.idsByReference().getOrDefault(OrderCompositeRequest.ACCOUNT, match.accountId()),
                response.idsByReference().get(OrderCompositeRequest.CONTACT), lines.size(), removed);
    }

    /** Lines Salesforce has for the order that the order no longer lists: deleted in one more call. */
    private int deleteRemovedLines(CompositeResponse response, List<LineItem> lines) {
        Set<String> current = new HashSet<>();
        lines.forEach(line -> current.add(line.externalId()));
        List<String> stale = new ArrayList<>();
        JsonNode existing = response.bodiesByReference().get(OrderCompositeRequest.EXISTING_LINES);
        if (existing != null) {
            for (JsonNode record : existing.path("records")) {
                String lineId = record.path(settings.lineIdField()).asText(null);
                if (lineId == null || !current.contains(lineId)) {
                    stale.add(record.path("Id").asText());
                }
            }
        }
        for (int i = 0; i < stale.size(); i += OrderCompositeRequest.MAX_LINES) {
            org.compositeOrFail(requests.deleteLines(stale.subList(i, Math.min(stale.size(), i + OrderCompositeRequest.MAX_LINES))),
                    Map.of("removedLines", "OpportunityLineItem"));
        }
        return stale.size();
    }

    private void writeRefund(Exchange exchange, Refund refund) {
        Optional<LineItem> line = OrderLineItems.refundLine(refund.orderExternalId(), refund, settings);
        if (line.isEmpty()) {
            LOG.info("Refund {} of {} names no amount (restock only): nothing to write", refund.externalId(), refund.orderExternalId());
            return;
        }
        String entryId = catalogue.entryIds(List.of(line.get().product()), refund.currency()).get(line.get().product().key());
        OrgConnection.Answer answer = org.compositeOrFail(requests.forRefund(refund, line.get(), entryId), OrderCompositeRequest.OBJECTS);
        exchange.getMessage().setHeader("Sforce-Limit-Info", answer.limitInfo());
        exchange.getMessage().setBody(answer.response().idsByReference());
        LOG.info("Synced refund {} to line {} of Opportunity {}", refund.externalId(),
                answer.response().idsByReference().get(OrderCompositeRequest.REFUND), refund.orderExternalId());
    }
}
