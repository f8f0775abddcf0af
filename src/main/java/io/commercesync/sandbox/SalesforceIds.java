package io.commercesync.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Salesforce record ids: 3-char key prefix + 12 chars (15-char case-sensitive id) + the 3-char
 * case-safe checksum suffix (18-char id).
 */
final class SalesforceIds {

    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final AtomicLong sequence = new AtomicLong(1);

    /** A new 18-char id for the key prefix: prefix + pod "5X" + "00" + 8-char base62 sequence. */
    String next(String keyPrefix) {
        return fixed(keyPrefix, sequence.getAndIncrement());
    }

    static String fixed(String keyPrefix, long number) {
        StringBuilder body = new StringBuilder();
        long n = number;
        for (int i = 0; i < 8; i++) {
            body.insert(0, BASE62.charAt((int) (n % 62)));
            n /= 62;
        }
        return to18(keyPrefix + "5X00" + body);
    }

    /** The 3-char case-safe suffix for a 15-char id. */
    static String checksum(String id15) {
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return suffix.toString();
    }

    static String to18(String id15) {
        return id15 + checksum(id15);
    }

    static boolean isWellFormed(String id) {
        if (id == null || (id.length() != 15 && id.length() != 18)) {
            return false;
        }
        for (int i = 0; i < 15; i++) {
            if (BASE62.indexOf(id.charAt(i)) < 0) {
                return false;
            }
        }
        return id.length() == 15 || checksum(id.substring(0, 15)).equalsIgnoreCase(id.substring(15));
    }

    /** Normalises a 15- or 18-char id to its 18-char form; {@code null} when malformed. */
    static String normalize(String id) {
        if (!isWellFormed(id)) {
            return null;
        }
        return to18(id.substring(0, 15));
    }
}
