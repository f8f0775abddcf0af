package io.commercesync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.model.Customer;
import io.commercesync.model.ExternalId;
import io.commercesync.model.Source;

import static io.commercesync.mapping.JsonFields.at;
import static io.commercesync.mapping.JsonFields.text;
import static io.commercesync.mapping.Payloads.firstNonNull;

/**
 * WooCommerce's customer object (the {@code customer.created} and {@code customer.updated} body) to the
 * canonical customer, with the same external id as the orders of this customer ({@code customer_id}).
 *
 * @see <a href="https://woocommerce.github.io/woocommerce-rest-api-docs/#customer-properties">WooCommerce REST API: customer properties</a>
 */
public final class WooCommerceCustomerMapper {

    public Customer toCustomer(JsonNode customer, String site) {
        String id = Payloads.requiredId(customer, "id", "WooCommerce customer");
        JsonNode billing = at(customer, "billing");
        return new Customer(ExternalId.of(Source.WOOCOMMERCE, site, id), false,
                firstNonNull(text(customer, "email"), text(billing, "email")),
                firstNonNull(text(customer, "first_name"), text(billing, "first_name")),
                firstNonNull(text(customer, "last_name"), text(billing, "last_name")),
                text(billing, "company"), text(billing, "phone"), WooCommerceOrderMapper.address(billing));
    }
}
