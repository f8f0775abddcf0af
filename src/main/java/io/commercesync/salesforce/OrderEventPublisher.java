package io.commercesync.salesforce;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.commercesync.model.CommerceEvent;
import io.commercesync.model.Order;
import io.commercesync.model.Refund;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Platform-event mode ({@code commerce.sync.target=events}): every event (order placed or changed, cancelled,
 * deleted, refund, customer) is published as one {@code Commerce_Order_Event__e} ({@code commerce.sync.event.object})
 * instead of being written as records, for orgs whose Flows map events themselves. One call per event. The
 * fields are listed in the README ("Platform events"); {@code Payload__c} carries the whole canonical event as
 * JSON. Salesforce answers a publish with {@code OPERATION_ENQUEUED}: the event is accepted, delivery to
 * subscribers is Salesforce's. There is no ordering guard here: subscribers compare {@code Source_Updated_At__c}.
 */
public final class OrderEventPublisher {

    /** Salesforce's limit of a long text area, the type of {@code Payload__c}. */
    static final int MAX_PAYLOAD = 131_072;

    private static final Logger LOG = LoggerFactory.getLogger(OrderEventPublisher.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PAYLOAD = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final String eventObject;
    private final OrgConnection org;
    private final CompositeSubrequest subrequest;

    public OrderEventPublisher(SalesforceSettings settings, SyncTargets targets, OrgConnection org) {
        this.eventObject = targets.eventObject();
        this.org = org;
        this.subrequest = new CompositeSubrequest(settings);
    }

    public void publish(Exchange exchange, CommerceEvent event) {
        ObjectNode request = JSON.createObjectNode().put("allOrNone", true);
        request.putArray("compositeRequest").add(subrequest.create("event", eventObject, fields(event)));
        OrgConnection.Answer answer = org.compositeOrFail(request.toString(), Map.of("event", eventObject));
        exchange.getMessage().setHeader("Sforce-Limit-Info", answer.limitInfo());
        exchange.getMessage().setBody(answer.response().idsByReference());
        LOG.info("Published {} {} for {} ({})", eventObject, answer.response().idsByReference().get("event"), event.subjectId(), event.topic());
    }

    /** The event's fields; see the README's table. */
    ObjectNode fields(CommerceEvent event) {
        RecordBody body = new RecordBody()
                .text("Kind__c", event.kind().name())
                .text("Source__c", event.source().id())
                .text("Store__c", event.store())
                .text("Topic__c", event.topic())
                .text("Delivery_Id__c", event.deliveryId());
        if (event.sourceUpdatedAt() != null) {
            body.text("Source_Updated_At__c", event.sourceUpdatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        BigDecimal amount = null;
        switch (event.kind()) {
            case ORDER, ORDER_CANCELLED, ORDER_DELETED -> {
                Order order = event.order();
                body.text("Order_Id__c", order.externalId())
                        .text("Order_Number__c", order.number())
                        .text("Status__c", order.status().name())
                        .text("Currency__c", order.currency());
                if (order.customer() != null) {
                    body.text("Customer_Id__c", order.customer().externalId());
                }
                amount = order.totals().total();
            }
            case REFUND -> {
                Refund refund = event.refund();
                body.text("Order_Id__c", refund.orderExternalId())
                        .text("Refund_Id__c", refund.externalId())
                        .text("Currency__c", refund.currency());
                amount = refund.amount();
            }
            case CUSTOMER -> body.text("Customer_Id__c", event.customer().externalId());
        }
        ObjectNode fields = body.json();
        if (amount != null) {
            fields.put("Amount__c", amount);
        }
        String payload = payload(event);
        if (payload.length() <= MAX_PAYLOAD) {
            fields.put("Payload__c", payload);
        } else {
            LOG.info("{}: the canonical event is {} characters, over Payload__c's {}; published without it",
                    event.subjectId(), payload.length(), MAX_PAYLOAD);
        }
        return fields;
    }

    private static String payload(CommerceEvent event) {
        try {
            return PAYLOAD.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The canonical event cannot be written as JSON", e);
        }
    }
}
