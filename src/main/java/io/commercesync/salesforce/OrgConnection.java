package io.commercesync.salesforce;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.SalesforceException;

/**
 * Sends one raw {@code /composite} request through camel-salesforce ({@code salesforce:composite?rawPayload=true})
 * and gives back Salesforce's answer, or throws a {@link SalesforceWriteException} that says whether a retry
 * can help ({@link ApiLimitReachedException} for the org's API limit). One call of this is one API call.
 */
public final class OrgConnection {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProducerTemplate template;
    private final String compositeUri;

    public OrgConnection(ProducerTemplate template, String compositeUri) {
        this.template = template;
        this.compositeUri = compositeUri;
    }

    /** The composite answer, with the {@code Sforce-Limit-Info} Salesforce sent. */
    public record Answer(CompositeResponse response, String limitInfo) {
    }

    public Answer composite(String request, java.util.Map<String, String> sObjectsByReference) {
        Exchange reply = template.request(compositeUri, e -> e.getMessage().setBody(request));
        if (reply.getException() != null) {
            throw failureOf(reply.getException());
        }
        int status = reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        String text = reply.getMessage().getBody(String.class);
        if (status >= 300) {
            throw failureOf(SalesforceErrors.fromText(status, text, "composite").get(0), null);
        }
        return new Answer(CompositeResponse.parse(readJson(text, status), sObjectsByReference),
                reply.getMessage().getHeader("Sforce-Limit-Info", String.class));
    }

    /** The composite answer; a failed subrequest is thrown. */
    public Answer compositeOrFail(String request, java.util.Map<String, String> sObjectsByReference) {
        Answer answer = composite(request, sObjectsByReference);
        answer.response().failure().ifPresent(error -> {
            throw failureOf(error, null);
        });
        return answer;
    }

    static RuntimeException failureOf(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SalesforceException salesforce) {
                return failureOf(SalesforceErrors.fromException(salesforce, "composite"), salesforce);
            }
        }
        return exception instanceof RuntimeException runtime ? runtime : new IllegalStateException(exception);
    }

    static SalesforceWriteException failureOf(SalesforceError error, Throwable cause) {
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
