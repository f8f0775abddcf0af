package io.commercesync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.model.Customer;
import io.commercesync.model.ExternalId;
import io.commercesync.model.Source;

import static io.commercesync.mapping.JsonFields.at;
import static io.commercesync.mapping.JsonFields.firstText;
import static io.commercesync.mapping.Payloads.firstNonNull;

/** Limio's Customer object (the "Customer Created / Updated" webhook) to the canonical customer. */
public final class LimioCustomerMapper {

    public Customer toCustomer(JsonNode object, String tenant) {
        String id = LimioObjects.id(object).orElseThrow(() -> new MappingException("The Limio customer has no id or name"));
        JsonNode fields = LimioObjects.fields(object);
        JsonNode details = firstNonNull(at(fields, "customerDetails"), fields);
        JsonNode billing = firstNonNull(at(fields, "billingDetails"), at(fields, "address"));
        return new Customer(ExternalId.of(Source.LIMIO, tenant, id), false,
                firstText(details, "email", "workEmail"), firstText(details, "firstName", "first_name"),
                firstText(details, "lastName", "last_name"), firstText(details, "companyName", "company"),
                firstText(details, "phone", "workPhone"), LimioOrderMapper.address(billing));
    }
}
