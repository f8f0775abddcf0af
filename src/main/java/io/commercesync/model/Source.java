package io.commercesync.model;

import java.util.Locale;

/** The store platforms Commerce Sync receives events from. */
public enum Source {
    WOOCOMMERCE, SHOPIFY, LIMIO;

    /** The lower-case name used in paths, topics and external ids: {@code shopify}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Source fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
