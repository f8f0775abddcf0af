package io.commercesync.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Object rules that run inside the write transaction, the org's built-in "triggers": the standard
 * price book, price book entries, opportunity line items (price book checks, prices, the Amount
 * roll-up) and order products. Throw {@link ApiException} to reject a write.
 */
class RecordRules {

    private static final Logger LOG = LoggerFactory.getLogger(RecordRules.class);
    private static final String ENTRY = "PricebookEntryId";

    private final Schema schema;
    private final RecordStore store;

    RecordRules(Schema schema, RecordStore store) {
        this.schema = schema;
        this.store = store;
    }

    void beforeInsert(SObjectSchema type, Map<String, Object> fields) {
        switch (type.name()) {
            case "Account" -> accountInsert(fields);
            case "PricebookEntry" -> priceBookEntry(fields);
            case "OpportunityLineItem" -> opportunityLine(fields);
            case "OrderItem" -> orderItem(fields);
            case "Order" -> {
                if (ACTIVATED.equals(fields.get("Status"))) {
                    throw ApiErrors.badRequest("FIELD_INTEGRITY_EXCEPTION", "Create the order with a Draft status; "
                            + "activate it with a later update.: Status", List.of("Status"));
                }
            }
            default -> {
            }
        }
    }

    void beforeUpdate(SObjectSchema type, Map<String, Object> before, Map<String, Object> changes) {
        switch (type.name()) {
            case "Account" -> accountUpdate(before, changes);
            case "Contact" -> {
                if (Boolean.TRUE.equals(before.get("IsPersonAccount"))) {
                    throw personContactWrite("update");
                }
            }
            case "Opportunity" -> {
                if (!lines("OpportunityLineItem", "OpportunityId", before.get("Id")).isEmpty()) {
                    changes.remove("Amount"); // read-only while line items exist; Salesforce ignores it
                    rejectChange(before, changes, "Pricebook2Id", "cannot change pricebook on opportunity with line items");
                    rejectChange(before, changes, "CurrencyIsoCode", "cannot change currency on opportunity with line items");
                }
            }
            case "OpportunityLineItem" -> {
                if (changes.get("UnitPrice") != null && changes.get("TotalPrice") != null) {
                    throw ApiErrors.badRequest("INVALID_FIELD", "Cannot change both 'UnitPrice' and 'TotalPrice' in "
                            + "update call", List.of("UnitPrice"));
                }
                Map<String, Object> after = new LinkedHashMap<>(before);
                after.putAll(changes);
                if (changes.get("TotalPrice") != null) {
                    after.remove("UnitPrice");
                } else if (changes.containsKey("UnitPrice") || changes.containsKey("Quantity") || changes.containsKey("Discount")) {
                    after.remove("TotalPrice");
                }
                prices(after);
                changes.put("UnitPrice", after.get("UnitPrice"));
                changes.put("TotalPrice", after.get("TotalPrice"));
            }
            case "Order" -> orderUpdate(before, changes);
            case "OrderItem" -> {
                rejectIfActivated(before.get("OrderId"), "edit products of");
                Map<String, Object> after = new LinkedHashMap<>(before);
                after.putAll(changes);
                changes.put("TotalPrice", multiply(after.get("UnitPrice"), after.get("Quantity")));
            }
            case "PricebookEntry" -> {
                if (Boolean.TRUE.equals(changes.get("UseStandardPrice")) || (Boolean.TRUE.equals(before.get("UseStandardPrice"))
                        && !changes.containsKey("UseStandardPrice"))) {
                    changes.remove("UnitPrice");
                }
            }
            default -> {
            }
        }
    }

