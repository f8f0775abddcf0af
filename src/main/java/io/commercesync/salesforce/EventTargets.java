package io.commercesync.salesforce;

import java.util.List;

import io.commercesync.model.CommerceEvent;
import io.commercesync.model.EventKind;
import org.apache.camel.Exchange;

/**
 * The writers of the targets other than the Opportunity path ({@link SyncTargets}, issue 5), and which one an
 * event goes to: every event to {@link OrderEventPublisher} in events mode; a customer event to
 * {@link CustomerRecordWriter}; an order or a refund to {@link SalesforceOrderWriter} in orders mode. Everything
 * else stays with {@link CompositeOrderWriter}'s Opportunity path. Also the customer's records in
 * person-account mode ({@link #personAccounts()}), which the Opportunity path uses too.
 */
public final class EventTargets {

    private final SyncTargets targets;
    private final OrderEventPublisher publisher;
    private final CustomerRecordWriter customers;
    private final SalesforceOrderWriter orders;
    private final PersonAccountFields personAccounts;
    private final CustomerFinder finder;

    private EventTargets(SyncTargets targets, OrderEventPublisher publisher, CustomerRecordWriter customers,
                         SalesforceOrderWriter orders, PersonAccountFields personAccounts, CustomerFinder finder) {
        this.targets = targets;
        this.publisher = publisher;
        this.customers = customers;
        this.orders = orders;
        this.personAccounts = personAccounts;
        this.finder = finder;
    }

    /**
     * @param matching        {@code commerce.sync.matching}
     * @param reviewUnmatched {@code commerce.sync.unmatched=review}
     */
    public static EventTargets of(SyncTargets targets, SalesforceSettings settings, OrgConnection org, PriceBookCatalogue catalogue,
                                  List<String> matching, boolean reviewUnmatched) {
        RecordTypeIds recordTypes = new RecordTypeIds(settings, org);
        PersonAccountFields personAccounts = targets.personAccounts() ? new PersonAccountFields(settings, targets, recordTypes) : null;
        AccountRecords accounts = personAccounts != null ? personAccounts : new BusinessAccountFields(settings);
        CustomerFinder finder = targets.personAccounts() ? new PersonAccountMatcher(settings, org, matching)
                : new CustomerMatcher(settings, org, matching);
        return new EventTargets(targets,
                new OrderEventPublisher(settings, targets, org),
                new CustomerRecordWriter(new CustomerRecordRequest(settings, targets.customer(), accounts, recordTypes), org),
                new SalesforceOrderWriter(settings, new SalesforceOrderRequest(settings, targets, accounts), catalogue, org, finder,
                        reviewUnmatched),
                personAccounts, finder);
    }

    /** Whether the event goes to one of these writers rather than to the Opportunity path. */
    public boolean writes(CommerceEvent event) {
        return targets.target() == SyncTargets.Target.EVENTS
                || event.kind() == EventKind.CUSTOMER
                || targets.target() == SyncTargets.Target.ORDERS && (event.carriesOrder() || event.kind() == EventKind.REFUND);
    }

    public void write(Exchange exchange, CommerceEvent event) {
        if (targets.target() == SyncTargets.Target.EVENTS) {
            publisher.publish(exchange, event);
        } else if (event.kind() == EventKind.CUSTOMER) {
            customers.write(exchange, event);
        } else if (event.kind() == EventKind.REFUND) {
            orders.writeRefund(exchange, event.refund());
        } else {
            orders.writeOrder(exchange, event);
        }
    }

    /** The person account's subrequests in person-account mode, else null (Account and Contact). */
    public PersonAccountFields personAccounts() {
        return personAccounts;
    }

    /** How an order's customer is looked for in the org, for the account mode. */
    public CustomerFinder finder() {
        return finder;
    }
}
