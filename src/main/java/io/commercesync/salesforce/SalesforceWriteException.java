package io.commercesync.salesforce;

/** Salesforce did not take a write; {@link #error()} says why and whether a retry can help. */
public class SalesforceWriteException extends RuntimeException {

    private final SalesforceError error;

    public SalesforceWriteException(SalesforceError error) {
        super(describe(error));
        this.error = error;
    }

    public SalesforceWriteException(SalesforceError error, Throwable cause) {
        super(describe(error), cause);
        this.error = error;
    }

    public SalesforceError error() {
        return error;
    }

    private static String describe(SalesforceError error) {
        return (error.sObject() == null ? "" : error.sObject() + ": ") + error.errorCode() + " (" + error.httpStatus() + ") "
                + error.message() + (error.fields().isEmpty() ? "" : " fields=" + error.fields());
    }
}