    void beforeDelete(SObjectSchema type, Map<String, Object> before) {
        switch (type.name()) {
            case "Pricebook2" -> {
                if (Boolean.TRUE.equals(before.get("IsStandard"))) {
                    throw ApiErrors.badRequest("DELETE_FAILED", "You can't delete the standard price book.", List.of());
                }
            }
            case "Opportunity" -> cascade("OpportunityLineItem", "OpportunityId", before.get("Id"));
            case "Account" -> {
                for (Map<String, Object> opp : lines("Opportunity", "AccountId", before.get("Id"))) {
                    cascade("OpportunityLineItem", "OpportunityId", opp.get("Id"));
                    store.delete("Opportunity", (String) opp.get("Id"));
                }
                cascade("Contact", "AccountId", before.get("Id"));
            }
            case "Contact" -> {
                if (Boolean.TRUE.equals(before.get("IsPersonAccount"))) {
                    throw personContactWrite("delete");
                }
            }
            case "Order" -> {
                if (ACTIVATED.equals(before.get("Status"))) {
                    throw ApiErrors.badRequest("DELETE_FAILED", "You can't delete an activated order.", List.of());
                }
                cascade("OrderItem", "OrderId", before.get("Id"));
            }
            case "OrderItem" -> rejectIfActivated(before.get("OrderId"), "delete products of");
            default -> {
            }
        }
    }

    void afterWrite(SObjectSchema type, String id) {
        switch (type.name()) {
            case "Account" -> syncPersonContact(id);
            case "Opportunity" -> recordOpportunityHistory(id);
            case "OpportunityLineItem" -> store.get(type.name(), id)
                    .ifPresent(line -> rollUpOpportunity((String) line.get("OpportunityId")));
            case "OrderItem" -> store.get(type.name(), id).ifPresent(item -> rollUpOrder((String) item.get("OrderId")));
            default -> {
            }
        }
    }

    void afterDelete(SObjectSchema type, Map<String, Object> before) {
        switch (type.name()) {
            case "OpportunityLineItem" -> rollUpOpportunity((String) before.get("OpportunityId"));
            case "OrderItem" -> rollUpOrder((String) before.get("OrderId"));
            default -> {
            }
        }
    }

    // ---- person accounts ---------------------------------------------------------------------------

    /** Seeds the Account record types of an org with person accounts: business and person. */
    void seedRecordTypes() {
        if (!schema.personAccounts()) {
            return;
        }
        SObjectSchema recordType = schema.object("RecordType").orElseThrow();
        store.insert(recordType, recordType("Business Account", "Business_Account", false));
        store.insert(recordType, recordType("Person Account", "PersonAccount", true));
    }

