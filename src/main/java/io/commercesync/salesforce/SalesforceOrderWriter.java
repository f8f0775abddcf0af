package io.commercesync.salesforce;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.model.CommerceEvent;
import io.commercesync.model.Refund;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders mode ({@code commerce.sync.target=orders}): writes an order event as a Salesforce Order with its
 * OrderItems ({@link SalesforceOrderRequest}, one call), and a refund as its negative OrderItem on the order.
 * Customer matching, the review topic, the ordering guard and removed products behave as for Opportunities
 * ({@link CompositeOrderWriter}, whose exchange properties it sets).
 */
public final class SalesforceOrderWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceOrderWriter.class);

    private final SalesforceSettings settings;
    private final SalesforceOrderRequest requests;
    private final PriceBookCatalogue catalogue;
    private final OrgConnection org;
    private final CustomerFinder finder;
    private final boolean reviewUnmatched;

    public SalesforceOrderWriter(SalesforceSettings settings, SalesforceOrderRequest requests, PriceBookCatalogue catalogue,
                                 OrgConnection org, CustomerFinder finder, boolean reviewUnmatched) {
        this.settings = settings;
        this.requests = requests;
        this.catalogue = catalogue;
        this.org = org;
        this.finder = finder;
        this.reviewUnmatched = reviewUnmatched;
    }

    public void writeOrder(Exchange exchange, CommerceEvent event) {
        CustomerMatch match = finder.match(event.order().customer());
        if (match.how() == CustomerMatch.How.NONE && reviewUnmatched) {
            exchange.setProperty(CompositeOrderWriter.FOR_REVIEW, true);
            LOG.info("Order {}: its customer matches no Account or Contact; sent for review", event.order().externalId());
            return;
        }
        List<LineItem> items = OrderLineItems.of(event, settings);
        Map<String, String> entryIds = items.isEmpty() ? Map.of()
                : catalogue.entryIds(items.stream().map(LineItem::product).toList(), event.order().currency());
        SalesforceOrderRequest.Plan plan = requests.forOrder(event, match, items, entryIds, catalogue.pricebookId());
        OrgConnection.Answer answer = org.composite(plan.json(), SalesforceOrderRequest.OBJECTS);
        CompositeResponse response = answer.response();
        if (response.failure().isPresent()) {
            if (plan.guarded() && SalesforceOrderRequest.isOlderThanSalesforce(response)) {
                exchange.setProperty(CompositeOrderWriter.OLDER_THAN_SALESFORCE, true);
                LOG.info("Skipped {} ({}): Salesforce holds a later state of the order", event.order().externalId(), event.topic());
                return;
            }
            if (!response.errorsOf(SalesforceOrderRequest.ORDER_ITEMS).isEmpty()) {
                catalogue.forget();
            }
            throw OrgConnection.failureOf(response.failure().get(), null);
        }
        finder.written(event.order().customer());
        int removed = deleteRemovedItems(response, items);
        exchange.getMessage().setHeader("Sforce-Limit-Info", answer.limitInfo());
        exchange.getMessage().setBody(response.idsByReference());
        LOG.info("Synced {} to Order {} (customer matched by {}; Account {}; {} product(s), {} removed)", event.order().externalId(),
                response.idsByReference().get(SalesforceOrderRequest.ORDER), match.how(),
                response.idsByReference().getOrDefault(AccountRecords.ACCOUNT, match.accountId()), items.size(), removed);
    }

    public void writeRefund(Exchange exchange, Refund refund) {
        Optional<LineItem> item = OrderLineItems.refundLine(refund.orderExternalId(), refund, settings);
        if (item.isEmpty()) {
            LOG.info("Refund {} of {} names no amount (restock only): nothing to write", refund.externalId(), refund.orderExternalId());
            return;
        }
        String entryId = catalogue.entryIds(List.of(item.get().product()), refund.currency()).get(item.get().product().key());
        OrgConnection.Answer answer = org.compositeOrFail(requests.forRefund(refund, item.get(), entryId), SalesforceOrderRequest.OBJECTS);
        exchange.getMessage().setHeader("Sforce-Limit-Info", answer.limitInfo());
        exchange.getMessage().setBody(answer.response().idsByReference());
        LOG.info("Synced refund {} to product {} of Order {}", refund.externalId(),
                answer.response().idsByReference().get(SalesforceOrderRequest.REFUND), refund.orderExternalId());
    }

    private int deleteRemovedItems(CompositeResponse response, List<LineItem> items) {
        Set<String> current = new HashSet<>();
        items.forEach(item -> current.add(item.externalId()));
        List<String> stale = new ArrayList<>();
        JsonNode existing = response.bodiesByReference().get(SalesforceOrderRequest.EXISTING_ORDER_ITEMS);
        if (existing != null) {
            for (JsonNode record : existing.path("records")) {
                String itemId = record.path(settings.lineIdField()).asText(null);
                if (itemId == null || !current.contains(itemId)) {
                    stale.add(record.path("Id").asText());
                }
            }
        }
        for (int i = 0; i < stale.size(); i += SalesforceOrderRequest.MAX_ITEMS) {
            org.compositeOrFail(requests.deleteItems(stale.subList(i, Math.min(stale.size(), i + SalesforceOrderRequest.MAX_ITEMS))),
                    Map.of("removedItems", "OrderItem"));
        }
        return stale.size();
    }
}
