package io.commercesync.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One subrequest of a {@code /composite} request, with its reference id; values in URLs are percent-encoded. */
final class CompositeSubrequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;

    CompositeSubrequest(SalesforceSettings settings) {
        this.base = "/services/data/v" + settings.apiVersion();
    }

    /** PATCH by external id: creates the record or updates the one with that key. */
    ObjectNode upsert(String referenceId, String sObject, String externalIdField, String externalId, JsonNode body) {
        return subrequest("PATCH", "/sobjects/" + sObject + "/" + externalIdField + "/" + PathSegment.encode(externalId), referenceId, body);
    }

    /** PATCH of a record found by id. */
    ObjectNode update(String referenceId, String sObject, String id, JsonNode body) {
        return subrequest("PATCH", "/sobjects/" + sObject + "/" + id, referenceId, body);
    }

    ObjectNode create(String referenceId, String sObject, JsonNode body) {
        return subrequest("POST", "/sobjects/" + sObject, referenceId, body);
    }

    /** PATCH of an sObject Collection by external id (all or none). */
    ObjectNode upsertAll(String referenceId, String sObject, String externalIdField, JsonNode records) {
        ObjectNode body = JSON.createObjectNode().put("allOrNone", true);
        body.set("records", records);
        return subrequest("PATCH", "/composite/sobjects/" + sObject + "/" + externalIdField, referenceId, body);
    }

    /** A SOQL query; {@code unencodedSuffix} may carry a reference such as {@code @{newer.totalSize}}. */
    ObjectNode query(String referenceId, String soql, String unencodedSuffix) {
        return subrequest("GET", "/query?q=" + PathSegment.encode(soql) + unencodedSuffix, referenceId, null);
    }

    /** DELETE of up to 200 records by id, all or none. */
    ObjectNode deleteAll(String referenceId, java.util.List<String> ids) {
        return subrequest("DELETE", "/composite/sobjects?allOrNone=true&ids=" + String.join(",", ids), referenceId, null);
    }

    private ObjectNode subrequest(String method, String path, String referenceId, JsonNode body) {
        ObjectNode subrequest = JSON.createObjectNode();
        subrequest.put("method", method);
        subrequest.put("url", base + path);
        subrequest.put("referenceId", referenceId);
        if (body != null) {
            subrequest.set("body", body);
        }
        return subrequest;
    }
}
