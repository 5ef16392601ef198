package dev.shomei.record.console;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The only way text reaches a page: an HTML builder whose tag and attribute names are constants of
 * the program and whose every text and attribute value goes through {@link #escape}. There is no
 * method that writes unescaped input.
 */
final class Html {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private final StringBuilder out = new StringBuilder(8192);

    /** Escapes {@code & < > " '} (enough for text and quoted attribute values); null is empty. */
    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    Html doctype() {
        out.append("<!DOCTYPE html>\n");
        return this;
    }

    /** Opens {@code tag} with attributes given as name, value pairs; a null value leaves the attribute out. */
    Html open(String tag, String... attributes) {
        out.append('<').append(name(tag));
        attributes(attributes);
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(name(tag)).append('>');
        return this;
    }

    /** An element without content or end tag ({@code input}, {@code meta}, {@code link}, {@code br}). */
    Html empty(String tag, String... attributes) {
        return open(tag, attributes);
    }

    /** {@code <tag attributes>text</tag>}. */
    Html element(String tag, Object text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    Html text(Object text) {
        out.append(escape(text));
        return this;
    }

    /** A boolean attribute value: present (the name itself) or left out (null). */
    static String flag(boolean on, String name) {
        return on ? name : null;
    }

    private void attributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] == null) {
                continue;
            }
            out.append(' ').append(name(attributes[i])).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
    }

    private static String name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a tag or attribute name: " + name.toLowerCase(Locale.ROOT));
        }
        return name;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
