package io.commercesync.salesforce;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Sends one {@code /composite/graph} request through camel-salesforce's raw operation and gives back each
 * graph's answer by graph id. One call of this is one API call; a failure of the whole request is thrown as
 * {@link OrgConnection} throws it ({@link ApiLimitReachedException} for the org's API limit).
 */
public final class CompositeGraphCall {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProducerTemplate template;
    private final String graphUri;

    public CompositeGraphCall(ProducerTemplate template, String apiVersion) {
        this.template = template;
        this.graphUri = "salesforce:raw?rawMethod=POST&rawPath=/services/data/v" + apiVersion + "/composite/graph";
    }

    /** One graph's answer: its nodes' answers read as a composite answer, and whether the graph was written. */
    public record GraphAnswer(CompositeResponse response, boolean successful) {
    }

    public Map<String, GraphAnswer> send(String request, Map<String, String> sObjectsByReference) {
        Exchange reply = template.request(graphUri, e -> e.getMessage().setBody(request));
        if (reply.getException() != null) {
            throw OrgConnection.failureOf(reply.getException());
        }
        int status = reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        String text = reply.getMessage().getBody(String.class);
        if (status >= 300) {
            throw OrgConnection.failureOf(SalesforceErrors.fromText(status, text, "composite/graph").get(0), null);
        }
        JsonNode json;
        try {
            json = JSON.readTree(text == null ? "" : text);
        } catch (IOException e) {
            throw new SalesforceWriteException(new SalesforceError(status, "UNREADABLE_RESPONSE",
                    "Salesforce's answer is not JSON: " + e.getMessage(), null, "composite/graph"), e);
        }
        if (json == null || !json.has("graphs")) {
            throw new SalesforceWriteException(new SalesforceError(status, "EMPTY_RESPONSE", "Salesforce sent no graphs", null, "composite/graph"));
        }
        Map<String, GraphAnswer> answers = new LinkedHashMap<>();
        for (JsonNode graph : json.path("graphs")) {
            answers.put(graph.path("graphId").asText(), new GraphAnswer(
                    CompositeResponse.parse(graph.path("graphResponse"), sObjectsByReference), graph.path("isSuccessful").asBoolean()));
        }
        return answers;
    }
}
