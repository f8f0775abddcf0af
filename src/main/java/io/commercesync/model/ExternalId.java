package io.commercesync.model;

/**
 * Ids as Salesforce stores them: namespaced {@code source:store:id}, e.g.
 * {@code shopify:acme.myshopify.com:450789469}, so that several stores share one org without collisions.
 */
public final class ExternalId {

    private ExternalId() {
    }

    public static String of(Source source, String store, String id) {
        return source.id() + ":" + store + ":" + id;
    }
}
