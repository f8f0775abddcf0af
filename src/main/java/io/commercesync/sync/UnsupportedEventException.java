package io.commercesync.sync;

/**
 * An event this version does not write to Salesforce yet (refunds, customer-only events, deletions):
 * permanent for this version, so it goes to the dead-letter topic with code {@link #CODE}, where it waits,
 * replayable, for a version that writes it. Nothing is acknowledged as written that was not.
 */
public class UnsupportedEventException extends RuntimeException {

    public static final String CODE = "UNSUPPORTED_EVENT";

    public UnsupportedEventException(String message) {
        super(message);
    }
}
