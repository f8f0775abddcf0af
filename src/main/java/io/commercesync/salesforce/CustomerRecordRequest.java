package io.commercesync.salesforce;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.model.Address;
import io.commercesync.model.Customer;

/**
 * A customer event (created or changed in the store, no order) as one all-or-none {@code /composite} request to
 * the configured {@link CustomerTarget}: the customer's Account records ({@link AccountRecords}), or one
 * Contact, Lead or custom-object record upserted by the customer's external id with the mapped fields and the
 * configured record type. Blank store values are left out, so they never overwrite what Salesforce holds. The
 * one value made up: a Lead's required {@code Company} is the customer's name when the store has no company.
 */
public final class CustomerRecordRequest {

    public static final String CUSTOMER = "customer";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SalesforceSettings settings;
    private final CustomerTarget target;
    private final AccountRecords accounts;
    private final RecordTypeIds recordTypes;
    private final CompositeSubrequest subrequest;

    public CustomerRecordRequest(SalesforceSettings settings, CustomerTarget target, AccountRecords accounts, RecordTypeIds recordTypes) {
        this.settings = settings;
        this.target = target;
        this.accounts = accounts;
        this.recordTypes = recordTypes;
        this.subrequest = new CompositeSubrequest(settings);
    }

    /** Reference id → sObject, for error messages. */
    public Map<String, String> objects() {
        return Map.of(CUSTOMER, target.object(), AccountRecords.ACCOUNT, "Account", AccountRecords.CONTACT, "Contact");
    }

    public String forCustomer(String store, Customer customer) {
        ObjectNode request = JSON.createObjectNode().put("allOrNone", true);
        var subrequests = request.putArray("compositeRequest");
        if (target.isAccount()) {
            subrequests.addAll(accounts.subrequests(store, customer, CustomerMatch.BY_EXTERNAL_ID));
        } else {
            subrequests.add(subrequest.upsert(CUSTOMER, target.object(), settings.customerIdField(), customer.externalId(),
                    record(store, customer).json()));
        }
        return request.toString();
    }

    private RecordBody record(String store, Customer customer) {
        Address address = customer.address() == null ? new Address(null, null, null, null, null) : customer.address();
        String company = customer.company();
        if ((company == null || company.isBlank()) && target.object().equals("Lead")) {
            company = customer.displayName();
        }
        RecordBody body = new RecordBody()
                .text(target.field("name"), customer.displayName())
                .text(target.field("first-name"), customer.firstName())
                .text(target.field("last-name"), customer.lastName())
                .text(target.field("email"), customer.email())
                .text(target.field("phone"), customer.phone())
                .text(target.field("company"), company)
                .text(target.field("street"), address.street())
                .text(target.field("city"), address.city())
                .text(target.field("region"), address.region())
                .text(target.field("postal-code"), address.postalCode())
                .text(target.field("country"), address.country())
                .text(target.field("store"), store);
        if (!target.recordType().isBlank()) {
            body.text("RecordTypeId", recordTypes.of(target.object(), target.recordType()));
        }
        return body;
    }
}
