package io.commercesync.salesforce;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.model.Customer;

/**
 * A customer as a person account ({@code commerce.sync.account-mode=person}): one Account of the person record
 * type ({@code commerce.sync.person-account.record-type}, by DeveloperName) with {@code FirstName},
 * {@code LastName}, {@code PersonEmail}, {@code Phone}, {@code PersonMailing*} and {@code Billing*}, upserted by
 * the customer's external id. Salesforce keeps the person Contact in step; the Account also carries the id in
 * the Contact's field ({@code Commerce_Customer_Id__pc}), so the person Contact has it too and an Opportunity
 * still links its {@code "Contact"} by external id. No {@code Name}: Salesforce makes it from the names.
 * A person account matched by e-mail ({@link PersonAccountMatcher}) first takes the customer's id.
 */
public final class PersonAccountFields implements AccountRecords {

    private final SalesforceSettings settings;
    private final SyncTargets targets;
    private final RecordTypeIds recordTypes;
    private final CompositeSubrequest subrequest;

    public PersonAccountFields(SalesforceSettings settings, SyncTargets targets, RecordTypeIds recordTypes) {
        this.settings = settings;
        this.targets = targets;
        this.recordTypes = recordTypes;
        this.subrequest = new CompositeSubrequest(settings);
    }

    @Override
    public List<ObjectNode> subrequests(String store, Customer customer, CustomerMatch match) {
        List<ObjectNode> subrequests = new ArrayList<>();
        if (match.how() == CustomerMatch.How.EMAIL && match.accountId() != null) {
            subrequests.add(subrequest.update(ADOPT_ACCOUNT, "Account", match.accountId(), ids(new RecordBody().text(settings.customerIdField(), customer.externalId()), customer).json()));
        }
        subrequests.add(subrequest.upsert(ACCOUNT, "Account", settings.customerIdField(), customer.externalId(),
                account(store, customer).json()));
        return subrequests;
    }

    private RecordBody account(String store, Customer customer) {
        RecordBody account = new RecordBody()
                .text("RecordTypeId", recordTypes.of("Account", targets.personRecordType()))
                .text("FirstName", customer.firstName())
                .text("LastName", customer.lastName())
                .text("PersonEmail", customer.email())
                .text("Phone", customer.phone())
                .address("PersonMailing", customer.address())
                .address("Billing", customer.address())
                .text(settings.field("account.store"), store);
        return ids(account, customer);
    }

    /** The customer's id in the person Contact's copy of the field ({@code __pc}); the upsert key itself is in the URL. */
    private RecordBody ids(RecordBody account, Customer customer) {
        String contactField = settings.customerIdField().replaceFirst("__c$", "__pc");
        if (!contactField.equals(settings.customerIdField())) {
            account.text(contactField, customer.externalId());
        }
        return account;
    }
}
