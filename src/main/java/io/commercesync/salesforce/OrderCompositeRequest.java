package io.commercesync.salesforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.model.Address;
import io.commercesync.model.CommerceEvent;
import io.commercesync.model.Customer;
import io.commercesync.model.Order;
import io.commercesync.model.Refund;

/**
 * One order as one Salesforce {@code /composite} request (all or none), in this order:
 * <ol>
 *   <li>{@code newer}, {@code gate} (the ordering guard, when the event has the store's updated-at): a query
 *   counts the Opportunities of this order that Salesforce holds with a later
 *   {@code Commerce_Source_Updated_At__c} (0 or 1), and the gate query reads the price book with
 *   {@code OFFSET} that count. The Opportunity takes its {@code Pricebook2Id} from {@code @{gate.records[0].Id}},
 *   which exists only when the count is 0: for an older event the reference cannot be resolved, the
 *   Opportunity subrequest fails and the whole request changes nothing ({@link #isOlderThanSalesforce}).
 *   No read before the write, no second call;</li>
 *   <li>when the customer was matched by e-mail ({@link CustomerMatcher}): the found Contact (and its Account)
 *   take the customer's external id;</li>
 *   <li>Account and Contact upserted by the customer's external id, the Contact linked to the Account by it
 *   (or both Contact and Opportunity pointed at the Account matched by id);</li>
 *   <li>the Opportunity upserted by the order's external id, linked to both by their external ids;</li>
 *   <li>{@code lines}: every line item as one sObject Collections upsert by the line's external id, each linked
 *   to the Opportunity by its external id, with the PricebookEntry resolved beforehand ({@link PriceBookCatalogue});</li>
 *   <li>{@code existingLines}: the order's lines now in Salesforce, so lines the store removed are seen
 *   (and deleted by {@link CompositeOrderWriter}) without another read.</li>
 * </ol>
 * Blank source values are left out, never sent as null: they do not overwrite what Salesforce holds.
 */
public final class OrderCompositeRequest {

    /** Reference ids of the subrequests, which also name the object in error messages. */
    public static final String ACCOUNT = "account";
    public static final String CONTACT = "contact";
    public static final String OPPORTUNITY = "opportunity";
    public static final String NEWER = "newer";
    public static final String GATE = "gate";
    public static final String LINES = "lines";
    public static final String EXISTING_LINES = "existingLines";
    public static final String REFUND = "refund";

    public static final Map<String, String> OBJECTS = Map.ofEntries(Map.entry(ACCOUNT, "Account"), Map.entry(CONTACT, "Contact"),
            Map.entry(OPPORTUNITY, "Opportunity"), Map.entry(LINES, "OpportunityLineItem"),
            Map.entry(LINES + "2", "OpportunityLineItem"), Map.entry(LINES + "3", "OpportunityLineItem"),
            Map.entry(LINES + "4", "OpportunityLineItem"), Map.entry(EXISTING_LINES, "OpportunityLineItem"),
            Map.entry(NEWER, "Opportunity"), Map.entry(GATE, "Pricebook2"), Map.entry(REFUND, "OpportunityLineItem"),
            Map.entry("adoptContact", "Contact"), Map.entry("adoptAccount", "Account"));

    /** Salesforce's limit of records in one sObject Collections request. */
    static final int MAX_LINES = 200;
    /** Salesforce's limit of sObject Collections and query subrequests in one composite request. */
    private static final int MAX_COLLECTIONS_AND_QUERIES = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SalesforceSettings settings;
    private final PersonAccountFields personAccounts;

    public OrderCompositeRequest(SalesforceSettings settings) {
        this(settings, null);
    }

    /** @param personAccounts the customer's person account in person-account mode; null for Account and Contact */
    public OrderCompositeRequest(SalesforceSettings settings, PersonAccountFields personAccounts) {
        this.settings = settings;
        this.personAccounts = personAccounts;
    }

    /** The request, and whether it carries the ordering guard. */
    public record Plan(String json, boolean guarded) {
    }

    public Plan forOrder(CommerceEvent event, CustomerMatch match, List<LineItem> lines, Map<String, String> entryIds, String pricebookId) {
        return forOrder(event, match, lines, entryIds, pricebookId, true);
    }

