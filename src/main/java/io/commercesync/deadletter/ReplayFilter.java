package io.commercesync.deadletter;

import java.time.Instant;

/**
 * Which dead letters a replay takes. Every part but {@code source} is optional (null = any).
 *
 * @param source    whose dead-letter topic: {@code shopify}, {@code woocommerce}, {@code limio}
 * @param errorCode only records with this {@code commerce-error-code}, e.g. {@code REQUIRED_FIELD_MISSING}
 * @param from      only records dead-lettered at or after this instant
 * @param to        only records dead-lettered before this instant
 * @param orderId   only records of this order: the store's id ({@code 450789469}) or the full key
 * @param dryRun    list what would be replayed, write nothing
 */
public record ReplayFilter(String source, String errorCode, Instant from, Instant to, String orderId, boolean dryRun) {

    public ReplayFilter {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("A replay needs a source (shopify, woocommerce or limio)");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
    }

    boolean matches(DeadLetter letter) {
        if (errorCode != null && !errorCode.equals(letter.errorCode())) {
            return false;
        }
        if (from != null && letter.deadLetteredAt().isBefore(from)) {
            return false;
        }
        if (to != null && !letter.deadLetteredAt().isBefore(to)) {
            return false;
        }
        return orderId == null || orderId.equals(letter.key()) || (letter.key() != null && letter.key().endsWith(":" + orderId));
    }
}
