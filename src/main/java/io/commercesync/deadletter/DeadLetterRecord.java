package io.commercesync.deadletter;

import java.time.Instant;
import java.util.Locale;

import io.commercesync.ingest.WebhookHeaders;
import io.commercesync.mapping.MappingException;
import io.commercesync.metrics.CommerceCounters;
import io.commercesync.model.Source;
import io.commercesync.salesforce.SalesforceError;
import io.commercesync.salesforce.SalesforceWriteException;
import io.commercesync.sync.RetryPolicy;
import io.commercesync.sync.UnsupportedEventException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shapes a failed event into its dead-letter record: the body stays the original raw bytes as the store
 * sent them (the route uses the original message), the ingest headers stay, and the error headers below
 * are added. The topic is {@code commerce.dlq.<source>}, set as the exchange property {@link #TOPIC}.
 */
public final class DeadLetterRecord implements Processor {

    public static final String TOPIC = "commerceDeadLetterTopic";

    public static final String ERROR_CLASS = "commerce-error-class";
    public static final String ERROR_CODE = "commerce-error-code";
    public static final String ERROR_MESSAGE = "commerce-error-message";
    public static final String ERROR_OBJECT = "commerce-error-object";
    public static final String ERROR_STATUS = "commerce-error-status";
    public static final String ATTEMPTS = "commerce-attempts";
    public static final String FIRST_FAILURE_AT = "commerce-first-failure-at";
    public static final String LAST_FAILURE_AT = "commerce-last-failure-at";
    public static final String ORIGIN = "commerce-origin";
    public static final String APP_VERSION = "commerce-app-version";

    private static final java.util.Set<String> ERROR_HEADERS = java.util.Set.of(ERROR_CLASS, ERROR_CODE, ERROR_MESSAGE,
            ERROR_OBJECT, ERROR_STATUS, ATTEMPTS, FIRST_FAILURE_AT, LAST_FAILURE_AT, ORIGIN, APP_VERSION);

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRecord.class);
    private static final int MAX_MESSAGE_LENGTH = 1000;

    private final String topicPrefix;
    private final String appVersion;
    private final CommerceCounters counters;

    public DeadLetterRecord(String topicPrefix, String appVersion, CommerceCounters counters) {
        this.counters = counters;
        this.topicPrefix = topicPrefix;
        this.appVersion = appVersion;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String now = Instant.now().toString();
        message.setHeader(ERROR_CLASS, failure == null ? "unknown" : failure.getClass().getName());
        SalesforceError error = salesforceError(failure);
        if (isA(failure, MappingException.class)) {
            message.setHeader(ERROR_CODE, "MAPPING_ERROR");
        } else if (isA(failure, UnsupportedEventException.class)) {
            message.setHeader(ERROR_CODE, UnsupportedEventException.CODE);
        } else if (error != null) {
            message.setHeader(ERROR_CODE, error.errorCode());
            message.setHeader(ERROR_STATUS, String.valueOf(error.httpStatus()));
            if (error.sObject() != null) {
                message.setHeader(ERROR_OBJECT, error.sObject());
            }
        }
        message.setHeader(ERROR_MESSAGE, truncate(failure == null ? "" : failure.getMessage()));
        message.setHeader(ATTEMPTS, String.valueOf(exchange.getProperty(RetryPolicy.ATTEMPTS, 1, Integer.class)));
        message.setHeader(FIRST_FAILURE_AT, exchange.getProperty(RetryPolicy.FIRST_FAILURE_AT, now, String.class));
        message.setHeader(LAST_FAILURE_AT, exchange.getProperty(RetryPolicy.LAST_FAILURE_AT, now, String.class));
        message.setHeader(ORIGIN, message.getHeader("kafka.TOPIC") + "/" + message.getHeader("kafka.PARTITION")
                + "@" + message.getHeader("kafka.OFFSET"));
        message.setHeader(APP_VERSION, appVersion);

        String source = message.getHeader(WebhookHeaders.SOURCE, String.class);
        String topic = topicPrefix + (isKnownSource(source) ? source.toLowerCase(Locale.ROOT) : "unknown");
        exchange.setProperty(TOPIC, topic);
        counters.deadLettered(exchange, message.getHeader(ERROR_CODE, String.class));
        LOG.warn("Dead-lettering {} to {} after {} attempt(s): {}", message.getHeader("kafka.KEY"), topic,
                message.getHeader(ATTEMPTS), message.getHeader(ERROR_MESSAGE));
    }

    /** Headers this class adds, which a replay leaves behind. */
    public static boolean isErrorHeader(String name) {
        return ERROR_HEADERS.contains(name);
    }

    private static SalesforceError salesforceError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SalesforceWriteException write) {
                return write.error();
            }
        }
        return null;
    }

    private static boolean isA(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKnownSource(String source) {
        if (source == null) {
            return false;
        }
        try {
            Source.fromId(source);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String truncate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_MESSAGE_LENGTH ? text : text.substring(0, MAX_MESSAGE_LENGTH) + "…";
    }
}
