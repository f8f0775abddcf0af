package io.commercesync.salesforce;

/**
 * How an order's customer was found in the org before writing.
 *
 * @param how       which rule matched
 * @param accountId the matched Account (EMAIL: the Contact's Account, COMPANY: the Account by name), else null
 * @param contactId the matched Contact (EMAIL), else null
 * @param adoptAccount whether the matched Account has no customer external id yet and takes this customer's
 *                  (then it is upserted by it as usual); otherwise Contact and Opportunity point at it by id
 */
public record CustomerMatch(How how, String accountId, String contactId, boolean adoptAccount) {

    public enum How {
        /** Known by its external id (or matching is off): upserts by external id, nothing else. */
        EXTERNAL_ID,
        /** A Contact with the customer's e-mail: it takes the customer's external id. */
        EMAIL,
        /** An Account whose Name is the customer's company: the new Contact and the Opportunity go under it. */
        COMPANY,
        /** Nothing matched. */
        NONE
    }

    public static final CustomerMatch BY_EXTERNAL_ID = new CustomerMatch(How.EXTERNAL_ID, null, null, false);
    public static final CustomerMatch NONE = new CustomerMatch(How.NONE, null, null, false);

    /** The Account Contact and Opportunity must point at by id, or null to link by external id. */
    public String linkedAccountId() {
        return (how == How.COMPANY || how == How.EMAIL) && !adoptAccount ? accountId : null;
    }
}
