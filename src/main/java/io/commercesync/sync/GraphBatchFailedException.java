package io.commercesync.sync;

import io.commercesync.salesforce.SalesforceError;
import io.commercesync.salesforce.SalesforceWriteException;

/**
 * Orders of a poll batch are not written yet because of a transient failure (the graph call, its queries, or
 * some graphs): {@code sync-orders} tries the graph step again with backoff ({@link RetryPolicy}), sending only
 * those orders, and dead-letters them when the attempts run out. It has no cause on purpose: Camel picks the
 * route's {@code onException} by the innermost cause, and this exception's own clause must be the one.
 */
public class GraphBatchFailedException extends SalesforceWriteException {

    public GraphBatchFailedException(SalesforceError error, int orders) {
        super(new SalesforceError(error.httpStatus(), error.errorCode(),
                orders + " order(s) of the batch not written: " + error.message(), error.fields(), error.sObject()));
    }
}
