package io.commercesync.salesforce;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.commercesync.model.OrderStatus;
import org.apache.camel.CamelContext;

/**
 * The integrator's mapping of the canonical model onto their org, from {@code commerce.sync.*} in
 * application.properties (key by key in docs/salesforce-mapping.md). Nothing else in the Salesforce side
 * names a custom field.
 *
 * @param apiVersion      REST API version of every request, e.g. {@code 62.0}; the same as camel-salesforce's
 * @param customerIdField external-id field on Account and Contact
 * @param orderIdField    external-id field on Opportunity
 * @param lineIdField     external-id field on OpportunityLineItem
 * @param productKeyField external-id field on Product2 holding the store's SKU
 * @param pricebook       name of the price book the lines' entries come from; blank = the standard price book
 * @param createProducts  create Product2 and its standard PricebookEntry for a SKU the org does not have
 * @param adjustmentSku   product of the line that carries shipping, tax, fees and order discounts, so the
 *                        Opportunity's Amount (the sum of its lines in Salesforce) is the order's total; blank = none
 * @param refundSku       product of the (negative) line each refund adds to its Opportunity
 * @param multiCurrency   whether the org has multi-currency on (then {@code CurrencyIsoCode} is written)
 * @param stages          Opportunity stage for each order status
 * @param fields          Salesforce field for each canonical field ({@code opportunity.note} → {@code Commerce_Note__c});
 *                        a canonical field mapped to blank is not written
 */
public record SalesforceSettings(String apiVersion, String customerIdField, String orderIdField, String lineIdField,
                                 String productKeyField, String pricebook, boolean createProducts, String adjustmentSku,
                                 String refundSku, boolean multiCurrency, Map<OrderStatus, String> stages,
                                 Map<String, String> fields) {

    /** The canonical fields an integrator maps, with the field each maps to by default (shared/DESIGN.md). */
    public static final Map<String, String> DEFAULT_FIELDS = defaults();

    public SalesforceSettings {
        stages = Map.copyOf(stages);
        for (OrderStatus status : OrderStatus.values()) {
            if (!stages.containsKey(status)) {
                throw new IllegalArgumentException("No Opportunity stage configured for " + status
                        + ": set commerce.sync.stage." + status.name().toLowerCase(Locale.ROOT));
            }
        }
        for (String key : fields.keySet()) {
            if (!DEFAULT_FIELDS.containsKey(key)) {
                throw new IllegalArgumentException("Unknown canonical field commerce.sync.field." + key
                        + "; known: " + DEFAULT_FIELDS.keySet());
            }
        }
        Map<String, String> all = new LinkedHashMap<>(DEFAULT_FIELDS);
        all.putAll(fields);
        fields = Map.copyOf(all);
    }

    private static Map<String, String> defaults() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("account.store", "Commerce_Store__c");
        fields.put("contact.store", "");
        fields.put("opportunity.number", "Commerce_Order_Number__c");
        fields.put("opportunity.source", "Commerce_Source__c");
        fields.put("opportunity.store", "Commerce_Store__c");
        fields.put("opportunity.source-status", "");
        fields.put("opportunity.discount-codes", "Commerce_Discount_Codes__c");
        fields.put("opportunity.shipping-method", "Commerce_Shipping_Method__c");
        fields.put("opportunity.note", "Commerce_Note__c");
        fields.put("opportunity.source-updated-at", "Commerce_Source_Updated_At__c");
        fields.put("line.description", "Description");
        // orders mode (commerce.sync.target=orders): the Order's fields, as the Opportunity's above
        fields.put("order.number", "Commerce_Order_Number__c");
        fields.put("order.source", "Commerce_Source__c");
        fields.put("order.store", "Commerce_Store__c");
        fields.put("order.status", "Commerce_Status__c");
        fields.put("order.source-status", "");
        fields.put("order.discount-codes", "Commerce_Discount_Codes__c");
        fields.put("order.shipping-method", "Commerce_Shipping_Method__c");
        fields.put("order.note", "Commerce_Note__c");
        fields.put("order.source-updated-at", "Commerce_Source_Updated_At__c");
        return Map.copyOf(fields);
    }

    public static SalesforceSettings fromProperties(CamelContext context) {
        Map<OrderStatus, String> stages = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            stages.put(status, property(context, "commerce.sync.stage." + status.name().toLowerCase(Locale.ROOT)).orElse(null));
        }
        stages.values().removeIf(v -> v == null);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String canonical : DEFAULT_FIELDS.keySet()) {
            property(context, "commerce.sync.field." + canonical).ifPresent(field -> fields.put(canonical, field.trim()));
        }
        return new SalesforceSettings(
                context.resolvePropertyPlaceholders("{{camel.component.salesforce.api-version}}"),
                property(context, "commerce.sync.customer-id-field").orElse("Commerce_Customer_Id__c"),
                property(context, "commerce.sync.order-id-field").orElse("Commerce_Order_Id__c"),
                property(context, "commerce.sync.line-id-field").orElse("Commerce_Line_Id__c"),
                property(context, "commerce.sync.product-key-field").orElse("Commerce_Sku__c"),
                property(context, "commerce.sync.pricebook").orElse(""),
                Boolean.parseBoolean(property(context, "commerce.sync.create-products").orElse("false")),
                property(context, "commerce.sync.adjustment-sku").orElse(""),
                property(context, "commerce.sync.refund-sku").orElse("COMMERCE-REFUND"),
                Boolean.parseBoolean(property(context, "commerce.sync.multi-currency").orElse("false")),
                stages, fields);
    }

    private static Optional<String> property(CamelContext context, String key) {
        return context.getPropertiesComponent().resolveProperty(key).map(String::trim);
    }

    public String stageFor(OrderStatus status) {
        return stages.get(status);
    }

    /** The Salesforce field of a canonical field, unless the integrator chose not to write it. */
    public Optional<String> field(String canonical) {
        String field = fields.get(canonical);
        if (field == null) {
            throw new IllegalArgumentException("Unknown canonical field " + canonical);
        }
        return field.isBlank() ? Optional.empty() : Optional.of(field);
    }
}
