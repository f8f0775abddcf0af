package io.commercesync.model;

/** A postal address; any part may be null. */
public record Address(String street, String city, String region, String postalCode, String country) {

    public boolean isEmpty() {
        return street == null && city == null && region == null && postalCode == null && country == null;
    }
}
