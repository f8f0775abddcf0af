package io.commercesync.salesforce;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.commercesync.model.OrderStatus;
import org.apache.camel.CamelContext;

/**
 * The Salesforce side's names and choices, from {@code commerce.sync.*} (see application.properties).
 *
 * @param apiVersion            REST API version of every request, e.g. {@code 62.0}; the same as camel-salesforce's
 * @param customerIdField       external-id field on Account and Contact
 * @param orderIdField          external-id field on Opportunity
 * @param multiCurrency         whether the org has multi-currency on (then {@code CurrencyIsoCode} is written)
 * @param stages                Opportunity stage for each order status
 */
public record SalesforceSettings(String apiVersion, String customerIdField, String orderIdField,
                                 boolean multiCurrency, Map<OrderStatus, String> stages) {

    public SalesforceSettings {
        stages = Map.copyOf(stages);
        for (OrderStatus status : OrderStatus.values()) {
            if (!stages.containsKey(status)) {
                throw new IllegalArgumentException("No Opportunity stage configured for " + status
                        + ": set commerce.sync.stage." + status.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    public static SalesforceSettings fromProperties(CamelContext context) {
        Map<OrderStatus, String> stages = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            stages.put(status, context.resolvePropertyPlaceholders(
                    "{{commerce.sync.stage." + status.name().toLowerCase(Locale.ROOT) + "}}"));
        }
        return new SalesforceSettings(
                context.resolvePropertyPlaceholders("{{camel.component.salesforce.api-version}}"),
                context.resolvePropertyPlaceholders("{{commerce.sync.customer-id-field}}"),
                context.resolvePropertyPlaceholders("{{commerce.sync.order-id-field}}"),
                Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{commerce.sync.multi-currency}}")),
                stages);
    }

    public String stageFor(OrderStatus status) {
        return stages.get(status);
    }
}
