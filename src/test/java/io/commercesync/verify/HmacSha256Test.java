package io.commercesync.verify;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HmacSha256Test {

    /** Shopify's documented vector: secret test_secret_key, body {"foo": "bar"}. */
    private static final byte[] SHOPIFY_BODY = "{\"foo\": \"bar\"}".getBytes(StandardCharsets.UTF_8);
    private static final String SHOPIFY_SIGNATURE = "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=";

    @Test
    void signsShopifysDocumentedTestVector() {
        assertEquals(SHOPIFY_SIGNATURE, new HmacSha256("test_secret_key").sign(SHOPIFY_BODY));
    }

    @Test
    void acceptsTheSignatureOfTheExactBytes() {
        assertTrue(new HmacSha256("test_secret_key").matches(SHOPIFY_BODY, SHOPIFY_SIGNATURE));
    }

    @Test
    void rejectsTamperedBody() {
        byte[] tampered = "{\"foo\":\"bar\"}".getBytes(StandardCharsets.UTF_8);
        assertFalse(new HmacSha256("test_secret_key").matches(tampered, SHOPIFY_SIGNATURE));
    }

    @Test
    void rejectsMissingOrMalformedSignature() {
        HmacSha256 hmac = new HmacSha256("test_secret_key");
        assertFalse(hmac.matches(SHOPIFY_BODY, null));
        assertFalse(hmac.matches(SHOPIFY_BODY, ""));
        assertFalse(hmac.matches(SHOPIFY_BODY, "not base64 at all!"));
        assertFalse(hmac.matches(SHOPIFY_BODY, SHOPIFY_SIGNATURE.substring(0, 20)));
    }

    @Test
    void refusesAnEmptySecret() {
        assertThrows(IllegalArgumentException.class, () -> new HmacSha256(""));
    }

    /**
     * WooCommerce's own webhook unit test ({@code test_generate_signature}, in the woocommerce repository):
     * a webhook without a secret signs the body {@code secret} as below. The JDK refuses an empty HMAC key,
     * but HMAC pads every key shorter than its block with zero bytes, so the one-zero-byte key is the same
     * key: this proves our HMAC is WooCommerce's, byte for byte.
     */
    @Test
    void signsWooCommercesOwnTestVector() {
        assertEquals("GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs=",
                new HmacSha256("\u0000").sign("secret".getBytes(StandardCharsets.UTF_8)));
    }
}
