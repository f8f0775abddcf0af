package io.commercesync.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.commercesync.verify.HmacSha256;
import org.apache.camel.CamelContext;

/**
 * The Shopify shops this installation accepts, each with its own webhook secret, configured as
 * <pre>
 * commerce.shopify.stores.&lt;name&gt;.shop-domain=acme.myshopify.com
 * commerce.shopify.stores.&lt;name&gt;.secret={{env:SHOPIFY_ACME_SECRET}}
 * </pre>
 * The secret is chosen by the {@code X-Shopify-Shop-Domain} header of each request.
 */
public final class ShopifyStores {

    static final String PREFIX = "commerce.shopify.stores.";

    private final Map<String, HmacSha256> signersByDomain;

    public ShopifyStores(Map<String, String> secretsByDomain) {
        Map<String, HmacSha256> signers = new HashMap<>();
        secretsByDomain.forEach((domain, secret) -> signers.put(normalise(domain), new HmacSha256(secret)));
        this.signersByDomain = Map.copyOf(signers);
    }

    /** Reads every {@code commerce.shopify.stores.*} store from the Camel properties. */
    public static ShopifyStores fromProperties(CamelContext context) {
        Map<String, String> secrets = new HashMap<>();
        ConfiguredStores.read(context, "shopify").forEach((name, store) -> secrets.put(
                ConfiguredStores.required(store, PREFIX, name, "shop-domain"),
                ConfiguredStores.required(store, PREFIX, name, "secret")));
        return new ShopifyStores(secrets);
    }

    /** The signer for a shop, if it is configured. */
    public Optional<HmacSha256> signerFor(String shopDomain) {
        return shopDomain == null ? Optional.empty() : Optional.ofNullable(signersByDomain.get(normalise(shopDomain)));
    }

    public int size() {
        return signersByDomain.size();
    }

    /** The shop domain as it appears in external ids: trimmed, lower case. */
    static String normalise(String domain) {
        return domain.trim().toLowerCase(Locale.ROOT);
    }
}
