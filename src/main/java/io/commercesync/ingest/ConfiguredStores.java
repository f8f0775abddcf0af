package io.commercesync.ingest;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.camel.CamelContext;

/**
 * The stores of one platform as application.properties lists them, one block per store:
 * {@code commerce.<source>.stores.<name>.<field>=value}, each value resolved (so secrets can be
 * {@code {{env:NAME}}}). Returns store name → field → value.
 */
final class ConfiguredStores {

    private ConfiguredStores() {
    }

    static Map<String, Map<String, String>> read(CamelContext context, String source) {
        String prefix = "commerce." + source + ".stores.";
        Properties raw = context.getPropertiesComponent().loadProperties(key -> key.startsWith(prefix));
        Map<String, Map<String, String>> stores = new TreeMap<>();
        for (String key : raw.stringPropertyNames()) {
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            if (dot <= 0) {
                continue;
            }
            String value = context.resolvePropertyPlaceholders("{{" + key + "}}");
            stores.computeIfAbsent(rest.substring(0, dot), name -> new TreeMap<>()).put(rest.substring(dot + 1), value);
        }
        return stores;
    }

    static String required(Map<String, String> store, String prefix, String name, String field) {
        String value = store.get(field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Store '" + name + "' has no " + field + ": set " + prefix + name + "." + field);
        }
        return value.trim();
    }
}
