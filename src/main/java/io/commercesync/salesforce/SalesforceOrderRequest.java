package io.commercesync.salesforce;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.model.CommerceEvent;
import io.commercesync.model.Order;
import io.commercesync.model.Refund;

/**
 * Orders mode ({@code commerce.sync.target=orders}): one order as one all-or-none {@code /composite} request
 * that writes a Salesforce Order with its OrderItems instead of an Opportunity with line items, in this order:
 * <ol>
 *   <li>{@code newer}, {@code gate}: the ordering guard, as in {@link OrderCompositeRequest}: the Order takes
 *   its {@code Pricebook2Id} from the gate query, which has no row when Salesforce holds a later
 *   {@code Commerce_Source_Updated_At__c} for the order, so an older event changes nothing;</li>
 *   <li>the customer ({@link AccountRecords}: Account and Contact, or the person account);</li>
 *   <li>{@code order}: the Order upserted by {@code Commerce_Order_Id__c}: {@code Status} from
 *   {@code commerce.sync.order.status} (Draft), {@code EffectiveDate} = placed-at (UTC date), the price book,
 *   {@code Account} by external id, and the mapped {@code field.order.*};</li>
 *   <li>{@code orderItems}: every line (products, the adjustment line, one negative line per refund:
 *   {@link OrderLineItems}) as one collection upsert by {@code Commerce_Line_Id__c};</li>
 *   <li>{@code existingOrderItems}: the order's products after the write, so products the store removed are
 *   deleted afterwards.</li>
 * </ol>
 * The Order's {@code TotalAmount} is Salesforce's sum of its products: the order total less refunds.
 */
public final class SalesforceOrderRequest {

    public static final String NEWER = "newer";
    public static final String GATE = "gate";
    public static final String ORDER = "order";
    public static final String ORDER_ITEMS = "orderItems";
    public static final String EXISTING_ORDER_ITEMS = "existingOrderItems";
    public static final String REFUND = "refund";

    public static final Map<String, String> OBJECTS = Map.of(AccountRecords.ACCOUNT, "Account", AccountRecords.CONTACT, "Contact",
            AccountRecords.ADOPT_ACCOUNT, "Account", AccountRecords.ADOPT_CONTACT, "Contact", NEWER, "OrderItem", GATE, "Pricebook2",
            ORDER, "Order", ORDER_ITEMS, "OrderItem", EXISTING_ORDER_ITEMS, "OrderItem", REFUND, "OrderItem");

    static final int MAX_ITEMS = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SalesforceSettings settings;
    private final SyncTargets targets;
    private final AccountRecords accounts;
    private final CompositeSubrequest subrequest;

    public SalesforceOrderRequest(SalesforceSettings settings, SyncTargets targets, AccountRecords accounts) {
        this.settings = settings;
        this.targets = targets;
        this.accounts = accounts;
        this.subrequest = new CompositeSubrequest(settings);
    }

    /** The request, and whether it carries the ordering guard. */
    public record Plan(String json, boolean guarded) {
    }

    public Plan forOrder(CommerceEvent event, CustomerMatch match, List<LineItem> items, Map<String, String> entryIds, String pricebookId) {
        Order order = event.order();
        if (items.size() > MAX_ITEMS) {
            throw new SalesforceWriteException(new SalesforceError(413, "TOO_MANY_LINES", "Order " + order.externalId()
                    + " has " + items.size() + " products; one request carries at most " + MAX_ITEMS, List.of(), "OrderItem"));
        }
        ObjectNode request = JSON.createObjectNode().put("allOrNone", true);
        ArrayNode subrequests = request.putArray("compositeRequest");
        String pricebook = pricebookId;
        boolean guarded = event.sourceUpdatedAt() != null && settings.field("order.source-updated-at").isPresent();
        if (guarded) {
            String updatedAtField = settings.field("order.source-updated-at").get();
            subrequests.add(subrequest.query(NEWER, "SELECT Id FROM Order WHERE " + settings.orderIdField() + " = "
                    + SoqlLiteral.quote(order.externalId()) + " AND " + updatedAtField + " > " + dateTime(event.sourceUpdatedAt()), ""));
            subrequests.add(subrequest.query(GATE, "SELECT Id FROM Pricebook2 WHERE Id = " + SoqlLiteral.quote(pricebookId)
                    + " LIMIT 1 OFFSET ", "@{" + NEWER + ".totalSize}"));
            pricebook = "@{" + GATE + ".records[0].Id}";
        }
        subrequests.addAll(accounts.subrequests(event.store(), order.customer(), match));
        ObjectNode body = order(event, match).json();
        body.put("Pricebook2Id", pricebook);
        subrequests.add(subrequest.upsert(ORDER, "Order", settings.orderIdField(), order.externalId(), body));
        if (!items.isEmpty()) {
            subrequests.add(items(order.externalId(), items, entryIds));
        }
        subrequests.add(subrequest.query(EXISTING_ORDER_ITEMS, "SELECT Id, " + settings.lineIdField() + " FROM OrderItem WHERE Order."
                + settings.orderIdField() + " = " + SoqlLiteral.quote(order.externalId()), ""));
        return new Plan(request.toString(), guarded);
    }

