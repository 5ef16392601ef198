package dev.shomei.center.console;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/** The session cookie: {@code __Host-} prefixed, Secure, HttpOnly, SameSite=Strict, whole site. */
final class Cookies {
    static final String SESSION = "__Host-shomei-center";

    private Cookies() {
    }

    static Optional<String> session(ServerRequest request) {
        for (String header : request.headers().values(HeaderNames.COOKIE)) {
            for (String part : header.split(";")) {
                String trimmed = part.trim();
                int eq = trimmed.indexOf('=');
                if (eq > 0 && trimmed.substring(0, eq).equals(SESSION)) {
                    return Optional.of(trimmed.substring(eq + 1));
                }
            }
        }
        return Optional.empty();
    }

    static String set(String sessionId) {
        return SESSION + "=" + sessionId + "; Path=/; Secure; HttpOnly; SameSite=Strict";
    }

    static String expire() {
        return SESSION + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0";
    }
}
