package io.commercesync.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.model.EventKind;
import io.commercesync.model.Source;
import io.commercesync.verify.HmacSha256;
import io.commercesync.verify.WebhookRejectedException;
import org.apache.camel.Message;

/**
 * How WooCommerce speaks. {@code X-WC-Webhook-Signature} is the base64 HMAC-SHA256 of the raw JSON body with
 * the webhook's secret; {@code X-WC-Webhook-Source} is the site ({@code home_url('/')}),
 * {@code X-WC-Webhook-Topic} the event ({@code order.created}), {@code X-WC-Webhook-Delivery-ID} the delivery.
 * <p>
 * Two rules shape the answers. When a webhook is saved, WooCommerce first POSTs an unsigned form body
 * {@code webhook_id=N} to the delivery URL and refuses to save the webhook unless the answer is exactly 200:
 * that ping is answered 200 and goes no further. And WooCommerce disables a webhook after more than five
 * consecutive deliveries answered with anything but 2xx/301/302, so only a truly bad request gets a 4xx:
 * topics we do not sync get a 2xx (202), and a failure on our side a 503.
 *
 * @see <a href="https://github.com/woocommerce/woocommerce/blob/trunk/plugins/woocommerce/includes/class-wc-webhook.php">WC_Webhook: deliver(), deliver_ping(), failed_delivery()</a>
 * @see <a href="https://developer.woocommerce.com/docs/apis/rest-api/v3/webhooks/">WooCommerce REST API: webhooks and topics</a>
 */
public final class WooCommerceWebhooks implements StoreWebhooks {

    static final Map<String, EventKind> TOPICS = Map.of(
            "order.created", EventKind.ORDER,
            "order.updated", EventKind.ORDER,
            "order.restored", EventKind.ORDER,
            "order.deleted", EventKind.ORDER_DELETED,
            "customer.created", EventKind.CUSTOMER,
            "customer.updated", EventKind.CUSTOMER);

    private static final Pattern PING_BODY = Pattern.compile("webhook_id=\\d+");

    private final WooCommerceSites sites;

    public WooCommerceWebhooks(WooCommerceSites sites) {
        this.sites = sites;
    }

    @Override
    public Source source() {
        return Source.WOOCOMMERCE;
    }

    /**
     * The ping carries no {@code X-WC-Webhook-*} header. Its form body reaches us either raw
     * ({@code webhook_id=12}) or, when Vert.x has parsed the form, as a {@code webhook_id} header.
     */
    @Override
    public boolean isPing(Message request, byte[] raw) {
        if (request.getHeader("X-WC-Webhook-Signature") != null || request.getHeader("X-WC-Webhook-Topic") != null) {
            return false;
        }
        String body = new String(raw, StandardCharsets.UTF_8).trim();
        return PING_BODY.matcher(body).matches()
                || body.isEmpty() && request.getHeader("webhook_id", String.class) != null;
    }

    @Override
    public String authenticate(Message request, byte[] raw) {
        String source = request.getHeader("X-WC-Webhook-Source", String.class);
        HmacSha256 signer = sites.signerFor(source).orElseThrow(() -> WebhookRejectedException.unauthorized(
                "unknown_site", source == null ? "X-WC-Webhook-Source is missing"
                        : "Site " + source + " is not configured in commerce.woocommerce.stores"));
        if (!signer.matches(raw, request.getHeader("X-WC-Webhook-Signature", String.class))) {
            throw WebhookRejectedException.unauthorized("invalid_signature",
                    "X-WC-Webhook-Signature is missing or is not the HMAC-SHA256 of the body with the webhook's secret");
        }
        return WooCommerceSites.site(source);
    }

    @Override
    public Delivery describe(Message request, JsonNode payload) {
        String topic = request.getHeader("X-WC-Webhook-Topic", String.class);
        String deliveryId = request.getHeader("X-WC-Webhook-Delivery-ID", String.class);
        EventKind kind = topic == null ? null : TOPICS.get(topic);
        if (kind == null) {
            return Delivery.ignored(topic, deliveryId);
        }
        String id = PayloadIds.required(payload, topic, "id");
        return new Delivery(topic, kind, kind == EventKind.CUSTOMER ? "customer:" + id : id, deliveryId, null, null);
    }
}