    /** A refund as one request: its negative product on the order (by the order's external id). */
    public String forRefund(Refund refund, LineItem item, String entryId) {
        ObjectNode request = JSON.createObjectNode().put("allOrNone", true);
        request.putArray("compositeRequest").add(subrequest.upsert(REFUND, "OrderItem", settings.lineIdField(), item.externalId(),
                item(refund.orderExternalId(), item, entryId).json()));
        return request.toString();
    }

    /** Products Salesforce has that the order no longer lists, deleted in one request (at most 200). */
    public String deleteItems(List<String> ids) {
        ObjectNode request = JSON.createObjectNode().put("allOrNone", true);
        request.putArray("compositeRequest").add(subrequest.deleteAll("removedItems", ids));
        return request.toString();
    }

    /** Whether a failed answer is the ordering guard at work: the Order failed on the gate's reference, the rest was rolled back. */
    public static boolean isOlderThanSalesforce(CompositeResponse response) {
        return response.errorsOf(ORDER).stream().anyMatch(e -> e.message() != null
                && e.message().contains("Invalid reference") && e.message().contains(GATE + ".records"))
                && response.errorsByReference().entrySet().stream().filter(e -> !e.getKey().equals(ORDER))
                .flatMap(e -> e.getValue().stream()).allMatch(e -> CompositeResponse.HALTED.equals(e.errorCode()));
    }

    private RecordBody order(CommerceEvent event, CustomerMatch match) {
        Order order = event.order();
        RecordBody body = new RecordBody()
                .text("Status", targets.orderStatus())
                .text("EffectiveDate", effectiveDate(event).atOffset(ZoneOffset.UTC).toLocalDate().toString());
        if (settings.multiCurrency()) {
            body.text("CurrencyIsoCode", order.currency());
        }
        String linkedAccount = match.linkedAccountId();
        if (linkedAccount == null) {
            body.parent("Account", settings.customerIdField(), order.customer().externalId());
        } else {
            body.text("AccountId", linkedAccount);
        }
        body.text(settings.field("order.number"), order.number())
                .text(settings.field("order.source"), event.source().id())
                .text(settings.field("order.store"), event.store())
                .text(settings.field("order.status"), order.status().name().toLowerCase(Locale.ROOT))
                .text(settings.field("order.source-status"), order.sourceStatus())
                .text(settings.field("order.shipping-method"), order.shippingMethod())
                .text(settings.field("order.note"), order.note());
        if (!order.discountCodes().isEmpty()) {
            settings.field("order.discount-codes").ifPresent(field -> body.text(field, String.join(", ", order.discountCodes()), 255));
        }
        if (event.sourceUpdatedAt() != null) {
            body.text(settings.field("order.source-updated-at"), dateTime(event.sourceUpdatedAt()));
        }
        return body;
    }

    private ObjectNode items(String orderExternalId, List<LineItem> items, Map<String, String> entryIds) {
        ArrayNode records = JSON.createArrayNode();
        for (LineItem item : items) {
            ObjectNode record = item(orderExternalId, item, entryIds.get(item.product().key())).json();
            record.putObject("attributes").put("type", "OrderItem");
            record.put(settings.lineIdField(), item.externalId());
            records.add(record);
        }
        return subrequest.upsertAll(ORDER_ITEMS, "OrderItem", settings.lineIdField(), records);
    }

    private RecordBody item(String orderExternalId, LineItem item, String entryId) {
        RecordBody body = new RecordBody().parent("Order", settings.orderIdField(), orderExternalId).text("PricebookEntryId", entryId);
        body.json().put("Quantity", item.quantity());
        body.json().put("UnitPrice", item.unitPrice());
        settings.field("line.description").ifPresent(field -> body.text(field, item.description(), 255));
        return body;
    }

    /** The order's start date: when it was placed, else when the store last changed it, else when it arrived. */
    private static Instant effectiveDate(CommerceEvent event) {
        if (event.order().placedAt() != null) {
            return event.order().placedAt();
        }
        return event.sourceUpdatedAt() != null ? event.sourceUpdatedAt() : event.receivedAt();
    }

    private static String dateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
