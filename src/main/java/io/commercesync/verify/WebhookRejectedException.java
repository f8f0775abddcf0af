package io.commercesync.verify;

/**
 * A webhook request we refuse, with the HTTP status and a machine-readable error code that the
 * store (and whoever reads its delivery log) gets back in a JSON body.
 */
public class WebhookRejectedException extends RuntimeException {

    private final int status;
    private final String error;

    public WebhookRejectedException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public static WebhookRejectedException unauthorized(String error, String message) {
        return new WebhookRejectedException(401, error, message);
    }
}
