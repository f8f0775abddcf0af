package io.commercesync.salesforce;

import io.commercesync.model.CommerceEvent;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a customer event to the configured {@link CustomerTarget} ({@link CustomerRecordRequest}): one call.
 * No matching: a customer event is upserted by its external id, which the customer's orders share.
 */
public final class CustomerRecordWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerRecordWriter.class);

    private final CustomerRecordRequest requests;
    private final OrgConnection org;

    public CustomerRecordWriter(CustomerRecordRequest requests, OrgConnection org) {
        this.requests = requests;
        this.org = org;
    }

    public void write(Exchange exchange, CommerceEvent event) {
        OrgConnection.Answer answer = org.compositeOrFail(requests.forCustomer(event.store(), event.customer()), requests.objects());
        exchange.getMessage().setHeader("Sforce-Limit-Info", answer.limitInfo());
        exchange.getMessage().setBody(answer.response().idsByReference());
        LOG.info("Synced customer {} ({}) to {}", event.customer().externalId(), event.topic(), answer.response().idsByReference().values());
    }
}
