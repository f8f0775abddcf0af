package io.commercesync.mapping;

/** A store payload that cannot become a canonical event: permanent, it goes to the dead-letter topic. */
public class MappingException extends RuntimeException {

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