    /**
     * @param withGuard false when the caller has already compared the order's updated-at with Salesforce's
     *                  (a poll batch written as a composite graph, {@link GraphBatchWriter}): no guard queries
     */
    public Plan forOrder(CommerceEvent event, CustomerMatch match, List<LineItem> lines, Map<String, String> entryIds, String pricebookId,
                         boolean withGuard) {
        boolean guarded = withGuard && event.sourceUpdatedAt() != null && settings.field("opportunity.source-updated-at").isPresent();
        // The lines go in collections of 200; with the guard's two queries and the existing-lines query, the
        // composite has room for two (400 lines), without the guard for four (a graph turns them into nodes).
        int maxLines = (MAX_COLLECTIONS_AND_QUERIES - (guarded ? 3 : 1)) * MAX_LINES;
        if (lines.size() > maxLines) {
            throw new SalesforceWriteException(new SalesforceError(413, "TOO_MANY_LINES", "Order " + event.order().externalId()
                    + " has " + lines.size() + " line items; one request carries at most " + maxLines, List.of(), "OpportunityLineItem"));
        }
        Order order = event.order();
        Customer customer = order.customer();
        ObjectNode request = JSON.createObjectNode();
        request.put("allOrNone", true);
        ArrayNode subrequests = request.putArray("compositeRequest");
        String pricebook = pricebookId;
        if (guarded) {
            String updatedAtField = settings.field("opportunity.source-updated-at").get();
            subrequests.add(query(NEWER, "SELECT Id FROM Opportunity WHERE " + settings.orderIdField() + " = "
                    + SoqlLiteral.quote(order.externalId()) + " AND " + updatedAtField + " > " + soqlDateTime(event.sourceUpdatedAt()), ""));
            subrequests.add(query(GATE, "SELECT Id FROM Pricebook2 WHERE Id = " + SoqlLiteral.quote(pricebookId)
                    + " LIMIT 1 OFFSET ", "@{" + NEWER + ".totalSize}"));
            pricebook = "@{" + GATE + ".records[0].Id}";
        }
        String linkedAccount = match.linkedAccountId();
        if (personAccounts != null) {
            // person-account mode (issue 5): the customer is one person Account (PersonAccountFields), no Contact to write
            subrequests.addAll(personAccounts.subrequests(event.store(), customer, match));
        } else {
            if (match.how() == CustomerMatch.How.EMAIL) {
                // the Contact found by e-mail (and its Account, when it has no customer id yet) takes the customer's id
                subrequests.add(adopt("adoptContact", "Contact", match.contactId(), customer.externalId()));
                if (match.adoptAccount()) {
                    subrequests.add(adopt("adoptAccount", "Account", match.accountId(), customer.externalId()));
                }
            }
            if (linkedAccount == null) {
                subrequests.add(upsert(ACCOUNT, "Account", settings.customerIdField(), customer.externalId(), account(event, customer)));
            }
            ObjectNode contact = contact(event, customer);
            if (linkedAccount != null) {
                contact.remove("Account");
                contact.put("AccountId", linkedAccount);
            }
            subrequests.add(upsert(CONTACT, "Contact", settings.customerIdField(), customer.externalId(), contact));
        }
        ObjectNode opportunity = opportunity(event);
        if (linkedAccount != null) {
            opportunity.remove("Account");
            opportunity.put("AccountId", linkedAccount);
        }
        opportunity.put("Pricebook2Id", pricebook);
        subrequests.add(upsert(OPPORTUNITY, "Opportunity", settings.orderIdField(), order.externalId(), opportunity));
        for (int from = 0, chunk = 1; from < lines.size(); from += MAX_LINES, chunk++) {
            subrequests.add(lineUpsert(chunk == 1 ? LINES : LINES + chunk, order.externalId(),
                    lines.subList(from, Math.min(lines.size(), from + MAX_LINES)), entryIds));
        }
        subrequests.add(query(EXISTING_LINES, "SELECT Id, " + settings.lineIdField() + " FROM OpportunityLineItem WHERE Opportunity."
                + settings.orderIdField() + " = " + SoqlLiteral.quote(order.externalId()), ""));
        return new Plan(request.toString(), guarded);
    }

