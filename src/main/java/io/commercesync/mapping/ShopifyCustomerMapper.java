package io.commercesync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.model.Customer;
import io.commercesync.model.ExternalId;
import io.commercesync.model.Source;

import static io.commercesync.mapping.JsonFields.at;
import static io.commercesync.mapping.JsonFields.text;
import static io.commercesync.mapping.Payloads.firstNonNull;

/**
 * Shopify's customer object (the {@code customers/create} and {@code customers/update} body) to the canonical
 * customer, with the same external id an order of this customer gets.
 *
 * @see <a href="https://shopify.dev/docs/api/admin-rest/latest/resources/customer">Shopify REST Customer resource</a>
 */
public final class ShopifyCustomerMapper {

    public Customer toCustomer(JsonNode customer, String store) {
        String id = Payloads.requiredId(customer, "id", "Shopify customer");
        JsonNode address = at(customer, "default_address");
        return new Customer(ExternalId.of(Source.SHOPIFY, store, id), false, text(customer, "email"),
                firstNonNull(text(customer, "first_name"), text(address, "first_name")),
                firstNonNull(text(customer, "last_name"), text(address, "last_name")),
                text(address, "company"), firstNonNull(text(customer, "phone"), text(address, "phone")),
                ShopifyOrderMapper.address(address));
    }
}
