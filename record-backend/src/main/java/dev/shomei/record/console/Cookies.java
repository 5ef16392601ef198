package dev.shomei.record.console;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/**
 * The console's cookies, all {@code __Host-} prefixed (Secure, no Domain, Path=/), HttpOnly and
 * SameSite=Strict: the session, the login form's CSRF token, and the language.
 */
final class Cookies {
    static final String SESSION = "__Host-shomei-clerk";
    static final String LOGIN_CSRF = "__Host-shomei-login";
    static final String LANG = "__Host-shomei-lang";

    private Cookies() {
    }

    static Optional<String> get(ServerRequest request, String name) {
        for (String header : request.headers().values(HeaderNames.COOKIE)) {
            for (String part : header.split(";")) {
                String trimmed = part.trim();
                int eq = trimmed.indexOf('=');
                if (eq > 0 && trimmed.substring(0, eq).equals(name)) {
                    return Optional.of(trimmed.substring(eq + 1));
                }
            }
        }
        return Optional.empty();
    }

    /** A session-lifetime cookie (gone when the browser closes). */
    static String set(String name, String value) {
        return name + "=" + value + "; Path=/; Secure; HttpOnly; SameSite=Strict";
    }

    static String setPersistent(String name, String value, int maxAgeSeconds) {
        return set(name, value) + "; Max-Age=" + maxAgeSeconds;
    }

    static String expire(String name) {
        return name + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0";
    }
}
