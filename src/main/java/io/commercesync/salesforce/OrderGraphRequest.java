package io.commercesync.salesforce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One order as one graph of a {@code /composite/graph} request, made from its unguarded {@code /composite}
 * request ({@link OrderCompositeRequest#forOrder} with {@code withGuard=false}), because a graph node may
 * only be a single-record {@code /sobjects} call:
 * <ul>
 *   <li>query subrequests (the order's existing lines) are left out: {@link GraphBatchWriter} reads them for
 *   the whole batch beforehand;</li>
 *   <li>an sObject Collections upsert ({@code PATCH /composite/sobjects/T/Field}) becomes one upsert node per
 *   record ({@code PATCH /sobjects/T/Field/value}), referenced as {@code lines0}, {@code lines1}, …;</li>
 *   <li>anything else that is not a single-record call, or a node referring to a left-out query, means the
 *   order cannot be a graph: {@link #of} answers empty and the order goes on its own.</li>
 * </ul>
 */
public final class OrderGraphRequest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COLLECTION_UPSERT = Pattern.compile("(/services/data/v[0-9.]+)/composite/sobjects/([A-Za-z0-9_]+)/([A-Za-z0-9_]+)");
    private static final Pattern SINGLE_RECORD = Pattern.compile("/services/data/v[0-9.]+/sobjects/[A-Za-z0-9_]+/.+");

    private OrderGraphRequest() {
    }

    /** The graph's nodes, or empty when the composite has a subrequest a graph cannot carry. */
    public static Optional<ArrayNode> of(String compositeJson) {
        JsonNode composite;
        try {
            composite = JSON.readTree(compositeJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ArrayNode nodes = JSON.createArrayNode();
        Set<String> leftOut = new HashSet<>();
        for (JsonNode sub : composite.path("compositeRequest")) {
            String method = sub.path("method").asText();
            String url = sub.path("url").asText();
            Matcher collection = COLLECTION_UPSERT.matcher(url);
            if ("GET".equals(method) && url.contains("/query?")) {
                leftOut.add(sub.path("referenceId").asText());
            } else if ("PATCH".equals(method) && collection.matches()) {
                addRecordNodes(nodes, sub, collection.group(1), collection.group(2), collection.group(3));
            } else if (SINGLE_RECORD.matcher(url).matches() || url.matches("/services/data/v[0-9.]+/sobjects/[A-Za-z0-9_]+")) {
                nodes.add(sub);
            } else {
                return Optional.empty();
            }
        }
        String text = nodes.toString();
        for (String reference : leftOut) {
            if (text.contains("@{" + reference + ".")) {
                return Optional.empty();
            }
        }
        return Optional.of(nodes);
    }

    private static void addRecordNodes(ArrayNode nodes, JsonNode collection, String base, String sObject, String field) {
        String reference = collection.path("referenceId").asText();
        int i = 0;
        for (JsonNode record : collection.path("body").path("records")) {
            ObjectNode body = ((ObjectNode) record).deepCopy();
            body.remove("attributes");
            String value = body.path(field).asText();
            body.remove(field);
            ObjectNode node = JSON.createObjectNode();
            node.put("method", "PATCH");
            node.put("url", base + "/sobjects/" + sObject + "/" + field + "/" + PathSegment.encode(value));
            node.put("referenceId", reference + i++);
            node.set("body", body);
            nodes.add(node);
        }
    }

    /** {"graphs":[{"graphId","compositeRequest"}…]}. */
    public static String request(Map<String, ArrayNode> graphsById) {
        ObjectNode request = JSON.createObjectNode();
        ArrayNode graphs = request.putArray("graphs");
        graphsById.forEach((id, nodes) -> graphs.addObject().put("graphId", id).set("compositeRequest", nodes));
        return request.toString();
    }
}
