package io.commercesync.salesforce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PricebookEntry ids of the products lines name, found by the product key (Product2's external id,
 * {@code commerce.sync.product-key-field}) in the configured price book and currency, and kept: a product is
 * looked up once per app instance, not once per order. Misses of one order (or one batch) are looked up
 * together in one call; with {@code commerce.sync.create-products=true} the products still missing are
 * created (Product2 upserted by its key, a standard PricebookEntry, and one in the configured book when it
 * is not the standard one) in one more call; otherwise {@link UnknownProductException}.
 */
public final class PriceBookCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(PriceBookCatalogue.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEYS_PER_QUERY = 100;
    private static final int QUERIES_PER_CALL = 5;
    private static final int PRODUCTS_PER_CREATE_CALL = 8;

    private final SalesforceSettings settings;
    private final OrgConnection org;
    private final Map<String, String> entries = new ConcurrentHashMap<>();
    private volatile PriceBooks books;

    private record PriceBooks(String standardId, String configuredId) {
        boolean configuredIsStandard() {
            return standardId.equals(configuredId);
        }
    }

    public PriceBookCatalogue(SalesforceSettings settings, OrgConnection org) {
        this.settings = settings;
        this.org = org;
    }

    /** The id of the price book lines come from (the Opportunity's {@code Pricebook2Id}). */
    public String pricebookId() {
        return books().configuredId();
    }

    /** PricebookEntry id by product key, for every product given (in {@code currency} on multi-currency orgs). */
    public Map<String, String> entryIds(Collection<CatalogueProduct> products, String currency) {
        String cur = settings.multiCurrency() ? currency : null;
        Map<String, String> found = new HashMap<>();
        Map<String, CatalogueProduct> missing = new LinkedHashMap<>();
        for (CatalogueProduct product : products) {
            String id = entries.get(cacheKey(product.key(), cur));
            if (id != null) {
                found.put(product.key(), id);
            } else {
                missing.putIfAbsent(product.key(), product);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        synchronized (this) {
            lookUp(missing.keySet(), cur);
            List<CatalogueProduct> absent = missing.values().stream()
                    .filter(p -> !entries.containsKey(cacheKey(p.key(), cur))).toList();
            if (!absent.isEmpty()) {
                if (!settings.createProducts()) {
                    throw new UnknownProductException(absent.stream().map(CatalogueProduct::key).toList(),
                            settings.pricebook().isBlank() ? "the standard price book" : settings.pricebook(), cur);
                }
                create(absent, cur);
            }
        }
        for (CatalogueProduct product : missing.values()) {
            found.put(product.key(), entries.get(cacheKey(product.key(), cur)));
        }
        return found;
    }

    /** Forget every entry, e.g. after Salesforce refused one (deleted or deactivated in the org). */
    public void forget() {
        entries.clear();
    }

    private void lookUp(Collection<String> keys, String currency) {
        List<String> all = new ArrayList<>(keys);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < all.size(); i += KEYS_PER_QUERY) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + KEYS_PER_QUERY));
            queries.add("SELECT Id, CurrencyIsoCode, Product2." + settings.productKeyField() + " FROM PricebookEntry"
                    + " WHERE Pricebook2Id = " + SoqlLiteral.quote(pricebookId()) + " AND IsActive = true"
                    + " AND Product2." + settings.productKeyField() + " IN " + SoqlLiteral.list(chunk)
                    + (currency == null ? "" : " AND CurrencyIsoCode = " + SoqlLiteral.quote(currency)));
        }
        for (int i = 0; i < queries.size(); i += QUERIES_PER_CALL) {
            List<String> batch = queries.subList(i, Math.min(queries.size(), i + QUERIES_PER_CALL));
            CompositeResponse response = org.compositeOrFail(queryRequest(batch), Map.of("q", "PricebookEntry")).response();
            for (int q = 0; q < batch.size(); q++) {
                for (JsonNode record : response.bodiesByReference().get("q" + q).path("records")) {
                    String key = record.path("Product2").path(settings.productKeyField()).asText();
                    entries.put(cacheKey(key, currency), record.path("Id").asText());
                }
            }
        }
    }

    private void create(List<CatalogueProduct> products, String currency) {
        PriceBooks books = books();
        for (int i = 0; i < products.size(); i += PRODUCTS_PER_CREATE_CALL) {
            List<CatalogueProduct> chunk = products.subList(i, Math.min(products.size(), i + PRODUCTS_PER_CREATE_CALL));
            ObjectNode request = JSON.createObjectNode().put("allOrNone", true);
            ArrayNode subrequests = request.putArray("compositeRequest");
            for (int p = 0; p < chunk.size(); p++) {
                CatalogueProduct product = chunk.get(p);
                ObjectNode body = JSON.createObjectNode()
                        .put("Name", truncate(product.name() == null || product.name().isBlank() ? product.key() : product.name(), 255))
                        .put("IsActive", true);
                subrequests.add(subrequest("PATCH", "/sobjects/Product2/" + settings.productKeyField() + "/"
                        + PathSegment.encode(product.key()), "product" + p, body));
                subrequests.add(subrequest("POST", "/sobjects/PricebookEntry", "standard" + p,
                        entry(books.standardId(), "@{product" + p + ".id}", product.price(), currency)));
                if (!books.configuredIsStandard()) {
                    subrequests.add(subrequest("POST", "/sobjects/PricebookEntry", "entry" + p,
                            entry(books.configuredId(), "@{product" + p + ".id}", product.price(), currency)));
                }
            }
            CompositeResponse response = org.compositeOrFail(request.toString(),
                    Map.of("product", "Product2", "standard", "PricebookEntry", "entry", "PricebookEntry")).response();
            for (int p = 0; p < chunk.size(); p++) {
                String id = response.idsByReference().get((books.configuredIsStandard() ? "standard" : "entry") + p);
                entries.put(cacheKey(chunk.get(p).key(), currency), id);
            }
            LOG.info("Created {} product(s) with their price book entries", chunk.size());
        }
    }

    private ObjectNode entry(String pricebookId, String productReference, BigDecimal price, String currency) {
        ObjectNode entry = JSON.createObjectNode()
                .put("Pricebook2Id", pricebookId)
                .put("Product2Id", productReference)
                .put("UnitPrice", price == null ? BigDecimal.ZERO : price.setScale(2, RoundingMode.HALF_UP))
                .put("IsActive", true);
        if (currency != null) {
            entry.put("CurrencyIsoCode", currency);
        }
        return entry;
    }

    private PriceBooks books() {
        PriceBooks known = books;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (books == null) {
                List<String> queries = new ArrayList<>(List.of("SELECT Id FROM Pricebook2 WHERE IsStandard = true LIMIT 1"));
                if (!settings.pricebook().isBlank()) {
                    queries.add("SELECT Id FROM Pricebook2 WHERE Name = " + SoqlLiteral.quote(settings.pricebook())
                            + " AND IsActive = true LIMIT 1");
                }
                CompositeResponse response = org.compositeOrFail(queryRequest(queries), Map.of("q", "Pricebook2")).response();
                String standard = firstId(response, "q0", "the standard price book");
                String configured = queries.size() > 1 ? firstId(response, "q1", "price book " + settings.pricebook()) : standard;
                books = new PriceBooks(standard, configured);
            }
            return books;
        }
    }

    private static String firstId(CompositeResponse response, String reference, String what) {
        JsonNode records = response.bodiesByReference().get(reference).path("records");
        if (records.isEmpty()) {
            throw new SalesforceWriteException(new SalesforceError(404, "PRICEBOOK_NOT_FOUND",
                    "The org has no active " + what + " (commerce.sync.pricebook)", List.of(), "Pricebook2"));
        }
        return records.get(0).path("Id").asText();
    }

    private String queryRequest(List<String> queries) {
        ObjectNode request = JSON.createObjectNode().put("allOrNone", false);
        ArrayNode subrequests = request.putArray("compositeRequest");
        for (int i = 0; i < queries.size(); i++) {
            subrequests.add(subrequest("GET", "/query?q=" + PathSegment.encode(queries.get(i)), "q" + i, null));
        }
        return request.toString();
    }

    private ObjectNode subrequest(String method, String path, String reference, ObjectNode body) {
        ObjectNode sub = JSON.createObjectNode()
                .put("method", method)
                .put("url", "/services/data/v" + settings.apiVersion() + path)
                .put("referenceId", reference);
        if (body != null) {
            sub.set("body", body);
        }
        return sub;
    }

    private static String cacheKey(String key, String currency) {
        return (currency == null ? "" : currency) + "|" + key;
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
