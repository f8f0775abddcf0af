package io.commercesync.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.commercesync.salesforce.BatchOrder;
import io.commercesync.salesforce.GraphBatchResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The records of one Kafka poll batch (camel-kafka {@code batching=true}) on their way through {@code sync-orders},
 * kept on the batch exchange as property {@link #PROPERTY}. Each record is, in the end, in Salesforce (written as a
 * graph, or on its own through {@code direct:sync-one}), skipped, or on its dead-letter topic; only then are the
 * batch's offsets committed ({@link PollBatchCommit}).
 */
public final class PollBatch {

    public static final String PROPERTY = "commercePollBatch";
    /** Header of a dead letter's message carrying its failure until {@link BatchDeadLetter} hands it on. */
    public static final String FAILURE_HEADER = "commerceBatchFailure";

    private final List<Exchange> members;
    private final Map<Integer, String> dedupKeys = new HashMap<>();
    private final TreeSet<Integer> oneAtATime = new TreeSet<>();
    private final Map<Integer, RuntimeException> deadLetters = new LinkedHashMap<>();
    private List<BatchOrder> forGraph = List.of();

    public PollBatch(List<Exchange> members) {
        this.members = List.copyOf(members);
    }

    public List<Exchange> members() {
        return members;
    }

    void writeAsGraph(List<BatchOrder> orders, Map<Integer, String> keys) {
        forGraph = List.copyOf(orders);
        dedupKeys.putAll(keys);
    }

    void writeOnItsOwn(int member) {
        oneAtATime.add(member);
    }

    /** The orders still to be written as a graph. */
    public List<BatchOrder> forGraph() {
        return forGraph;
    }

    /** Takes in what the graph write did; answers the dedup keys of the events now settled in Salesforce. */
    List<String> settle(GraphBatchResult result) {
        List<String> settled = new ArrayList<>();
        result.written().forEach(m -> settled.add(dedupKeys.get(m)));
        result.skipped().forEach(m -> settled.add(dedupKeys.get(m)));
        deadLetters.putAll(result.refused());
        oneAtATime.addAll(result.onTheirOwn());
        forGraph = List.copyOf(result.pending());
        return settled;
    }

    /** The graph write gave up (retries exhausted or a permanent failure of the whole call): every order left is a dead letter. */
    void deadLetterTheRest(RuntimeException failure) {
        forGraph.forEach(order -> deadLetters.put(order.member(), failure));
        forGraph = List.of();
    }

    /** The records to send through {@code direct:sync-one}, in offset order (split by the route). */
    public List<Message> getOneAtATime() {
        return oneAtATime.stream().map(m -> members.get(m).getMessage().copy()).toList();
    }

    /** The records for the dead-letter topic, each with its failure in {@link #FAILURE_HEADER} (split by the route). */
    public List<Message> getDeadLetters() {
        List<Message> letters = new ArrayList<>();
        deadLetters.forEach((m, failure) -> {
            Message message = members.get(m).getMessage().copy();
            message.setHeader(FAILURE_HEADER, failure);
            letters.add(message);
        });
        return letters;
    }
}
