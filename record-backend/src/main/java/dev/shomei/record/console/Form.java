package dev.shomei.record.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A submitted {@code application/x-www-form-urlencoded} form (the body size is capped by the server). */
final class Form {
    static final String CSRF_FIELD = "_csrf";
    private final Map<String, List<String>> fields;

    private Form(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    static Form parse(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return new Form(fields);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadInput("form.malformed");
        }
    }

    /** The field's first value, trimmed; empty when missing. */
    String get(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? "" : values.getFirst().strip();
    }

    /** The field's first value untrimmed, as characters (for passwords, wiped by the caller). */
    char[] chars(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? new char[0] : values.getFirst().toCharArray();
    }

    boolean checked(String name) {
        return fields.containsKey(name);
    }
}
