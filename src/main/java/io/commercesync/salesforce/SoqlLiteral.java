package io.commercesync.salesforce;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Store data inside SOQL: every value goes through {@link #quote}, which escapes what SOQL's string
 * literals escape (backslash, quotes, control characters), so an e-mail such as {@code o'brien@example.com}
 * is a value and never part of the query.
 */
public final class SoqlLiteral {

    private SoqlLiteral() {
    }

    /** {@code it's} → {@code 'it\'s'}. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** {@code ('a', 'b')} for an {@code IN} list. */
    public static String list(Collection<String> values) {
        return values.stream().map(SoqlLiteral::quote).collect(Collectors.joining(", ", "(", ")"));
    }
}
