package io.commercesync.salesforce;

/**
 * The org's API request limit is used up ({@code REQUEST_LIMIT_EXCEEDED}): no retry can help until the
 * limit window allows calls again, and the event is not at fault, so it must neither burn its retries nor
 * go to the dead-letter topic. The sync route pauses instead ({@code sync.ApiLimitPause}).
 */
public class ApiLimitReachedException extends SalesforceWriteException {

    public static final String CODE = "REQUEST_LIMIT_EXCEEDED";

    public ApiLimitReachedException(SalesforceError error, Throwable cause) {
        super(error, cause);
    }
}
