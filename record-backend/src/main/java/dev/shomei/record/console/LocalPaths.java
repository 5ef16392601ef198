package dev.shomei.record.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Paths of this console only: redirect targets taken from input must pass {@link #isLocal}. */
final class LocalPaths {
    private static final Pattern LOCAL = Pattern.compile("/[A-Za-z0-9/_.%?=&-]{0,300}");

    private LocalPaths() {
    }

    /** A path on this console: starts with one '/', no scheme, no '//' or backslash, a few safe characters. */
    static boolean isLocal(String path) {
        return path != null && LOCAL.matcher(path).matches() && !path.startsWith("//") && !path.contains("..");
    }

    /** A path segment or query value, percent-encoded. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
