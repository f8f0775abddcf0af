package io.commercesync.salesforce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.CamelContext;

/**
 * Where a customer event (a customer created or changed in the store, without an order) is written, from
 * {@code commerce.sync.customer-target}, {@code commerce.sync.customer.record-type} and
 * {@code commerce.sync.customer.field.<canonical>}:
 * <ul>
 *   <li>{@code account} (default): the records an order's customer gets, an Account with its Contact, or the
 *   person account in person-account mode;</li>
 *   <li>{@code contact}: a Contact alone (an order of the customer later files it under its Account);</li>
 *   <li>{@code lead}: a Lead;</li>
 *   <li>any custom object ({@code Commerce_Customer__c}): a record of it, with the mapped fields only.</li>
 * </ul>
 * Every one is upserted by the customer's external id ({@code commerce.sync.customer-id-field}).
 *
 * @param object     the sObject ({@code account} for the Account/Contact or person account records)
 * @param recordType DeveloperName of the record type to write, blank = the object's default
 * @param fields     Salesforce field of each canonical customer field ({@link #CANONICAL}); blank = not written
 */
public record CustomerTarget(String object, String recordType, Map<String, String> fields) {

    public static final String ACCOUNT = "account";

    /** The canonical customer fields an integrator maps. */
    public static final List<String> CANONICAL = List.of("name", "first-name", "last-name", "email", "phone", "company",
            "street", "city", "region", "postal-code", "country", "store");

    public CustomerTarget {
        for (String key : fields.keySet()) {
            if (!CANONICAL.contains(key)) {
                throw new IllegalArgumentException("Unknown canonical field commerce.sync.customer.field." + key + "; known: " + CANONICAL);
            }
        }
        fields = Map.copyOf(fields);
    }

    /** The target with the integrator's fields over the object's defaults. */
    public static CustomerTarget of(String target, String recordType, Map<String, String> mapped) {
        String object = switch (target.toLowerCase(java.util.Locale.ROOT)) {
            case ACCOUNT -> ACCOUNT;
            case "contact" -> "Contact";
            case "lead" -> "Lead";
            default -> {
                if (!target.endsWith("__c")) {
                    throw new IllegalArgumentException("commerce.sync.customer-target is account, contact, lead or a custom object "
                            + "(Name__c), not " + target);
                }
                yield target;
            }
        };
        Map<String, String> fields = new LinkedHashMap<>(defaults(object));
        fields.putAll(mapped);
        return new CustomerTarget(object, recordType, fields);
    }

    static CustomerTarget fromProperties(CamelContext context) {
        Map<String, String> mapped = new LinkedHashMap<>();
        for (String canonical : CANONICAL) {
            context.getPropertiesComponent().resolveProperty("commerce.sync.customer.field." + canonical)
                    .ifPresent(field -> mapped.put(canonical, field.trim()));
        }
        return of(SyncTargets.property(context, "commerce.sync.customer-target").orElse(ACCOUNT),
                SyncTargets.property(context, "commerce.sync.customer.record-type").orElse(""), mapped);
    }

    public boolean isAccount() {
        return ACCOUNT.equals(object);
    }

    /** The field a canonical customer field is written to, unless the integrator chose not to write it. */
    public Optional<String> field(String canonical) {
        String field = fields.get(canonical);
        return field == null || field.isBlank() ? Optional.empty() : Optional.of(field);
    }

    private static Map<String, String> defaults(String object) {
        Map<String, String> fields = new LinkedHashMap<>();
        CANONICAL.forEach(key -> fields.put(key, ""));
        switch (object) {
            case "Contact" -> {
                standardPerson(fields);
                address(fields, "MailingStreet", "MailingCity", "MailingState", "MailingPostalCode", "MailingCountry");
                fields.put("store", "Commerce_Store__c");
            }
            case "Lead" -> {
                standardPerson(fields);
                fields.put("company", "Company");
                address(fields, "Street", "City", "State", "PostalCode", "Country");
            }
            case ACCOUNT -> {
            }
            default -> fields.put("name", "Name");
        }
        return fields;
    }

    private static void standardPerson(Map<String, String> fields) {
        fields.put("first-name", "FirstName");
        fields.put("last-name", "LastName");
        fields.put("email", "Email");
        fields.put("phone", "Phone");
    }

    private static void address(Map<String, String> fields, String street, String city, String region, String postalCode,
                                String country) {
        fields.put("street", street);
        fields.put("city", city);
        fields.put("region", region);
        fields.put("postal-code", postalCode);
        fields.put("country", country);
    }
}
