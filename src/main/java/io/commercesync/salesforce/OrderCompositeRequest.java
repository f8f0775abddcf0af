package io.commercesync.salesforce;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.model.Address;
import io.commercesync.model.CommerceEvent;
import io.commercesync.model.Customer;
import io.commercesync.model.Order;

/**
 * One order as one Salesforce {@code /composite} request (all or none): upsert the Account and the Contact
 * by the customer's external id, then the Opportunity by the order's, each linked to its parent through the
 * parent's external id ({@code "Account": {"Commerce_Customer_Id__c": …}}), so nothing is read before it is
 * written and a redelivery or replay changes nothing. Blank source values are left out, never sent as null:
 * they do not overwrite what Salesforce holds.
 */
public final class OrderCompositeRequest {

    /** Reference ids of the subrequests, which also name the object in error messages. */
    public static final String ACCOUNT = "account";
    public static final String CONTACT = "contact";
    public static final String OPPORTUNITY = "opportunity";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SalesforceSettings settings;

    public OrderCompositeRequest(SalesforceSettings settings) {
        this.settings = settings;
    }

    public String toJson(CommerceEvent event) {
        Order order = event.order();
        Customer customer = order.customer();
        ObjectNode request = JSON.createObjectNode();
        request.put("allOrNone", true);
        ArrayNode subrequests = request.putArray("compositeRequest");
        subrequests.add(upsert(ACCOUNT, "Account", settings.customerIdField(), customer.externalId(), account(event, customer)));
        subrequests.add(upsert(CONTACT, "Contact", settings.customerIdField(), customer.externalId(), contact(customer)));
        subrequests.add(upsert(OPPORTUNITY, "Opportunity", settings.orderIdField(), order.externalId(), opportunity(event)));
        return request.toString();
    }

    private ObjectNode upsert(String referenceId, String sObject, String externalIdField, String externalId, ObjectNode body) {
        ObjectNode subrequest = JSON.createObjectNode();
        subrequest.put("method", "PATCH");
        subrequest.put("url", "/services/data/v" + settings.apiVersion() + "/sobjects/" + sObject + "/" + externalIdField
                + "/" + URLEncoder.encode(externalId, StandardCharsets.UTF_8).replace("+", "%20"));
        subrequest.put("referenceId", referenceId);
        subrequest.set("body", body);
        return subrequest;
    }

    private ObjectNode account(CommerceEvent event, Customer customer) {
        ObjectNode account = JSON.createObjectNode();
        account.put("Name", customer.company() != null ? customer.company() : customer.displayName());
        putIfPresent(account, "Phone", customer.phone());
        putAddress(account, "Billing", customer.address());
        account.put("Commerce_Store__c", event.store());
        return account;
    }

    private ObjectNode contact(Customer customer) {
        ObjectNode contact = JSON.createObjectNode();
        putIfPresent(contact, "FirstName", customer.firstName());
        putIfPresent(contact, "LastName", customer.lastName());
        putIfPresent(contact, "Email", customer.email());
        putIfPresent(contact, "Phone", customer.phone());
        putAddress(contact, "Mailing", customer.address());
        contact.putObject("Account").put(settings.customerIdField(), customer.externalId());
        return contact;
    }

    private ObjectNode opportunity(CommerceEvent event) {
        Order order = event.order();
        ObjectNode opportunity = JSON.createObjectNode();
        opportunity.put("Name", event.source().name().charAt(0) + event.source().id().substring(1) + " order " + order.number());
        opportunity.put("StageName", settings.stageFor(order.status()));
        if (order.placedAt() != null) {
            opportunity.put("CloseDate", order.placedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        if (order.totals().total() != null) {
            opportunity.put("Amount", order.totals().total());
        }
        if (settings.multiCurrency()) {
            putIfPresent(opportunity, "CurrencyIsoCode", order.currency());
        }
        opportunity.putObject("Account").put(settings.customerIdField(), order.customer().externalId());
        putIfPresent(opportunity, "Commerce_Order_Number__c", order.number());
        opportunity.put("Commerce_Source__c", event.source().id());
        opportunity.put("Commerce_Store__c", event.store());
        if (!order.discountCodes().isEmpty()) {
            opportunity.put("Commerce_Discount_Codes__c", String.join(", ", order.discountCodes()));
        }
        putIfPresent(opportunity, "Commerce_Shipping_Method__c", order.shippingMethod());
        putIfPresent(opportunity, "Commerce_Note__c", order.note());
        if (event.sourceUpdatedAt() != null) {
            opportunity.put("Commerce_Source_Updated_At__c", event.sourceUpdatedAt().toString());
        }
        return opportunity;
    }

    private static void putAddress(ObjectNode node, String prefix, Address address) {
        if (address == null) {
            return;
        }
        putIfPresent(node, prefix + "Street", address.street());
        putIfPresent(node, prefix + "City", address.city());
        putIfPresent(node, prefix + "State", address.region());
        putIfPresent(node, prefix + "PostalCode", address.postalCode());
        putIfPresent(node, prefix + "Country", address.country());
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
