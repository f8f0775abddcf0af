package io.commercesync.salesforce;

import java.util.Locale;
import java.util.Optional;

import org.apache.camel.CamelContext;

/**
 * Which records events become in the org (issue 5), from {@code commerce.sync.*} (key by key in
 * docs/salesforce-mapping.md).
 *
 * @param target           what an order becomes: an Opportunity with line items ({@code opportunities}, the
 *                         default), an Order with OrderItems ({@code orders}), or a platform event per event
 *                         ({@code events}, for orgs that map events with Flows)
 * @param accountMode      how a customer is kept: an Account with a Contact ({@code business}) or a person account
 * @param personRecordType DeveloperName of the Account record type of person accounts
 * @param orderStatus      the Status orders are written with in orders mode (an order is created Draft)
 * @param customer         where customer events (a customer created or changed, without an order) go
 * @param eventObject      the platform event published in events mode
 */
public record SyncTargets(Target target, AccountMode accountMode, String personRecordType, String orderStatus,
                          CustomerTarget customer, String eventObject) {

    public enum Target { OPPORTUNITIES, ORDERS, EVENTS }

    public enum AccountMode { BUSINESS, PERSON }

    /** Opportunities, business accounts, customers as Account + Contact: what this version wrote before issue 5. */
    public static final SyncTargets DEFAULTS = new SyncTargets(Target.OPPORTUNITIES, AccountMode.BUSINESS, "PersonAccount",
            "Draft", CustomerTarget.of(CustomerTarget.ACCOUNT, "", java.util.Map.of()), "Commerce_Order_Event__e");

    public SyncTargets {
        if (accountMode == AccountMode.PERSON && customer.object().equalsIgnoreCase("Contact")) {
            throw new IllegalArgumentException("commerce.sync.customer-target=contact needs business accounts: "
                    + "with commerce.sync.account-mode=person a customer is a person account (customer-target=account)");
        }
    }

    public boolean personAccounts() {
        return accountMode == AccountMode.PERSON;
    }

    public static SyncTargets fromProperties(CamelContext context) {
        return new SyncTargets(
                choice(context, "commerce.sync.target", Target.class, Target.OPPORTUNITIES),
                choice(context, "commerce.sync.account-mode", AccountMode.class, AccountMode.BUSINESS),
                property(context, "commerce.sync.person-account.record-type").orElse(DEFAULTS.personRecordType()),
                property(context, "commerce.sync.order.status").orElse(DEFAULTS.orderStatus()),
                CustomerTarget.fromProperties(context),
                property(context, "commerce.sync.event.object").orElse(DEFAULTS.eventObject()));
    }

    private static <E extends Enum<E>> E choice(CamelContext context, String key, Class<E> type, E fallback) {
        Optional<String> value = property(context, key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " is one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", not " + value.get());
        }
    }

    static Optional<String> property(CamelContext context, String key) {
        return context.getPropertiesComponent().resolveProperty(key).map(String::trim).filter(v -> !v.isEmpty());
    }
}
