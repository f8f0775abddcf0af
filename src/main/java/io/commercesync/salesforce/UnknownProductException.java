package io.commercesync.salesforce;

import java.util.List;

/**
 * A line names a product the price book has no active entry for, and {@code commerce.sync.create-products}
 * is off: permanent until someone adds the product (then replay the dead letter). Code {@link #CODE}.
 */
public class UnknownProductException extends SalesforceWriteException {

    public static final String CODE = "UNKNOWN_SKU";

    public UnknownProductException(List<String> keys, String pricebook, String currency) {
        super(new SalesforceError(404, CODE, "No active PricebookEntry in " + pricebook
                + (currency == null ? "" : " for " + currency) + " for SKU(s) " + keys
                + "; add them, or set commerce.sync.create-products=true", List.of(), "PricebookEntry"));
    }
}