    private static Map<String, Object> recordType(String name, String developerName, boolean person) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Name", name);
        fields.put("DeveloperName", developerName);
        fields.put("SobjectType", "Account");
        fields.put("IsActive", true);
        fields.put("IsPersonType", person);
        return fields;
    }

    String personAccountRecordTypeId() {
        return store.findBy("RecordType", "DeveloperName", "PersonAccount").stream().findFirst()
                .map(r -> (String) r.get("Id")).orElse(null);
    }

    private boolean isPersonRecordType(Object recordTypeId) {
        return recordTypeId != null && store.get("RecordType", (String) recordTypeId)
                .map(r -> Boolean.TRUE.equals(r.get("IsPersonType"))).orElse(false);
    }

    private static boolean isPersonField(String field) {
        return Schema.PERSON_FIELDS.containsKey(field) || field.endsWith("__pc");
    }

    private void accountInsert(Map<String, Object> fields) {
        if (!schema.personAccounts()) {
            return;
        }
        boolean person = isPersonRecordType(fields.get("RecordTypeId"));
        fields.put("IsPersonAccount", person);
        if (!person) {
            rejectPersonFields(fields);
            return;
        }
        if (fields.get("Name") != null) {
            throw badFieldNames("Name");
        }
        if (fields.get("LastName") == null) {
            throw ApiErrors.badRequest("REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName]", List.of("LastName"));
        }
        fields.put("Name", personName(fields));
    }

    private void accountUpdate(Map<String, Object> before, Map<String, Object> changes) {
        if (!schema.personAccounts()) {
            return;
        }
        boolean person = Boolean.TRUE.equals(before.get("IsPersonAccount"));
        if (changes.containsKey("RecordTypeId") && isPersonRecordType(changes.get("RecordTypeId")) != person) {
            throw ApiErrors.badRequest("INVALID_FIELD_FOR_INSERT_UPDATE", "The sandbox org does not convert between "
                    + "business and person accounts", List.of("RecordTypeId"));
        }
        if (!person) {
            rejectPersonFields(changes);
            return;
        }
        if (changes.containsKey("Name")) {
            throw badFieldNames("Name");
        }
        if (changes.containsKey("LastName") && changes.get("LastName") == null) {
            throw ApiErrors.badRequest("REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName]", List.of("LastName"));
        }
        if (changes.containsKey("FirstName") || changes.containsKey("LastName")) {
            Map<String, Object> after = new LinkedHashMap<>(before);
            after.putAll(changes);
            changes.put("Name", personName(after));
        }
    }

    private static void rejectPersonFields(Map<String, Object> fields) {
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (isPersonField(e.getKey()) && e.getValue() != null) {
                throw ApiErrors.badRequest("INVALID_FIELD_FOR_INSERT_UPDATE", "Business Account may not use Person "
                        + "Account field " + e.getKey(), List.of(e.getKey()));
            }
        }
    }

    private static ApiException badFieldNames(String field) {
        return ApiErrors.badRequest("INVALID_FIELD_FOR_INSERT_UPDATE", "Account: bad field names on insert/update call: "
                + field, List.of(field));
    }

    private static ApiException personContactWrite(String what) {
        return ApiErrors.badRequest("INVALID_FIELD_FOR_INSERT_UPDATE", "Cannot " + what + " the contact of a person "
                + "account directly; " + what + " the account instead", List.of());
    }

    private static String personName(Map<String, Object> fields) {
        Object first = fields.get("FirstName");
        return (first == null ? "" : first + " ") + fields.get("LastName");
    }

    /** Keeps a person account's contact in step with the account's person fields. */
    private void syncPersonContact(String accountId) {
        Map<String, Object> account = store.get("Account", accountId).orElse(null);
        if (account == null || !Boolean.TRUE.equals(account.get("IsPersonAccount"))) {
            return;
        }
        SObjectSchema contactType = schema.object("Contact").orElseThrow();
        Map<String, Object> fields = new LinkedHashMap<>();
        Schema.PERSON_FIELDS.forEach((accountField, contactField) -> {
            if (contactType.field(contactField).isPresent()) {
                fields.put(contactField, account.get(accountField));
            }
        });
        for (Map.Entry<String, Object> e : account.entrySet()) {
            if (e.getKey().endsWith("__pc")) {
                fields.put(e.getKey().substring(0, e.getKey().length() - 4) + "__c", e.getValue());
            }
        }
        fields.put("AccountId", accountId);
        fields.put("IsPersonAccount", true);
        if (account.get("CurrencyIsoCode") != null && contactType.field("CurrencyIsoCode").isPresent()) {
            fields.put("CurrencyIsoCode", account.get("CurrencyIsoCode"));
        }
        Object contactId = account.get("PersonContactId");
        for (FieldSpec f : contactType.fields()) {
            if (f.unique() && fields.get(f.name()) != null && !"Id".equals(f.name())) {
                for (Map<String, Object> other : store.findBy("Contact", f.name(), fields.get(f.name()))) {
                    if (!other.get("Id").equals(contactId)) {
                        throw ApiErrors.badRequest("DUPLICATE_VALUE", "duplicate value found: " + f.name()
                                + " duplicates value on record with id: " + other.get("Id"), List.of());
                    }
                }
            }
        }
        if (contactId == null) {
            String id = store.insert(contactType, fields);
            store.update("Account", accountId, Map.of("PersonContactId", id));
            LOG.debug("person account {} has person contact {}", accountId, id);
        } else {
            store.update("Contact", (String) contactId, fields);
        }
    }

    // ---- standard price book ---------------------------------------------------------------------

    /** Creates the org's one standard price book (active); returns its id, {@code null} when the schema has no Pricebook2. */
    String seedStandardPricebook() {
        Optional<SObjectSchema> type = schema.object("Pricebook2");
        if (type.isEmpty()) {
            return null;
        }
        SObjectSchema pricebook = type.get();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Name", "Standard Price Book");
        fields.put("IsActive", true);
        fields.put("IsStandard", true);
        fields.put("Description", null);
        return store.insert(pricebook, fields);
    }

    private String standardPricebookId() {
        return store.findBy("Pricebook2", "IsStandard", true).stream().findFirst()
                .map(r -> (String) r.get("Id")).orElse(null);
    }

    // ---- PricebookEntry ----------------------------------------------------------------------------

    private void priceBookEntry(Map<String, Object> fields) {
        Object product = fields.get("Product2Id");
        Object pricebook = fields.get("Pricebook2Id");
        Object currency = fields.get("CurrencyIsoCode");
        if (product == null || pricebook == null) {
            return; // the required-field check has answered already
        }
        for (Map<String, Object> other : store.findBy("PricebookEntry", "Product2Id", product)) {
            if (pricebook.equals(other.get("Pricebook2Id")) && Objects.equals(currency, other.get("CurrencyIsoCode"))) {
                throw ApiErrors.badRequest("DUPLICATE_VALUE", "This price definition already exists in this price book",
                        List.of());
            }
        }
        String standard = standardPricebookId();
        boolean isStandard = pricebook.equals(standard);
        Map<String, Object> standardEntry = null;
        if (!isStandard) {
            for (Map<String, Object> e : store.findBy("PricebookEntry", "Product2Id", product)) {
                if (Objects.equals(standard, e.get("Pricebook2Id")) && Objects.equals(currency, e.get("CurrencyIsoCode"))) {
                    standardEntry = e;
                }
            }
            if (standardEntry == null) {
                throw ApiErrors.badRequest("STANDARD_PRICE_NOT_DEFINED", "No standard price defined for this product",
                        List.of());
            }
        }
        if (Boolean.TRUE.equals(fields.get("UseStandardPrice")) && standardEntry != null) {
            fields.put("UnitPrice", standardEntry.get("UnitPrice"));
        } else if (fields.get("UnitPrice") == null) {
            throw ApiErrors.badRequest("REQUIRED_FIELD_MISSING", "Required fields are missing: [UnitPrice]",
                    List.of("UnitPrice"));
        }
        if (isStandard) {
            fields.put("UseStandardPrice", false);
        }
    }

    // ---- OpportunityLineItem -----------------------------------------------------------------------

    private void opportunityLine(Map<String, Object> fields) {
        Object oppId = fields.get("OpportunityId");
        if (oppId == null) {
            return;
        }
        Map<String, Object> opp = store.get("Opportunity", (String) oppId).orElseThrow(ApiErrors::notFound);
        Map<String, Object> entry = entryFor(fields);
        if (!Boolean.TRUE.equals(entry.get("IsActive"))) {
            throw integrity(ENTRY, "pricebook entry is inactive");
        }
        if (!Objects.equals(entry.get("CurrencyIsoCode"), opp.get("CurrencyIsoCode"))) {
            throw integrity(ENTRY, "pricebook entry currency code does not match opportunity currency code");
        }
        Object pricebook = opp.get("Pricebook2Id");
        if (pricebook == null) {
            Map<String, Object> book = store.get("Pricebook2", (String) entry.get("Pricebook2Id")).orElseThrow();
            if (!Boolean.TRUE.equals(book.get("IsActive"))) {
                throw integrity(ENTRY, "pricebook entry is in an inactive pricebook");
            }
            store.update("Opportunity", (String) oppId, Map.of("Pricebook2Id", entry.get("Pricebook2Id")));
            LOG.debug("opportunity {} takes price book {} from its first line item", oppId, entry.get("Pricebook2Id"));
        } else if (!pricebook.equals(entry.get("Pricebook2Id"))) {
            throw integrity(ENTRY, "pricebook entry is in a different pricebook than the one assigned to the opportunity");
        }
        if (fields.get("Product2Id") != null && !fields.get("Product2Id").equals(entry.get("Product2Id"))) {
            throw integrity("Product2Id", "product does not match the pricebook entry");
        }
        fields.put(ENTRY, entry.get("Id"));
        fields.put("Product2Id", entry.get("Product2Id"));
        fields.put("ListPrice", entry.get("UnitPrice"));
        if (fields.get("UnitPrice") != null && fields.get("TotalPrice") != null) {
            throw bothPrices();
        }
        if (fields.get("UnitPrice") == null && fields.get("TotalPrice") == null) {
            throw integrity("unknown", "must specify either unit price or total price");
        }
        prices(fields);
    }

    /**
     * The line's price book entry. Salesforce requires PricebookEntryId on insert (a Product2Id
     * alone is not enough), with this exact error when it is missing.
     */
    private Map<String, Object> entryFor(Map<String, Object> fields) {
        Object entryId = fields.get(ENTRY);
        if (entryId != null) {
            return store.get("PricebookEntry", (String) entryId).orElseThrow(ApiErrors::notFound);
        }
        throw ApiErrors.badRequest("FIELD_INTEGRITY_EXCEPTION", "field integrity exception: PricebookEntryId, unknown "
                + "(versions 3.0 and higher must specify pricebook entry id; others must specify product id)",
                List.of(ENTRY, "unknown"));
    }

    /** Fills UnitPrice from TotalPrice or TotalPrice from UnitPrice, Quantity and Discount. */
    private static void prices(Map<String, Object> line) {
        BigDecimal quantity = decimal(line.get("Quantity"));
        if (quantity == null) {
            return;
        }
        if (quantity.signum() == 0) {
            throw integrity("Quantity", "quantity must be nonzero");
        }
        BigDecimal total = decimal(line.get("TotalPrice"));
        if (total != null) {
            line.put("UnitPrice", total.divide(quantity, 2, RoundingMode.HALF_UP));
            return;
        }
        BigDecimal unit = decimal(line.get("UnitPrice"));
        BigDecimal discount = decimal(line.get("Discount"));
        BigDecimal value = unit.multiply(quantity);
        if (discount != null) {
            value = value.multiply(BigDecimal.ONE.subtract(discount.movePointLeft(2)));
        }
        line.put("TotalPrice", value.setScale(2, RoundingMode.HALF_UP));
    }

    private void rollUpOpportunity(String oppId) {
        if (oppId == null || store.get("Opportunity", oppId).isEmpty()) {
            return;
        }
        List<Map<String, Object>> lines = lines("OpportunityLineItem", "OpportunityId", oppId);
        BigDecimal amount = BigDecimal.ZERO;
        for (Map<String, Object> line : lines) {
            BigDecimal total = decimal(line.get("TotalPrice"));
            amount = total == null ? amount : amount.add(total);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("Amount", amount);
        changes.put("HasOpportunityLineItem", !lines.isEmpty());
        store.update("Opportunity", oppId, changes);
        recordOpportunityHistory(oppId);
    }

    private static final List<String> HISTORY_FIELDS = List.of("StageName", "Amount", "CloseDate");

    /**
     * Salesforce keeps an OpportunityHistory row (read-only) for each change of an opportunity's stage,
     * amount or close date, the first one on creation: a sales team reads the life of a deal there.
     */
    private void recordOpportunityHistory(String oppId) {
        Optional<SObjectSchema> historyType = schema.object("OpportunityHistory");
        Map<String, Object> opportunity = store.get("Opportunity", oppId).orElse(null);
        if (historyType.isEmpty() || opportunity == null) {
            return;
        }
        Map<String, Object> latest = store.findBy("OpportunityHistory", "OpportunityId", oppId).stream()
                .max(java.util.Comparator.comparing(row -> (String) row.get("Id"))).orElse(null);
        if (latest != null && HISTORY_FIELDS.stream().allMatch(f -> RecordStore.matches(latest.get(f), opportunity.get(f)))) {
            return;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("OpportunityId", oppId);
        HISTORY_FIELDS.forEach(f -> row.put(f, opportunity.get(f)));
        store.insert(historyType.get(), row);
    }

    // ---- OrderItem ----------------------------------------------------------------------------------

    private static final String ACTIVATED = "Activated";

    /**
     * Orders: only Status may change when activating; an activated order's other fields, products
     * and the order itself are locked until it is set back to Draft (unchanged values are ignored).
     */
    private void orderUpdate(Map<String, Object> before, Map<String, Object> changes) {
        boolean wasActive = ACTIVATED.equals(before.get("Status"));
        Object status = changes.getOrDefault("Status", before.get("Status"));
        List<String> others = new java.util.ArrayList<>();
        changes.forEach((field, value) -> {
            if (!"Status".equals(field) && !RecordStore.matches(value, before.get(field))) {
                others.add(field);
            }
        });
        if (!wasActive && ACTIVATED.equals(status) && !others.isEmpty()) {
            throw ApiErrors.badRequest("FIELD_INTEGRITY_EXCEPTION", "When activating an order, Status must be the only "
                    + "field that changes: " + String.join(", ", others), others);
        }
        if (wasActive && ACTIVATED.equals(status) && !others.isEmpty()) {
            throw ApiErrors.badRequest("FIELD_INTEGRITY_EXCEPTION", "You can't edit an activated order: "
                    + String.join(", ", others), others);
        }
    }

    private void rejectIfActivated(Object orderId, String what) {
        if (orderId != null && store.get("Order", (String) orderId)
                .map(o -> ACTIVATED.equals(o.get("Status"))).orElse(false)) {
            throw ApiErrors.badRequest("FIELD_INTEGRITY_EXCEPTION", "You can't " + what + " an activated order.",
                    List.of("OrderId"));
        }
    }

    private void orderItem(Map<String, Object> fields) {
        Object orderId = fields.get("OrderId");
        Object entryId = fields.get(ENTRY);
        if (orderId == null || entryId == null) {
            return;
        }
        rejectIfActivated(orderId, "add products to");
        Map<String, Object> order = store.get("Order", (String) orderId).orElseThrow(ApiErrors::notFound);
        Map<String, Object> entry = store.get("PricebookEntry", (String) entryId).orElseThrow(ApiErrors::notFound);
        if (order.get("Pricebook2Id") == null || !order.get("Pricebook2Id").equals(entry.get("Pricebook2Id"))
                || !Objects.equals(order.get("CurrencyIsoCode"), entry.get("CurrencyIsoCode"))) {
            throw ApiErrors.badRequest("FIELD_INTEGRITY_EXCEPTION", "Order Products must have a Price Book Entry that "
                    + "belongs to the Price Book related to the parent Order.: Price Book Entry ID", List.of(ENTRY));
        }
        if (!Boolean.TRUE.equals(entry.get("IsActive"))) {
            throw integrity(ENTRY, "pricebook entry is inactive");
        }
        BigDecimal quantity = decimal(fields.get("Quantity"));
        if (quantity != null && quantity.signum() == 0) {
            throw integrity("Quantity", "quantity must be nonzero");
        }
        fields.put("Product2Id", entry.get("Product2Id"));
        fields.put("ListPrice", entry.get("UnitPrice"));
        fields.put("TotalPrice", multiply(fields.get("UnitPrice"), fields.get("Quantity")));
    }

    private void rollUpOrder(String orderId) {
        if (orderId == null || store.get("Order", orderId).isEmpty()) {
            return;
        }
        BigDecimal amount = BigDecimal.ZERO;
        for (Map<String, Object> item : lines("OrderItem", "OrderId", orderId)) {
            BigDecimal total = decimal(item.get("TotalPrice"));
            amount = total == null ? amount : amount.add(total);
        }
        store.update("Order", orderId, Map.of("TotalAmount", amount));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private List<Map<String, Object>> lines(String type, String parentField, Object parentId) {
        return store.findBy(type, parentField, parentId);
    }

    private void cascade(String childType, String parentField, Object parentId) {
        for (Map<String, Object> child : lines(childType, parentField, parentId)) {
            store.delete(childType, (String) child.get("Id"));
        }
    }

    private static void rejectChange(Map<String, Object> before, Map<String, Object> changes, String field, String why) {
        if (changes.containsKey(field) && !Objects.equals(changes.get(field), before.get(field))) {
            throw integrity(field, why);
        }
    }

    private static ApiException integrity(String field, String why) {
        return ApiErrors.badRequest("FIELD_INTEGRITY_EXCEPTION", "field integrity exception: " + field + " (" + why + ")",
                "unknown".equals(field) ? List.of() : List.of(field));
    }

    private static ApiException bothPrices() {
        return integrity("TotalPrice", "cannot specify both unit price and total price");
    }

    private static BigDecimal decimal(Object v) {
        return v == null ? null : v instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(v));
    }

    private static BigDecimal multiply(Object a, Object b) {
        BigDecimal x = decimal(a);
        BigDecimal y = decimal(b);
        return x == null || y == null ? null : x.multiply(y).setScale(2, RoundingMode.HALF_UP);
    }
}
