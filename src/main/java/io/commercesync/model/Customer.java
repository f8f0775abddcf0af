package io.commercesync.model;

/**
 * The buyer. {@code externalId} is namespaced ({@link ExternalId}); a guest checkout has {@code guest = true}
 * and an external id derived from the e-mail address, so a redelivery finds the same records.
 */
public record Customer(String externalId, boolean guest, String email, String firstName, String lastName,
                       String company, String phone, Address address) {

    /** The name a person is known by: "First Last", the e-mail, or the external id as a last resort. */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        if (!name.isEmpty()) {
            return name;
        }
        return email != null ? email : externalId;
    }
}
