package io.commercesync.salesforce;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.model.Customer;

/**
 * Person-account mode's {@link CustomerFinder}: an order's customer is looked for among person accounts, by
 * external id and then (with {@code commerce.sync.matching=email}) by {@code PersonEmail}. A person account
 * found by e-mail that has no customer id yet takes the customer's ({@link PersonAccountFields}); one that
 * carries another customer's id is left alone. One query the first time this app instance sees a customer,
 * nothing afterwards. People have no company, so {@code company} matching is refused at start.
 */
public final class PersonAccountMatcher implements CustomerFinder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SalesforceSettings settings;
    private final OrgConnection org;
    private final boolean byEmail;
    private final boolean matching;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public PersonAccountMatcher(SalesforceSettings settings, OrgConnection org, List<String> rules) {
        this.settings = settings;
        this.org = org;
        List<String> names = rules.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).filter(r -> !r.isEmpty()).toList();
        for (String rule : names) {
            if (!rule.equals("email")) {
                throw new IllegalArgumentException("With commerce.sync.account-mode=person, commerce.sync.matching takes email only, not " + rule);
            }
        }
        this.matching = !names.isEmpty();
        this.byEmail = names.contains("email");
    }

    @Override
    public CustomerMatch match(Customer customer) {
        if (!matching || known.contains(customer.externalId())) {
            return CustomerMatch.BY_EXTERNAL_ID;
        }
        String key = settings.customerIdField();
        boolean email = byEmail && customer.email() != null && !customer.email().isBlank();
        String soql = "SELECT Id, " + key + " FROM Account WHERE IsPersonAccount = true AND (" + key + " = "
                + SoqlLiteral.quote(customer.externalId())
                + (email ? " OR PersonEmail = " + SoqlLiteral.quote(customer.email().strip()) : "") + ") LIMIT 20";
        ObjectNode request = JSON.createObjectNode().put("allOrNone", false);
        request.putArray("compositeRequest").add(new CompositeSubrequest(settings).query("people", soql, ""));
        JsonNode accounts = org.compositeOrFail(request.toString(), Map.of("people", "Account"))
                .response().bodiesByReference().get("people").path("records");
        for (JsonNode account : accounts) {
            if (customer.externalId().equals(account.path(key).asText(null))) {
                known.add(customer.externalId());
                return CustomerMatch.BY_EXTERNAL_ID;
            }
        }
        for (JsonNode account : accounts) {
            if (account.path(key).isNull() || account.path(key).isMissingNode()) {
                return new CustomerMatch(CustomerMatch.How.EMAIL, account.path("Id").asText(), null, true);
            }
        }
        return CustomerMatch.NONE;
    }

    @Override
    public void written(Customer customer) {
        known.add(customer.externalId());
    }
}
