package io.commercesync.sandbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.camel.component.salesforce.api.dto.AbstractDescribedSObjectBase;
import org.apache.camel.component.salesforce.api.dto.SObjectDescription;

/** A minimal hand-written camel-salesforce DTO, as generated DTOs look, for the collection operations. */
public class Contact extends AbstractDescribedSObjectBase {

    private String lastName;
    private String customerId;
    private String email;

    public Contact() {
        getAttributes().setType("Contact");
    }

    static Contact of(String customerId, String lastName, String email) {
        Contact c = new Contact();
        c.customerId = customerId;
        c.lastName = lastName;
        c.email = email;
        return c;
    }

    @JsonProperty("LastName")
    public String getLastName() {
        return lastName;
    }

    @JsonProperty("LastName")
    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    @JsonProperty("Commerce_Customer_Id__c")
    public String getCustomerId() {
        return customerId;
    }

    @JsonProperty("Commerce_Customer_Id__c")
    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    @JsonProperty("Email")
    public String getEmail() {
        return email;
    }

    @JsonProperty("Email")
    public void setEmail(String email) {
        this.email = email;
    }

    @Override
    public SObjectDescription description() {
        SObjectDescription d = new SObjectDescription();
        d.setName("Contact");
        return d;
    }
}
