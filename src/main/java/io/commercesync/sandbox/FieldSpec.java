package io.commercesync.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * One field of an sObject as the schema describes it.
 *
 * @param type             string, textarea, email, phone, url, picklist, multipicklist, boolean,
 *                         currency, double, percent, int, date, datetime, reference, id
 * @param length           max length for text types (0 = unlimited)
 * @param picklistValues   allowed values for picklists (empty = any)
 * @param restricted       picklist rejects values not in {@code picklistValues}
 * @param referenceTo      target sObject for references
 * @param relationshipName name under which a body may reference the parent by external id
 * @param createable       may be set on insert
 * @param updateable       may be set on update
 */
record FieldSpec(String name, String label, String type, boolean required, int length, boolean externalId,
        boolean unique, List<String> picklistValues, boolean restricted, String referenceTo,
        String relationshipName, Object defaultValue, boolean createable, boolean updateable) {

    static final DateTimeFormatter SF_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");

    private static final DateTimeFormatter LENIENT_DATETIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .appendPattern("HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    boolean isText() {
        return switch (type) {
            case "string", "textarea", "email", "phone", "url", "picklist", "multipicklist" -> true;
            default -> false;
        };
    }

    boolean isReference() {
        return "reference".equals(type) || "id".equals(type);
    }

    /**
     * Checks and normalises a JSON value for this field the way Salesforce stores it.
     *
     * @throws ApiException with Salesforce's error for a value of the wrong shape
     */
    Object coerce(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof java.util.Map || raw instanceof java.util.List) {
            throw ApiErrors.jsonParser("Cannot deserialize instance of " + jsonTypeName() + " from "
                    + (raw instanceof java.util.Map ? "START_OBJECT" : "START_ARRAY")
                    + " value or request may be missing a required field");
        }
        if (isText() || isReference()) {
            String s = String.valueOf(raw);
            if ("picklist".equals(type) && restricted && !containsIgnoreCase(picklistValues, s)) {
                throw ApiErrors.badRequest("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                        label + ": bad value for restricted picklist field: " + s, List.of(name));
            }
            if (isText() && length > 0 && s.codePointCount(0, s.length()) > length) {
                throw ApiErrors.badRequest("STRING_TOO_LONG",
                        label + ": data value too large: " + s + " (max length=" + length + ")", List.of(name));
            }
            if ("email".equals(type) && !s.isEmpty() && !s.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw ApiErrors.badRequest("INVALID_EMAIL_ADDRESS", label + ": invalid email address: " + s,
                        List.of(name));
            }
            return s.isEmpty() ? null : s;
        }
        switch (type) {
            case "boolean":
                if (raw instanceof Boolean) {
                    return raw;
                }
                if ("true".equalsIgnoreCase(String.valueOf(raw)) || "false".equalsIgnoreCase(String.valueOf(raw))) {
                    return Boolean.valueOf(String.valueOf(raw));
                }
                throw cannotDeserialize(raw);
            case "currency", "double", "percent", "int":
                BigDecimal n;
                try {
                    n = raw instanceof Number ? new BigDecimal(raw.toString()) : new BigDecimal(String.valueOf(raw).trim());
                } catch (NumberFormatException e) {
                    throw cannotDeserialize(raw);
                }
                if ("int".equals(type)) {
                    return n.intValue();
                }
                return n;
            case "date":
                String d = String.valueOf(raw);
                try {
                    return LocalDate.parse(d.length() > 10 ? d.substring(0, 10) : d).toString();
                } catch (DateTimeParseException e) {
                    throw cannotDeserialize(raw);
                }
            case "datetime":
                return normalizeDateTime(String.valueOf(raw));
            default:
                return raw;
        }
    }

    private String normalizeDateTime(String s) {
        try {
            var parsed = LENIENT_DATETIME.parseBest(s, OffsetDateTime::from, java.time.LocalDateTime::from);
            OffsetDateTime odt = parsed instanceof OffsetDateTime o ? o
                    : ((java.time.LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
            return odt.withOffsetSameInstant(ZoneOffset.UTC).format(SF_DATETIME);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC).format(SF_DATETIME);
            } catch (DateTimeParseException e2) {
                throw cannotDeserialize(s);
            }
        }
    }

    private ApiException cannotDeserialize(Object raw) {
        return ApiErrors.jsonParser("Cannot deserialize instance of " + jsonTypeName() + " from VALUE_STRING value "
                + raw + " or request may be missing a required field");
    }

    private String jsonTypeName() {
        return switch (type) {
            case "currency", "percent" -> "currency";
            case "double" -> "double";
            case "int" -> "int";
            case "date" -> "date";
            case "datetime" -> "datetime";
            case "boolean" -> "boolean";
            default -> "string";
        };
    }

    private static boolean containsIgnoreCase(List<String> values, String s) {
        for (String v : values) {
            if (v.equalsIgnoreCase(s)) {
                return true;
            }
        }
        return false;
    }

    /** "BillingPostalCode" → "Billing Postal Code", "Commerce_Store__c" → "Commerce Store". */
    static String defaultLabel(String name) {
        String base = name.endsWith("__c") || name.endsWith("__e") ? name.substring(0, name.length() - 3) : name;
        if (base.endsWith("Id") && base.length() > 2 && Character.isLowerCase(base.charAt(base.length() - 3))) {
            base = base.substring(0, base.length() - 2) + " ID";
        }
        return base.replace('_', ' ').replaceAll("([a-z])([A-Z])", "$1 $2").trim();
    }
}
