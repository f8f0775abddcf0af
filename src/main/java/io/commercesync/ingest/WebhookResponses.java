package io.commercesync.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.verify.WebhookRejectedException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers a store gets from an ingest route, all JSON: {@link #accepted} after the durable Kafka write,
 * {@link #ignored} for a topic we do not sync, {@link #ping} for a platform's test request, and {@link #failed} for a rejected request (its 4xx) or a
 * Kafka that cannot take the event (503, so the store retries). One log line per answer, no payload.
 */
public final class WebhookResponses {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookResponses.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    public void accepted(Exchange exchange) {
        String key = exchange.getMessage().getHeader("kafka.KEY", String.class);
        LOG.info("Accepted {} {} as {}", exchange.getMessage().getHeader(WebhookHeaders.SOURCE),
                exchange.getMessage().getHeader(WebhookHeaders.TOPIC), key);
        answer(exchange.getMessage(), 200, Map.of("status", "accepted", "key", key));
    }

    public void ignored(Exchange exchange) {
        String topic = exchange.getProperty(WebhookIntake.IGNORED_TOPIC, String.class);
        LOG.info("Ignored {} webhook topic {}", exchange.getFromRouteId(), topic);
        answer(exchange.getMessage(), 202, Map.of("ignored", topic));
    }

    /** The platform's test request (WooCommerce's ping when a webhook is saved): exactly 200, nothing stored. */
    public void ping(Exchange exchange) {
        LOG.info("Answered the {} ping", exchange.getProperty(WebhookIntake.PING, String.class));
        answer(exchange.getMessage(), 200, Map.of("status", "pong"));
    }

    public void failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String route = exchange.getFromRouteId();
        if (cause instanceof WebhookRejectedException rejected) {
            LOG.warn("Rejected request on {}: {} {} ({})", route, rejected.status(), rejected.error(), rejected.getMessage());
            answer(exchange.getMessage(), rejected.status(), body(rejected.error(), rejected.getMessage()));
        } else if (isKafkaFailure(cause)) {
            LOG.error("Kafka could not take the event on {}: {}", route, cause.toString());
            exchange.getMessage().removeHeaders("*");
            exchange.getMessage().setHeader("Retry-After", "5");
            answerKeepingHeaders(exchange.getMessage(), 503,
                    body("kafka_unavailable", "The event could not be stored durably; nothing was accepted. Retry later."));
        } else {
            LOG.error("Unexpected failure on {}", route, cause);
            answer(exchange.getMessage(), 500, body("internal_error", "The event was not accepted. Retry later."));
        }
    }

    private static boolean isKafkaFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof KafkaException) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> body(String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return body;
    }

    private static void answer(Message message, int status, Map<String, ?> body) {
        message.removeHeaders("*");
        answerKeepingHeaders(message, status, body);
    }

    private static void answerKeepingHeaders(Message message, int status, Map<String, ?> body) {
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            message.setBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
