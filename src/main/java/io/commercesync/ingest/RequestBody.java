package io.commercesync.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import io.commercesync.verify.WebhookRejectedException;
import org.apache.camel.Message;

/**
 * The exact bytes of a webhook request, read at most up to a limit. The ingest routes take the body as a
 * stream ({@code useStreaming=true}, stream caching off), so no byte is buffered before this limit is checked
 * and a too-large request gets the same JSON answer as any other refusal (Vert.x's own body limit would
 * answer 413 with an HTML page before the route runs). The bytes are then pinned as the message body, so
 * every later step (signature, JSON, Kafka) sees the same bytes.
 */
public final class RequestBody {

    private final long maxBytes;

    public RequestBody(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("The body limit must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Reads and pins the body. @throws WebhookRejectedException 413 when it is larger than the limit */
    public byte[] read(Message message) {
        Long declared = message.getHeader("Content-Length", Long.class);
        if (declared != null && declared > maxBytes) {
            throw tooLarge();
        }
        Object body = message.getBody();
        byte[] raw;
        if (body == null) {
            raw = new byte[0];
        } else if (body instanceof InputStream in) {
            raw = readLimited(in);
        } else {
            raw = message.getBody(byte[].class);
            if (raw == null) {
                raw = new byte[0];
            }
        }
        if (raw.length > maxBytes) {
            throw tooLarge();
        }
        message.setBody(raw);
        return raw;
    }

    private byte[] readLimited(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw tooLarge();
                }
            }
        } catch (IOException e) {
            throw new WebhookRejectedException(400, "unreadable_body", "The request body could not be read: " + e.getMessage());
        }
        return out.toByteArray();
    }

    private WebhookRejectedException tooLarge() {
        return new WebhookRejectedException(413, "body_too_large",
                "The body is larger than the limit of " + maxBytes + " bytes (commerce.ingest.max-body-bytes)");
    }
}
