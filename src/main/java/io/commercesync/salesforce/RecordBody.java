package io.commercesync.salesforce;

import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.model.Address;

/**
 * The fields of one record to write, where a blank store value is left out rather than sent as null: it never
 * overwrites what Salesforce holds. Texts are cut to the field's length when one is given.
 */
final class RecordBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode json = JSON.createObjectNode();

    RecordBody text(String field, String value) {
        if (value != null && !value.isBlank()) {
            json.put(field, value);
        }
        return this;
    }

    RecordBody text(Optional<String> field, String value) {
        field.ifPresent(name -> text(name, value));
        return this;
    }

    RecordBody text(String field, String value, int maxLength) {
        return text(field, value == null || value.length() <= maxLength ? value : value.substring(0, maxLength));
    }

    /** The address's parts into {@code <prefix>Street}, {@code City}, {@code State}, {@code PostalCode}, {@code Country}. */
    RecordBody address(String prefix, Address address) {
        if (address != null) {
            text(prefix + "Street", address.street());
            text(prefix + "City", address.city());
            text(prefix + "State", address.region());
            text(prefix + "PostalCode", address.postalCode());
            text(prefix + "Country", address.country());
        }
        return this;
    }

    /** A lookup by the parent's external id: {@code "Account": {"Commerce_Customer_Id__c": "…"}}. */
    RecordBody parent(String relationship, String externalIdField, String externalId) {
        json.putObject(relationship).put(externalIdField, externalId);
        return this;
    }

    ObjectNode json() {
        return json;
    }
}
