package io.commercesync.salesforce;

import io.commercesync.model.Customer;

/**
 * Finds an order's customer among the org's records before it is written ({@code commerce.sync.matching}):
 * {@link CustomerMatcher} among Accounts and Contacts, {@link PersonAccountMatcher} among person accounts.
 */
public interface CustomerFinder {

    CustomerMatch match(Customer customer);

    /** After a successful write the customer carries its external id in the org. */
    void written(Customer customer);
}