    /** A refund as one request: its negative line on the order's Opportunity (by the order's external id). */
    public String forRefund(Refund refund, LineItem line, String entryId) {
        ObjectNode request = JSON.createObjectNode();
        request.put("allOrNone", true);
        ObjectNode body = lineBody(refund.orderExternalId(), line, entryId);
        request.putArray("compositeRequest").add(upsert(REFUND, "OpportunityLineItem", settings.lineIdField(), line.externalId(), body));
        return request.toString();
    }

    /** A request deleting line items by id (lines the store removed from the order). */
    public String deleteLines(List<String> ids) {
        ObjectNode request = JSON.createObjectNode();
        request.put("allOrNone", true);
        ObjectNode delete = request.putArray("compositeRequest").addObject();
        delete.put("method", "DELETE");
        delete.put("url", "/services/data/v" + settings.apiVersion() + "/composite/sobjects?allOrNone=true&ids=" + String.join(",", ids));
        delete.put("referenceId", "removedLines");
        return request.toString();
    }

    /**
     * Whether a failed answer is the ordering guard at work: Salesforce holds a later state of the order. The
     * Opportunity failed on the gate's reference, and every other subrequest only reports the rollback.
     */
    public static boolean isOlderThanSalesforce(CompositeResponse response) {
        return response.errorsOf(OPPORTUNITY).stream().anyMatch(e -> e.message() != null
                && e.message().contains("Invalid reference") && e.message().contains(GATE + ".records"))
                && response.errorsByReference().entrySet().stream().filter(e -> !e.getKey().equals(OPPORTUNITY))
                .flatMap(e -> e.getValue().stream()).allMatch(e -> CompositeResponse.HALTED.equals(e.errorCode()));
    }

    private ObjectNode lineUpsert(String reference, String orderExternalId, List<LineItem> lines, Map<String, String> entryIds) {
        ObjectNode body = JSON.createObjectNode();
        body.put("allOrNone", true);
        ArrayNode records = body.putArray("records");
        for (LineItem line : lines) {
            ObjectNode record = lineBody(orderExternalId, line, entryIds.get(line.product().key()));
            record.putObject("attributes").put("type", "OpportunityLineItem");
            record.put(settings.lineIdField(), line.externalId());
            records.add(record);
        }
        ObjectNode sub = JSON.createObjectNode();
        sub.put("method", "PATCH");
        sub.put("url", "/services/data/v" + settings.apiVersion() + "/composite/sobjects/OpportunityLineItem/" + settings.lineIdField());
        sub.put("referenceId", reference);
        sub.set("body", body);
        return sub;
    }

    private ObjectNode lineBody(String orderExternalId, LineItem line, String entryId) {
        ObjectNode record = JSON.createObjectNode();
        record.putObject("Opportunity").put(settings.orderIdField(), orderExternalId);
        record.put("PricebookEntryId", entryId);
        record.put("Quantity", line.quantity());
        record.put("UnitPrice", line.unitPrice());
        settings.field("line.description").ifPresent(field -> putIfPresent(record, field, truncate(line.description(), 255)));
        return record;
    }

    private ObjectNode adopt(String referenceId, String sObject, String id, String customerExternalId) {
        ObjectNode subrequest = JSON.createObjectNode();
        subrequest.put("method", "PATCH");
        subrequest.put("url", "/services/data/v" + settings.apiVersion() + "/sobjects/" + sObject + "/" + id);
        subrequest.put("referenceId", referenceId);
        subrequest.putObject("body").put(settings.customerIdField(), customerExternalId);
        return subrequest;
    }

    private ObjectNode query(String referenceId, String soql, String unencodedSuffix) {
        ObjectNode subrequest = JSON.createObjectNode();
        subrequest.put("method", "GET");
        subrequest.put("url", "/services/data/v" + settings.apiVersion() + "/query?q=" + PathSegment.encode(soql) + unencodedSuffix);
        subrequest.put("referenceId", referenceId);
        return subrequest;
    }

