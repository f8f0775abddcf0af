package io.commercesync.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /query?q=} and {@code /queryAll?q=}: a SOQL subset.
 * <pre>
 * SELECT field, Parent.Field, ... | COUNT() FROM Object
 *   [WHERE cond] [ORDER BY field [ASC|DESC] [NULLS FIRST|LAST], ...] [LIMIT n] [OFFSET n]
 * cond: term (AND|OR term)*, term: NOT term | ( cond ) | field op value | field [NOT] IN (v, ...) | field LIKE 'x%'
 * op: = != &lt;&gt; &lt; &lt;= &gt; &gt;=; value: 'string' (backslash escapes), number, true, false, null, date, datetime
 * </pre>
 * Anything else answers 400 MALFORMED_QUERY; unknown objects INVALID_TYPE; unknown fields INVALID_FIELD,
 * with Salesforce's "ERROR at Row:1:Column:n" message format. Results come in pages of 2000 rows
 * ({@code Sforce-Query-Options: batchSize=n}, 200..2000) with {@code nextRecordsUrl} to
 * {@code /query/<locator>-<offset>}.
 */
final class QueryResource {

    private final Schema schema;
    private final RecordStore store;

    QueryResource(Schema schema, RecordStore store) {
        this.schema = schema;
        this.store = store;
    }

    static final int DEFAULT_BATCH_SIZE = 2000;
    private static final int MAX_CURSORS = 200;
    private static final Pattern LOCATOR = Pattern.compile("(01g[0-9A-Za-z]{15})-(\\d+)");

    /** Rows of a query result not returned yet, with the page size, by query locator. */
    private record Cursor(List<Object> rows, int batchSize) {
    }

