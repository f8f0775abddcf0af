package io.commercesync.sandbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.camel.component.salesforce.api.dto.AbstractDescribedSObjectBase;
import org.apache.camel.component.salesforce.api.dto.SObjectDescription;

/**
 * A minimal hand-written camel-salesforce DTO shaped like the generated ones (Java fields named
 * exactly like the Salesforce fields: camel finds the external-id value by field name).
 */
public class Contact extends AbstractDescribedSObjectBase {

    private String LastName;
    private String Commerce_Customer_Id__c;
    private String Email;

    public Contact() {
        getAttributes().setType("Contact");
    }

    static Contact of(String customerId, String lastName, String email) {
        Contact c = new Contact();
        c.Commerce_Customer_Id__c = customerId;
        c.LastName = lastName;
        c.Email = email;
        return c;
    }

    @JsonProperty("LastName")
    public String getLastName() {
        return LastName;
    }

    @JsonProperty("LastName")
    public void setLastName(String lastName) {
        this.LastName = lastName;
    }

    @JsonProperty("Commerce_Customer_Id__c")
    public String getCommerce_Customer_Id__c() {
        return Commerce_Customer_Id__c;
    }

    @JsonProperty("Commerce_Customer_Id__c")
    public void setCommerce_Customer_Id__c(String value) {
        this.Commerce_Customer_Id__c = value;
    }

    @JsonProperty("Email")
    public String getEmail() {
        return Email;
    }

    @JsonProperty("Email")
    public void setEmail(String email) {
        this.Email = email;
    }

    @Override
    public SObjectDescription description() {
        SObjectDescription d = new SObjectDescription();
        d.setName("Contact");
        return d;
    }
}
