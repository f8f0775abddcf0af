package io.commercesync.salesforce;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.model.CommerceEvent;
import io.commercesync.sync.UnsupportedEventException;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one canonical order to Salesforce in one API call: an all-or-none {@code /composite} request sent
 * through camel-salesforce ({@code salesforce:composite?rawPayload=true}). Salesforce answers a composite
 * request with 200 even when a subrequest fails, so the answer is read here and a failure is thrown as a
 * {@link SalesforceWriteException} that says whether a retry can help. The call and its check are one step,
 * so a retry repeats the call.
 */
public final class CompositeOrderWriter implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(CompositeOrderWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> OBJECTS = Map.of(
            OrderCompositeRequest.ACCOUNT, "Account",
            OrderCompositeRequest.CONTACT, "Contact",
            OrderCompositeRequest.OPPORTUNITY, "Opportunity");

    private final OrderCompositeRequest requests;
    private final ProducerTemplate template;
    private final String endpointUri;

    public CompositeOrderWriter(OrderCompositeRequest requests, ProducerTemplate template, String endpointUri) {
        this.requests = requests;
        this.template = template;
        this.endpointUri = endpointUri;
    }

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException {
        CommerceEvent event = exchange.getMessage().getMandatoryBody(CommerceEvent.class);
        if (!event.carriesOrder()) {
            throw new UnsupportedEventException("This version writes orders only; a " + event.kind() + " event ("
                    + event.topic() + ", " + event.subjectId() + ") waits here to be replayed by a version that writes it");
        }
        String request = requests.toJson(event);
        Exchange reply = template.request(endpointUri, e -> e.getMessage().setBody(request));
        if (reply.getException() != null) {
            throw failureOf(reply.getException());
        }
        int status = reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        String text = reply.getMessage().getBody(String.class);
        if (status >= 300) {
            throw failureOf(SalesforceErrors.fromText(status, text, "composite").get(0), null);
        }
        JsonNode body = readJson(text, status);
        CompositeResponse response = CompositeResponse.parse(body, OBJECTS);
        if (response.failure().isPresent()) {
            throw failureOf(response.failure().get(), null);
        }
        exchange.getMessage().setHeader("Sforce-Limit-Info", reply.getMessage().getHeader("Sforce-Limit-Info"));
        exchange.getMessage().setBody(response.idsByReference());
        LOG.info("Synced {} to Opportunity {} (Account {}, Contact {})", event.order().externalId(),
                response.idsByReference().get(OrderCompositeRequest.OPPORTUNITY),
                response.idsByReference().get(OrderCompositeRequest.ACCOUNT),
                response.idsByReference().get(OrderCompositeRequest.CONTACT));
    }

    private static RuntimeException failureOf(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SalesforceException salesforce) {
                return failureOf(SalesforceErrors.fromException(salesforce, "composite"), salesforce);
            }
        }
        return exception instanceof RuntimeException runtime ? runtime : new IllegalStateException(exception);
    }

    private static SalesforceWriteException failureOf(SalesforceError error, Throwable cause) {
        return ApiLimitReachedException.CODE.equals(error.errorCode())
                ? new ApiLimitReachedException(error, cause) : new SalesforceWriteException(error, cause);
    }

    private static JsonNode readJson(String body, int status) {
        if (body == null || body.isBlank()) {
            throw new SalesforceWriteException(new SalesforceError(status, "EMPTY_RESPONSE", "Salesforce sent no body", null, "composite"));
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new SalesforceWriteException(new SalesforceError(status, "UNREADABLE_RESPONSE",
                    "Salesforce's answer is not JSON: " + e.getMessage(), null, "composite"), e);
        }
    }
}
