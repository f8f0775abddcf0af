package io.commercesync.verify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Base64 HMAC-SHA256 signatures over the exact raw bytes of a request, as Shopify
 * ({@code X-Shopify-Hmac-Sha256}) and WooCommerce ({@code X-WC-Webhook-Signature}) send them.
 * Comparison is constant-time ({@link MessageDigest#isEqual}).
 */
public final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @throws IllegalArgumentException for an empty secret: the JDK refuses empty HMAC keys, and so do we. */
    public HmacSha256(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("A webhook secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The base64 signature of {@code body}. */
    public String sign(byte[] body) {
        return Base64.getEncoder().encodeToString(mac(body));
    }

    /** Whether {@code claimedBase64} is the signature of {@code body}; false for a missing or malformed claim. */
    public boolean matches(byte[] body, String claimedBase64) {
        if (claimedBase64 == null || claimedBase64.isBlank()) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(claimedBase64.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(mac(body), claimed);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
