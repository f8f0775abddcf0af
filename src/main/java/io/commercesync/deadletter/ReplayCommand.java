package io.commercesync.deadletter;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.common.KafkaException;

/**
 * {@code bin/commerce-sync replay --source shopify [--error-code CODE] [--from ISO] [--to ISO]
 * [--order-id ID] [--dry-run]}: an operator's replay of a dead-letter topic, with a progress line while it
 * runs and a summary at the end. Brokers and topic names come from application.properties (and the
 * environment), as for the app.
 */
public final class ReplayCommand {

    static final String USAGE = """
            Usage: bin/commerce-sync replay --source <shopify|woocommerce|limio> [options]
              --error-code CODE   only dead letters with this commerce-error-code (e.g. REQUIRED_FIELD_MISSING)
              --from ISO-INSTANT  only dead letters from this time on (e.g. 2026-11-25T10:00:00Z)
              --to ISO-INSTANT    only dead letters before this time
              --order-id ID       only this order (the store's id, or the full key shopify:<shop>:<id>)
              --dry-run           list what would be replayed; write nothing
            Brokers and topics come from application.properties (KAFKA_BROKERS in the environment).""";

    private ReplayCommand() {
    }

    /** Runs the command; returns the exit code: 0 done, 1 some records failed, 2 bad arguments, 3 Kafka unreachable. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ReplayFilter filter;
        try {
            filter = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("replay: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        // Only Camel's property resolution (file, environment, -D overrides): the context is never started.
        CamelContext properties = new DefaultCamelContext();
        properties.getPropertiesComponent().setLocation("file:application.properties");
        DeadLetterReplay replay = new DeadLetterReplay(properties.resolvePropertyPlaceholders("{{commerce.kafka.brokers}}"),
                properties.resolvePropertyPlaceholders("{{commerce.kafka.dead-letter-topic-prefix}}"),
                properties.resolvePropertyPlaceholders("{{commerce.kafka.inbound-topic}}"));
        ReplaySummary summary;
        try {
            summary = replay.run(filter, new ProgressLine(err));
        } catch (IllegalArgumentException e) {
            err.println("replay: " + e.getMessage());
            return 2;
        } catch (KafkaException e) {
            err.println("replay: cannot reach Kafka at " + replay.brokers() + " (" + e.getMessage() + "). Is the app with its"
                    + " embedded broker running, or KAFKA_BROKERS set to your cluster?");
            return 3;
        }
        err.println();
        for (DeadLetter letter : summary.letters()) {
            out.printf("%s %s  p%d@%d  %s  %s  replays=%d%n", summary.dryRun() ? "would replay" : "replayed",
                    letter.key(), letter.partition(), letter.offset(), letter.deadLetteredAt(), letter.errorCode(), letter.replayCount());
        }
        out.printf("%s%s: %d read, %d %s, %d skipped, %d failed%n", summary.topic(), summary.dryRun() ? " (dry run)" : "",
                summary.read(), summary.replayed(), summary.dryRun() ? "would be replayed" : "replayed", summary.skipped(), summary.failed());
        return summary.failed() > 0 ? 1 : 0;
    }

    static ReplayFilter parse(String[] args) {
        String source = null;
        String errorCode = null;
        Instant from = null;
        Instant to = null;
        String orderId = null;
        boolean dryRun = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            switch (option) {
                case "--source" -> source = value(option, rest);
                case "--error-code" -> errorCode = value(option, rest);
                case "--from" -> from = instant(option, value(option, rest));
                case "--to" -> to = instant(option, value(option, rest));
                case "--order-id" -> orderId = value(option, rest);
                case "--dry-run" -> dryRun = true;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new ReplayFilter(source, errorCode, from, to, orderId, dryRun);
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static Instant instant(String option, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be an ISO-8601 instant such as 2026-11-25T10:00:00Z, was " + value);
        }
    }

    /** One line, rewritten in place at most every 200 ms: "read 1200/5000 (24%), replayed 800, skipped 400, failed 0". */
    private static final class ProgressLine implements ReplayProgress {
        private final PrintStream err;
        private long lastPrinted;

        ProgressLine(PrintStream err) {
            this.err = err;
        }

        @Override
        public void update(long read, long total, long replayed, long skipped, long failed) {
            long now = System.nanoTime();
            if (now - lastPrinted < 200_000_000L && read < total) {
                return;
            }
            lastPrinted = now;
            long percent = total == 0 ? 100 : read * 100 / total;
            err.printf("\rread %d/%d (%d%%), replayed %d, skipped %d, failed %d", read, total, percent, replayed, skipped, failed);
        }
    }
}