    /** Open cursors; the least recently used are dropped beyond {@link #MAX_CURSORS}. */
    private final Map<String, Cursor> cursors = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cursor> eldest) {
            return size() > MAX_CURSORS;
        }
    };
    private final SalesforceIds locators = new SalesforceIds();

    ApiResponse handle(RestCall call) {
        SObjectResource.requireMethod(call, "GET");
        if (call.segments().size() == 2) {
            return more(call, call.segment(1));
        }
        if (call.segments().size() != 1) {
            throw ApiErrors.notFound();
        }
        String soql = call.query().get("q");
        if (soql == null || soql.isBlank()) {
            throw ApiErrors.badRequest("MALFORMED_QUERY", "A query string has to be specified", null);
        }
        Query q = new Parser(soql).parse();
        return ApiResponse.of(200, run(call, q, "queryAll".equals(call.segment(0))));
    }

    // ---- AST --------------------------------------------------------------------------------------

    private record Token(String kind, String text, Object value, int pos) {
        boolean is(String keyword) {
            return ("WORD".equals(kind) || "SYM".equals(kind)) && text.equalsIgnoreCase(keyword);
        }
    }

    /** A selected or filtered field: {@code Name} or {@code Account.Name}. */
    private record FieldRef(String text, int pos) {
    }

    private sealed interface Cond permits And, Or, Not, Compare {
    }

    private record And(Cond left, Cond right) implements Cond {
    }

    private record Or(Cond left, Cond right) implements Cond {
    }

    private record Not(Cond inner) implements Cond {
    }

    private record Compare(FieldRef field, String op, List<Object> values) implements Cond {
    }

    private record Order(FieldRef field, boolean descending, boolean nullsFirst) {
    }

    private record Query(String soql, List<FieldRef> fields, boolean count, String object, int objectPos, Cond where,
            List<Order> orderBy, Integer limit, Integer offset) {
    }

    // ---- parser -----------------------------------------------------------------------------------

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2}))?");

    private static final class Parser {
        private final String soql;
        private final List<Token> tokens = new ArrayList<>();
        private int i;

        Parser(String soql) {
            this.soql = soql;
            lex();
        }

        private ApiException malformed(int pos, String message) {
            return ApiErrors.badRequest("MALFORMED_QUERY", located(soql, pos, message), null);
        }

        private void lex() {
            int p = 0;
            int n = soql.length();
            while (p < n) {
                char c = soql.charAt(p);
                if (Character.isWhitespace(c)) {
                    p++;
                } else if (c == '\'') {
                    StringBuilder s = new StringBuilder();
                    int start = p++;
                    boolean closed = false;
                    while (p < n) {
                        char d = soql.charAt(p++);
                        if (d == '\\') {
                            if (p >= n) {
                                break;
                            }
                            char e = soql.charAt(p++);
                            switch (e) {
                                case '\'', '"', '\\' -> s.append(e);
                                case 'n' -> s.append('\n');
                                case 'r' -> s.append('\r');
                                case 't' -> s.append('\t');
                                case 'b' -> s.append('\b');
                                case 'f' -> s.append('\f');
                                case '_', '%' -> s.append('\\').append(e);
                                default -> throw malformed(start, "Invalid string literal '" + soql.substring(start, p)
                                        + "'. Illegal character sequence '\\" + e + "' in string literal.");
                            }
                        } else if (d == '\'') {
                            closed = true;
                            break;
                        } else {
                            s.append(d);
                        }
                    }
                    if (!closed) {
                        throw malformed(start, "unexpected token: '" + soql.substring(start) + "'");
                    }
                    tokens.add(new Token("STRING", soql.substring(start, p), s.toString(), start));
                } else if ("(),".indexOf(c) >= 0) {
                    tokens.add(new Token("SYM", String.valueOf(c), null, p++));
                } else if ("=!<>".indexOf(c) >= 0) {
                    int start = p++;
                    if (p < n && (soql.charAt(p) == '=' || (c == '<' && soql.charAt(p) == '>'))) {
                        p++;
                    }
                    String op = soql.substring(start, p);
                    if (op.equals("!")) {
                        throw malformed(start, "unexpected token: '!'");
                    }
                    tokens.add(new Token("SYM", op, null, start));
                } else if (Character.isDigit(c) || ((c == '-' || c == '+') && p + 1 < n && Character.isDigit(soql.charAt(p + 1)))) {
                    var m = DATE.matcher(soql).region(p, n);
                    if (m.lookingAt()) {
                        tokens.add(new Token("DATE", m.group(), m.group(), p));
                        p = m.end();
                        continue;
                    }
                    int start = p++;
                    while (p < n && (Character.isDigit(soql.charAt(p)) || soql.charAt(p) == '.')) {
                        p++;
                    }
                    String text = soql.substring(start, p);
                    try {
                        tokens.add(new Token("NUMBER", text, new BigDecimal(text), start));
                    } catch (NumberFormatException e) {
                        throw malformed(start, "unexpected token: '" + text + "'");
                    }
                } else if (Character.isLetter(c) || c == '_') {
                    int start = p;
                    while (p < n && (Character.isLetterOrDigit(soql.charAt(p)) || soql.charAt(p) == '_'
                            || soql.charAt(p) == '.')) {
                        p++;
                    }
                    tokens.add(new Token("WORD", soql.substring(start, p), null, start));
                } else {
                    throw malformed(p, "unexpected token: '" + c + "'");
                }
            }
        }

        private Token peek() {
            return i < tokens.size() ? tokens.get(i) : null;
        }

        private boolean at(String keyword) {
            return peek() != null && peek().is(keyword);
        }

        private Token next(String expected) {
            Token t = peek();
            if (t == null) {
                throw malformed(soql.length(), "unexpected token: <EOF>");
            }
            if (expected != null && !t.is(expected)) {
                throw malformed(t.pos(), "unexpected token: '" + t.text() + "'");
            }
            i++;
            return t;
        }

        private FieldRef field() {
            Token t = next(null);
            if (!"WORD".equals(t.kind()) || isKeyword(t.text())) {
                throw malformed(t.pos(), "unexpected token: '" + t.text() + "'");
            }
            return new FieldRef(t.text(), t.pos());
        }

        private static boolean isKeyword(String w) {
            return List.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "LIMIT", "ORDER", "BY",
                    "OFFSET", "NULL", "TRUE", "FALSE").contains(w.toUpperCase(Locale.ROOT));
        }

        Query parse() {
            next("SELECT");
            List<FieldRef> fields = new ArrayList<>();
            boolean count = false;
            if (at("COUNT") && i + 1 < tokens.size() && tokens.get(i + 1).is("(")) {
                next("COUNT");
                next("(");
                next(")");
                count = true;
            } else {
                fields.add(field());
                while (at(",")) {
                    next(",");
                    fields.add(field());
                }
            }
            next("FROM");
            Token object = next(null);
            // "Order" is an object as well as the start of ORDER BY: FROM Order [WHERE …] [ORDER BY …] is valid SOQL
            boolean orderObject = object.text().equalsIgnoreCase("Order") && !at("BY");
            if (!"WORD".equals(object.kind()) || (isKeyword(object.text()) && !orderObject)) {
                throw malformed(object.pos(), "unexpected token: '" + object.text() + "'");
            }
            Cond where = null;
            if (at("WHERE")) {
                next("WHERE");
                where = or();
            }
            List<Order> orderBy = new ArrayList<>();
            if (at("ORDER")) {
                next("ORDER");
                next("BY");
                do {
                    if (at(",")) {
                        next(",");
                    }
                    FieldRef f = field();
                    boolean desc = false;
                    if (at("ASC")) {
                        next("ASC");
                    } else if (at("DESC")) {
                        next("DESC");
                        desc = true;
                    }
                    boolean nullsFirst = !desc;
                    if (at("NULLS")) {
                        next("NULLS");
                        if (at("FIRST")) {
                            next("FIRST");
                            nullsFirst = true;
                        } else {
                            next("LAST");
                            nullsFirst = false;
                        }
                    }
                    orderBy.add(new Order(f, desc, nullsFirst));
                } while (at(","));
            }
            Integer limit = null;
            Integer offset = null;
            if (at("LIMIT")) {
                next("LIMIT");
                limit = integer();
            }
            if (at("OFFSET")) {
                next("OFFSET");
                offset = integer();
            }
            if (peek() != null) {
                throw malformed(peek().pos(), "unexpected token: '" + peek().text() + "'");
            }
            return new Query(soql, fields, count, object.text(), object.pos(), where, orderBy, limit, offset);
        }

        private int integer() {
            Token t = next(null);
            if (!"NUMBER".equals(t.kind()) || ((BigDecimal) t.value()).scale() > 0) {
                throw malformed(t.pos(), "unexpected token: '" + t.text() + "'");
            }
            try {
                return ((BigDecimal) t.value()).intValueExact();
            } catch (ArithmeticException e) {
                throw malformed(t.pos(), "unexpected token: '" + t.text() + "'");
            }
        }

        private Cond or() {
            Cond left = and();
            while (at("OR")) {
                next("OR");
                left = new Or(left, and());
            }
            return left;
        }

        private Cond and() {
            Cond left = term();
            while (at("AND")) {
                next("AND");
                left = new And(left, term());
            }
            return left;
        }

        private Cond term() {
            if (at("NOT")) {
                next("NOT");
                return new Not(term());
            }
            if (at("(")) {
                next("(");
                Cond c = or();
                next(")");
                return c;
            }
            FieldRef f = field();
            if (at("NOT")) {
                next("NOT");
                next("IN");
                return new Not(new Compare(f, "IN", list()));
            }
            if (at("IN")) {
                next("IN");
                return new Compare(f, "IN", list());
            }
            if (at("LIKE")) {
                next("LIKE");
                Token t = next(null);
                if (!"STRING".equals(t.kind())) {
                    throw malformed(t.pos(), "unexpected token: '" + t.text() + "'");
                }
                return new Compare(f, "LIKE", List.of(t.value()));
            }
            Token op = next(null);
            if (!"SYM".equals(op.kind()) || "(),".contains(op.text())) {
                throw malformed(op.pos(), "unexpected token: '" + op.text() + "'");
            }
            String o = op.text().equals("<>") ? "!=" : op.text();
            List<Object> single = new ArrayList<>();
            single.add(value());
            return new Compare(f, o, single);
        }

        private List<Object> list() {
            next("(");
            List<Object> values = new ArrayList<>();
            values.add(value());
            while (at(",")) {
                next(",");
                values.add(value());
            }
            next(")");
            return values;
        }

        private Object value() {
            Token t = next(null);
            switch (t.kind()) {
                case "STRING", "NUMBER", "DATE":
                    return t.value();
                default:
                    if (t.is("null")) {
                        return null;
                    }
                    if (t.is("true") || t.is("false")) {
                        return Boolean.valueOf(t.text().toLowerCase(Locale.ROOT));
                    }
                    throw malformed(t.pos(), "unexpected token: '" + t.text() + "'");
            }
        }
    }

    static String located(String soql, int pos, String message) {
        return "\n" + soql + "\n" + " ".repeat(Math.max(0, pos)) + "^\nERROR at Row:1:Column:" + (pos + 1) + "\n" + message;
    }

    // ---- execution --------------------------------------------------------------------------------

    /** A field path resolved against the schema: the lookup to follow (or none) and the final field. */
    private record Path(FieldSpec lookup, SObjectSchema target, FieldSpec field) {
    }

    private Path resolve(Query q, SObjectSchema type, FieldRef ref) {
        String[] parts = ref.text().split("\\.");
        if (parts.length == 1) {
            FieldSpec f = type.field(parts[0]).orElseThrow(() -> noSuchColumn(q, ref, parts[0], type));
            return new Path(null, type, f);
        }
        String[] path = parts;
        if (parts.length == 3 && parts[0].equalsIgnoreCase(type.name())) {
            path = new String[] {parts[1], parts[2]};
        } else if (parts.length == 2 && parts[0].equalsIgnoreCase(type.name())) {
            FieldSpec f = type.field(parts[1]).orElseThrow(() -> noSuchColumn(q, ref, parts[1], type));
            return new Path(null, type, f);
        }
        if (path.length != 2) {
            throw ApiErrors.badRequest("MALFORMED_QUERY", located(q.soql(), ref.pos(),
                    "Only one level of parent relationship is supported by the sandbox org: " + ref.text()), null);
        }
        String relationship = path[0];
        String fieldName = path[1];
        FieldSpec lookup = type.relationship(relationship).orElseThrow(() -> ApiErrors.badRequest("INVALID_FIELD",
                located(q.soql(), ref.pos(), "Didn't understand relationship '" + relationship + "' in field path. "
                        + "If you are attempting to use a custom relationship, be sure to append the '__r' after the "
                        + "custom relationship name. Please reference your WSDL or the describe call for the "
                        + "appropriate names."), null));
        SObjectSchema target = schema.object(lookup.referenceTo()).orElseThrow(ApiErrors::notFound);
        FieldSpec f = target.field(fieldName).orElseThrow(() -> noSuchColumn(q, ref, fieldName, target));
        return new Path(lookup, target, f);
    }

    private static ApiException noSuchColumn(Query q, FieldRef ref, String field, SObjectSchema type) {
        return ApiErrors.badRequest("INVALID_FIELD", located(q.soql(), ref.pos(), "No such column '" + field
                + "' on entity '" + type.name() + "'. If you are attempting to use a custom field, be sure to append "
                + "the '__c' after the custom field name. Please reference your WSDL or the describe call for the "
                + "appropriate names."), null);
    }

    private Object valueOf(Path p, Map<String, Object> record, boolean includeDeleted) {
        if (p.lookup() == null) {
            return record.get(p.field().name());
        }
        Optional<Map<String, Object>> parent = parent(p, record, includeDeleted);
        return parent.map(r -> r.get(p.field().name())).orElse(null);
    }

    private Optional<Map<String, Object>> parent(Path p, Map<String, Object> record, boolean includeDeleted) {
        Object id = record.get(p.lookup().name());
        return id == null ? Optional.empty() : store.get(p.target().name(), (String) id);
    }

    private Map<String, Object> run(RestCall call, Query q, boolean all) {
        SObjectSchema type = schema.object(q.object()).filter(t -> !t.isPlatformEvent())
                .orElseThrow(() -> ApiErrors.badRequest("INVALID_TYPE", located(q.soql(), q.objectPos(), "sObject type '"
                        + q.object() + "' is not supported. If you are attempting to use a custom object, be sure to "
                        + "append the '__c' after the entity name. Please reference your WSDL or the describe call for "
                        + "the appropriate names."), null));
        List<Path> selected = new ArrayList<>();
        for (FieldRef f : q.fields()) {
            selected.add(resolve(q, type, f));
        }
        List<Map<String, Object>> rows = store.select(type.name(), all,
                r -> q.where() == null || test(q, type, q.where(), r, all));
        if (!q.orderBy().isEmpty()) {
            Comparator<Map<String, Object>> order = null;
            for (Order o : q.orderBy()) {
                Path p = resolve(q, type, o.field());
                Comparator<Map<String, Object>> c = (a, b) -> compareForOrder(valueOf(p, a, all), valueOf(p, b, all),
                        o.nullsFirst(), o.descending());
                order = order == null ? c : order.thenComparing(c);
            }
            rows.sort(order);
        }
        int from = q.offset() == null ? 0 : Math.min(q.offset(), rows.size());
        int to = q.limit() == null ? rows.size() : Math.min(rows.size(), from + q.limit());
        rows = rows.subList(from, to);
        Map<String, Object> out = new LinkedHashMap<>();
        if (q.count()) {
            out.put("totalSize", rows.size());
            out.put("done", true);
            out.put("records", List.of());
            return out;
        }
        List<Object> records = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            records.add(row(call, type, q, selected, r, all));
        }
        return page(call, records, 0, records.size(), batchSize(call));
    }

    /** Salesforce's {@code Sforce-Query-Options: batchSize=n} (200..2000), default 2000. */
    private static int batchSize(RestCall call) {
        String options = call.headers().get("sforce-query-options");
        if (options != null) {
            var m = Pattern.compile("batchSize\\s*=\\s*(\\d+)").matcher(options);
            if (m.find()) {
                return Math.max(200, Math.min(DEFAULT_BATCH_SIZE, Integer.parseInt(m.group(1))));
            }
        }
        return DEFAULT_BATCH_SIZE;
    }

    /** One page of rows; a cursor keeps the rest for {@code nextRecordsUrl}. */
    private Map<String, Object> page(RestCall call, List<Object> rows, int offset, int total, int batchSize) {
        int end = Math.min(rows.size(), batchSize);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("totalSize", total);
        out.put("done", end == rows.size());
        if (end < rows.size()) {
            String locator = locators.next("01g");
            synchronized (cursors) {
                cursors.put(locator, new Cursor(new ArrayList<>(rows.subList(end, rows.size())), batchSize));
            }
            out.put("nextRecordsUrl", call.basePath() + "/query/" + locator + "-" + (offset + end));
        }
        out.put("records", new ArrayList<>(rows.subList(0, end)));
        return out;
    }

    /** {@code GET /query/<locator>-<offset>}: the next page of an earlier query (each page once). */
    private ApiResponse more(RestCall call, String raw) {
        var m = LOCATOR.matcher(raw);
        Cursor cursor;
        synchronized (cursors) {
            cursor = m.matches() ? cursors.remove(m.group(1)) : null;
        }
        if (cursor == null) {
            throw ApiErrors.badRequest("INVALID_QUERY_LOCATOR", "invalid query locator", null);
        }
        int offset = Integer.parseInt(m.group(2));
        return ApiResponse.of(200, page(call, cursor.rows(), offset, offset + cursor.rows().size(), cursor.batchSize()));
    }

    private Map<String, Object> row(RestCall call, SObjectSchema type, Query q, List<Path> selected,
            Map<String, Object> r, boolean all) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", type.name());
        attributes.put("url", SObjectResource.recordUrl(call, type, (String) r.get("Id")));
        out.put("attributes", attributes);
        for (Path p : selected) {
            if (p.lookup() == null) {
                out.put(p.field().name(), SObjectResource.jsonValue(p.field(), r.get(p.field().name())));
                continue;
            }
            String rel = p.lookup().relationshipName();
            Optional<Map<String, Object>> parent = parent(p, r, all);
            if (parent.isEmpty()) {
                out.put(rel, null);
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> nested = out.get(rel) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
            if (nested == null) {
                nested = new LinkedHashMap<>();
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("type", p.target().name());
                a.put("url", SObjectResource.recordUrl(call, p.target(), (String) parent.get().get("Id")));
                nested.put("attributes", a);
                out.put(rel, nested);
            }
            nested.put(p.field().name(), SObjectResource.jsonValue(p.field(), parent.get().get(p.field().name())));
        }
        return out;
    }

    private boolean test(Query q, SObjectSchema type, Cond c, Map<String, Object> r, boolean all) {
        if (c instanceof And a) {
            return test(q, type, a.left(), r, all) && test(q, type, a.right(), r, all);
        }
        if (c instanceof Or o) {
            return test(q, type, o.left(), r, all) || test(q, type, o.right(), r, all);
        }
        if (c instanceof Not n) {
            return !test(q, type, n.inner(), r, all);
        }
        Compare cmp = (Compare) c;
        Path p = resolve(q, type, cmp.field());
        Object actual = valueOf(p, r, all);
        switch (cmp.op()) {
            case "IN":
                for (Object v : cmp.values()) {
                    if (equal(p.field(), actual, v)) {
                        return true;
                    }
                }
                return false;
            case "LIKE":
                return actual != null && like(String.valueOf(actual), String.valueOf(cmp.values().get(0)));
            case "=":
                return equal(p.field(), actual, cmp.values().get(0));
            case "!=":
                return !equal(p.field(), actual, cmp.values().get(0));
            default:
                Object v = cmp.values().get(0);
                if (actual == null || v == null) {
                    return false;
                }
                int order = compare(p.field(), actual, v);
                return switch (cmp.op()) {
                    case "<" -> order < 0;
                    case "<=" -> order <= 0;
                    case ">" -> order > 0;
                    default -> order >= 0;
                };
        }
    }

    private static boolean equal(FieldSpec f, Object actual, Object v) {
        if (actual == null || v == null) {
            return actual == null && v == null;
        }
        if (f.isReference() && v instanceof String s) {
            String id = SalesforceIds.normalize(s);
            return id != null && id.equals(actual);
        }
        return compare(f, actual, v) == 0;
    }

    private static int compare(FieldSpec f, Object actual, Object v) {
        if (actual instanceof BigDecimal a) {
            return a.compareTo(v instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(v)));
        }
        if (actual instanceof Boolean a) {
            return Boolean.compare(a, Boolean.parseBoolean(String.valueOf(v)));
        }
        String b = String.valueOf(v);
        if ("datetime".equals(f.type())) {
            b = String.valueOf(f.coerce(b));
        }
        return String.valueOf(actual).compareToIgnoreCase(b);
    }

    private static int compareForOrder(Object a, Object b, boolean nullsFirst, boolean descending) {
        if (a == null || b == null) {
            if (a == b) {
                return 0;
            }
            return (a == null) == nullsFirst ? -1 : 1;
        }
        int c;
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            c = x.compareTo(y);
        } else if (a instanceof Boolean x && b instanceof Boolean y) {
            c = Boolean.compare(x, y);
        } else {
            c = String.valueOf(a).compareToIgnoreCase(String.valueOf(b));
        }
        return descending ? -c : c;
    }

    /** SOQL LIKE: {@code %} any run, {@code _} one character, {@code \%} and {@code \_} literal; case-insensitive. */
    static boolean like(String value, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int k = 0; k < pattern.length(); k++) {
            char c = pattern.charAt(k);
            if (c == '\\' && k + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++k))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL)
                .matcher(value).matches();
    }
}