    private ObjectNode upsert(String referenceId, String sObject, String externalIdField, String externalId, ObjectNode body) {
        ObjectNode subrequest = JSON.createObjectNode();
        subrequest.put("method", "PATCH");
        subrequest.put("url", "/services/data/v" + settings.apiVersion() + "/sobjects/" + sObject + "/" + externalIdField
                + "/" + PathSegment.encode(externalId));
        subrequest.put("referenceId", referenceId);
        subrequest.set("body", body);
        return subrequest;
    }

    private ObjectNode account(CommerceEvent event, Customer customer) {
        ObjectNode account = JSON.createObjectNode();
        account.put("Name", customer.company() != null ? customer.company() : customer.displayName());
        putIfPresent(account, "Phone", customer.phone());
        putAddress(account, "Billing", customer.address());
        settings.field("account.store").ifPresent(field -> account.put(field, event.store()));
        return account;
    }

    private ObjectNode contact(CommerceEvent event, Customer customer) {
        ObjectNode contact = JSON.createObjectNode();
        putIfPresent(contact, "FirstName", customer.firstName());
        putIfPresent(contact, "LastName", customer.lastName());
        putIfPresent(contact, "Email", customer.email());
        putIfPresent(contact, "Phone", customer.phone());
        putAddress(contact, "Mailing", customer.address());
        settings.field("contact.store").ifPresent(field -> contact.put(field, event.store()));
        contact.putObject("Account").put(settings.customerIdField(), customer.externalId());
        return contact;
    }

    private ObjectNode opportunity(CommerceEvent event) {
        Order order = event.order();
        ObjectNode opportunity = JSON.createObjectNode();
        opportunity.put("Name", truncate(event.source().name().charAt(0) + event.source().id().substring(1) + " order " + order.number(), 120));
        opportunity.put("StageName", settings.stageFor(order.status()));
        if (order.placedAt() != null) {
            opportunity.put("CloseDate", order.placedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        if (order.totals().total() != null) {
            BigDecimal refunded = order.refunds().stream().map(Refund::amount).filter(a -> a != null)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            opportunity.put("Amount", order.totals().total().subtract(refunded));
        }
        if (settings.multiCurrency()) {
            putIfPresent(opportunity, "CurrencyIsoCode", order.currency());
        }
        opportunity.putObject("Account").put(settings.customerIdField(), order.customer().externalId());
        opportunity.putObject("Contact").put(settings.customerIdField(), order.customer().externalId());
        settings.field("opportunity.number").ifPresent(field -> putIfPresent(opportunity, field, order.number()));
        settings.field("opportunity.source").ifPresent(field -> opportunity.put(field, event.source().id()));
        settings.field("opportunity.store").ifPresent(field -> opportunity.put(field, event.store()));
        settings.field("opportunity.source-status").ifPresent(field -> putIfPresent(opportunity, field, order.sourceStatus()));
        if (!order.discountCodes().isEmpty()) {
            settings.field("opportunity.discount-codes").ifPresent(field ->
                    opportunity.put(field, truncate(String.join(", ", order.discountCodes()), 255)));
        }
        settings.field("opportunity.shipping-method").ifPresent(field -> putIfPresent(opportunity, field, order.shippingMethod()));
        settings.field("opportunity.note").ifPresent(field -> putIfPresent(opportunity, field, order.note()));
        if (event.sourceUpdatedAt() != null) {
            settings.field("opportunity.source-updated-at").ifPresent(field ->
                    opportunity.put(field, soqlDateTime(event.sourceUpdatedAt())));
        }
        return opportunity;
    }

    /** Seconds, UTC, {@code 2026-11-25T14:00:00Z}: what SOQL takes as a datetime literal and what the field stores. */
    private static String soqlDateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void putAddress(ObjectNode node, String prefix, Address address) {
        if (address == null) {
            return;
        }
        putIfPresent(node, prefix + "Street", address.street());
        putIfPresent(node, prefix + "City", address.city());
        putIfPresent(node, prefix + "State", address.region());
        putIfPresent(node, prefix + "PostalCode", address.postalCode());
        putIfPresent(node, prefix + "Country", address.country());
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
