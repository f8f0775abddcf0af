package io.commercesync.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.model.Customer;

/**
 * Finds an order's customer among the org's records before the first write of that customer:
 * by external id, then (as {@code commerce.sync.matching} lists) by Contact e-mail, then by Account name
 * (the customer's company). One call (two queries in one composite) the first time a customer is seen by
 * this app instance; afterwards the customer carries its external id in the org and is remembered here, so
 * its next orders cost nothing extra. Guests (no store customer id) match by e-mail like everyone else.
 * Every value goes into SOQL through {@link SoqlLiteral}. With {@code matching} empty, nothing is looked
 * up and customers are upserted by external id (the default).
 */
public final class CustomerMatcher implements CustomerFinder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SalesforceSettings settings;
    private final OrgConnection org;
    private final List<String> rules;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public CustomerMatcher(SalesforceSettings settings, OrgConnection org, List<String> rules) {
        this.settings = settings;
        this.org = org;
        this.rules = rules.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).filter(r -> !r.isEmpty()).toList();
        for (String rule : this.rules) {
            if (!rule.equals("email") && !rule.equals("company")) {
                throw new IllegalArgumentException("commerce.sync.matching takes email and company, not " + rule);
            }
        }
    }

    @Override
    public CustomerMatch match(Customer customer) {
        if (rules.isEmpty() || known.contains(customer.externalId())) {
            return CustomerMatch.BY_EXTERNAL_ID;
        }
        String key = settings.customerIdField();
        boolean byEmail = rules.contains("email") && customer.email() != null && !customer.email().isBlank();
        boolean byCompany = rules.contains("company") && customer.company() != null && !customer.company().isBlank();
        List<String> queries = new ArrayList<>();
        queries.add("SELECT Id, AccountId, Account." + key + ", " + key + " FROM Contact WHERE " + key + " = "
                + SoqlLiteral.quote(customer.externalId()) + (byEmail ? " OR Email = " + SoqlLiteral.quote(customer.email().strip()) : "")
                + " LIMIT 20");
        if (byCompany) {
            queries.add("SELECT Id, " + key + " FROM Account WHERE Name = " + SoqlLiteral.quote(customer.company().strip()) + " LIMIT 1");
        }
        CompositeResponse response = org.compositeOrFail(queryRequest(queries), Map.of("q", "Contact")).response();
        JsonNode contacts = response.bodiesByReference().get("q0").path("records");
        for (JsonNode contact : contacts) {
            if (customer.externalId().equals(contact.path(key).asText(null))) {
                known.add(customer.externalId());
                return CustomerMatch.BY_EXTERNAL_ID;
            }
        }
        for (JsonNode contact : contacts) {
            if (contact.path(key).isNull() || contact.path(key).isMissingNode()) {
                String accountId = contact.path("AccountId").asText(null);
                boolean accountFree = accountId != null && contact.path("Account").path(key).isNull()
                        || accountId != null && contact.path("Account").path(key).isMissingNode();
                return new CustomerMatch(CustomerMatch.How.EMAIL, accountId, contact.path("Id").asText(), accountFree);
            }
        }
        if (byCompany) {
            JsonNode accounts = response.bodiesByReference().get("q1").path("records");
            if (!accounts.isEmpty()) {
                return new CustomerMatch(CustomerMatch.How.COMPANY, accounts.get(0).path("Id").asText(), null, false);
            }
        }
        return CustomerMatch.NONE;
    }

    @Override
    public void written(Customer customer) {
        known.add(customer.externalId());
    }

    private String queryRequest(List<String> queries) {
        ObjectNode request = JSON.createObjectNode().put("allOrNone", false);
        ArrayNode subrequests = request.putArray("compositeRequest");
        for (int i = 0; i < queries.size(); i++) {
            subrequests.addObject().put("method", "GET")
                    .put("url", "/services/data/v" + settings.apiVersion() + "/query?q=" + PathSegment.encode(queries.get(i)))
                    .put("referenceId", "q" + i);
        }
        return request.toString();
    }
}
