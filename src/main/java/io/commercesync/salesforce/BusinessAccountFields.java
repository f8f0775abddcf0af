package io.commercesync.salesforce;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.model.Customer;

/**
 * A customer as an Account (Name = company, else "First Last", else e-mail; Phone; Billing address) and its
 * Contact (FirstName, LastName, Email, Phone, Mailing address), both upserted by the customer's external id,
 * the Contact linked to the Account by it. A customer matched by e-mail first gives the found Contact (and its
 * Account, when that has no customer id) the customer's id; one matched to an Account by id or company is
 * filed under that Account. The same records {@link OrderCompositeRequest} writes for an order's customer.
 */
public final class BusinessAccountFields implements AccountRecords {

    private final SalesforceSettings settings;
    private final CompositeSubrequest subrequest;

    public BusinessAccountFields(SalesforceSettings settings) {
        this.settings = settings;
        this.subrequest = new CompositeSubrequest(settings);
    }

    @Override
    public List<ObjectNode> subrequests(String store, Customer customer, CustomerMatch match) {
        String key = settings.customerIdField();
        List<ObjectNode> subrequests = new ArrayList<>();
        if (match.how() == CustomerMatch.How.EMAIL) {
            subrequests.add(subrequest.update(ADOPT_CONTACT, "Contact", match.contactId(), new RecordBody().text(key, customer.externalId()).json()));
            if (match.adoptAccount()) {
                subrequests.add(subrequest.update(ADOPT_ACCOUNT, "Account", match.accountId(), new RecordBody().text(key, customer.externalId()).json()));
            }
        }
        String linkedAccount = match.linkedAccountId();
        if (linkedAccount == null) {
            subrequests.add(subrequest.upsert(ACCOUNT, "Account", key, customer.externalId(), account(store, customer).json()));
        }
        RecordBody contact = contact(store, customer);
        if (linkedAccount == null) {
            contact.parent("Account", key, customer.externalId());
        } else {
            contact.text("AccountId", linkedAccount);
        }
        subrequests.add(subrequest.upsert(CONTACT, "Contact", key, customer.externalId(), contact.json()));
        return subrequests;
    }

    private RecordBody account(String store, Customer customer) {
        return new RecordBody()
                .text("Name", customer.company() != null && !customer.company().isBlank() ? customer.company() : customer.displayName())
                .text("Phone", customer.phone())
                .address("Billing", customer.address())
                .text(settings.field("account.store"), store);
    }

    private RecordBody contact(String store, Customer customer) {
        return new RecordBody()
                .text("FirstName", customer.firstName())
                .text("LastName", customer.lastName())
                .text("Email", customer.email())
                .text("Phone", customer.phone())
                .address("Mailing", customer.address())
                .text(settings.field("contact.store"), store);
    }
}
