package io.commercesync.salesforce;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.model.Customer;

/**
 * The subrequests that write a customer as the org keeps customers ({@code commerce.sync.account-mode}): an
 * Account with its Contact ({@link BusinessAccountFields}) or a person account ({@link PersonAccountFields}).
 * Either way the Account is upserted by the customer's external id under reference {@link #ACCOUNT}, so a
 * record written after them can point at it with {@code "Account": {"<customer-id-field>": …}}.
 */
public interface AccountRecords {

    String ACCOUNT = "account";
    String CONTACT = "contact";
    String ADOPT_ACCOUNT = "adoptAccount";
    String ADOPT_CONTACT = "adoptContact";

    /**
     * @param store the store the customer shops at (for the store field)
     * @param match how the customer was found in the org ({@link CustomerFinder})
     */
    List<ObjectNode> subrequests(String store, Customer customer, CustomerMatch match);
}
