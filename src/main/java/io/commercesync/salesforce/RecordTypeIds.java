package io.commercesync.salesforce;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The id of a record type, by its object and DeveloperName (what an integrator configures; ids differ from
 * org to org), read once per app instance: one query the first time, nothing afterwards. A record type the org
 * does not have is a permanent failure ({@code RECORD_TYPE_NOT_FOUND}): create it or fix the setting, then replay.
 */
public final class RecordTypeIds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SalesforceSettings settings;
    private final OrgConnection org;
    private final Map<String, String> ids = new ConcurrentHashMap<>();

    public RecordTypeIds(SalesforceSettings settings, OrgConnection org) {
        this.settings = settings;
        this.org = org;
    }

    public String of(String sObject, String developerName) {
        return ids.computeIfAbsent(sObject + "." + developerName, key -> lookUp(sObject, developerName));
    }

    private String lookUp(String sObject, String developerName) {
        String soql = "SELECT Id FROM RecordType WHERE SobjectType = " + SoqlLiteral.quote(sObject)
                + " AND DeveloperName = " + SoqlLiteral.quote(developerName) + " AND IsActive = true LIMIT 1";
        ObjectNode request = JSON.createObjectNode().put("allOrNone", false);
        request.putArray("compositeRequest").addObject().put("method", "GET")
                .put("url", "/services/data/v" + settings.apiVersion() + "/query?q=" + PathSegment.encode(soql))
                .put("referenceId", "recordType");
        JsonNode records = org.compositeOrFail(request.toString(), Map.of("recordType", "RecordType"))
                .response().bodiesByReference().get("recordType").path("records");
        if (records.isEmpty()) {
            throw new SalesforceWriteException(new SalesforceError(404, "RECORD_TYPE_NOT_FOUND", "The org has no active "
                    + sObject + " record type named " + developerName, List.of("RecordTypeId"), sObject));
        }
        return records.get(0).path("Id").asText();
    }
}
