package dev.shomei.record.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The console's two languages; texts live in {@code console/messages_<lang>.properties} (UTF-8), those
 * of the clerks' record work (issue 21) in {@code console/records_<lang>.properties}.
 */
enum Lang {
    JA("ja"), EN("en");

    private final String code;
    private final Properties texts = new Properties();

    Lang(String code) {
        this.code = code;
        load("console/messages_" + code + ".properties");
        load("console/records_" + code + ".properties");
        load("console/transfers_" + code + ".properties");
    }

    private void load(String resource) {
        try (InputStream in = Lang.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String code() {
        return code;
    }

    Lang other() {
        return this == JA ? EN : JA;
    }

    static Lang parse(String value) {
        return "en".equals(value) ? EN : JA;
    }

    /** The text of {@code key} with {0}, {1} ... replaced by the arguments (the caller escapes the result). */
    String t(String key, Object... arguments) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no " + code + " text for " + key);
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    boolean has(String key) {
        return texts.containsKey(key);
    }
}
