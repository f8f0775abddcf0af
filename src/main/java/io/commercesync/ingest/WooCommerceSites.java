package io.commercesync.ingest;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.commercesync.verify.HmacSha256;
import org.apache.camel.CamelContext;

/**
 * The WooCommerce sites this installation accepts, each with the secret of its webhooks:
 * <pre>
 * commerce.woocommerce.stores.&lt;name&gt;.source-url=https://shop.example.com/
 * commerce.woocommerce.stores.&lt;name&gt;.secret={{env:WOOCOMMERCE_SHOP_SECRET}}
 * </pre>
 * The secret is chosen by the {@code X-WC-Webhook-Source} header, which WooCommerce sets to the site's
 * {@code home_url('/')}. Sites are compared without scheme, {@code www.} kept, case and trailing slash ignored,
 * so an http/https mismatch does not turn every delivery into a 401 (and the webhook into a disabled one).
 * The site as it appears in external ids is that normalised form: {@code shop.example.com}.
 */
public final class WooCommerceSites {

    static final String PREFIX = "commerce.woocommerce.stores.";

    private final Map<String, HmacSha256> signersBySite;

    public WooCommerceSites(Map<String, String> secretsBySourceUrl) {
        Map<String, HmacSha256> signers = new HashMap<>();
        secretsBySourceUrl.forEach((url, secret) -> signers.put(site(url), new HmacSha256(asWooCommerceUsesIt(secret))));
        this.signersBySite = Map.copyOf(signers);
    }

    public static WooCommerceSites fromProperties(CamelContext context) {
        Map<String, String> secrets = new HashMap<>();
        ConfiguredStores.read(context, "woocommerce").forEach((name, store) -> secrets.put(
                ConfiguredStores.required(store, PREFIX, name, "source-url"),
                ConfiguredStores.required(store, PREFIX, name, "secret")));
        return new WooCommerceSites(secrets);
    }

    public Optional<HmacSha256> signerFor(String sourceUrl) {
        return sourceUrl == null || sourceUrl.isBlank() ? Optional.empty() : Optional.ofNullable(signersBySite.get(site(sourceUrl)));
    }

    public int size() {
        return signersBySite.size();
    }

    /** {@code https://Shop.Example.com/store/} → {@code shop.example.com/store}. */
    static String site(String sourceUrl) {
        String url = sourceUrl.trim();
        String hostAndPath;
        try {
            URI uri = URI.create(url.contains("://") ? url : "https://" + url);
            hostAndPath = (uri.getHost() == null ? "" : uri.getHost())
                    + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + (uri.getPath() == null ? "" : uri.getPath());
        } catch (IllegalArgumentException notAUri) {
            hostAndPath = url.replaceFirst("^[a-zA-Z]+://", "");
        }
        hostAndPath = hostAndPath.toLowerCase(Locale.ROOT);
        while (hostAndPath.endsWith("/")) {
            hostAndPath = hostAndPath.substring(0, hostAndPath.length() - 1);
        }
        return hostAndPath;
    }

    /**
     * WooCommerce signs with {@code wp_specialchars_decode($secret, ENT_QUOTES)}, so a secret saved as
     * {@code a&amp;b} signs as {@code a&b}; the same decoding here makes either form of the secret work.
     *
     * @see <a href="https://github.com/woocommerce/woocommerce/blob/trunk/plugins/woocommerce/includes/class-wc-webhook.php">WC_Webhook::generate_signature</a>
     */
    static String asWooCommerceUsesIt(String secret) {
        return secret.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#039;", "'").replace("&#39;", "'").replace("&amp;", "&");
    }
}
