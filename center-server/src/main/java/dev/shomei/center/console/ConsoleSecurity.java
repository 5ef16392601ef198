package dev.shomei.center.console;

import dev.shomei.center.console.auth.Session;
import dev.shomei.center.console.auth.SessionStore;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * One filter in front of everything: security headers on every response; a live session for every
 * {@code /api/} call except login; for every change (not GET/HEAD) the session's CSRF token in
 * {@code X-CSRF-Token} and, when the browser sends one, an {@code Origin} equal to this server.
 */
final class ConsoleSecurity implements Filter {
    static final HeaderName CSRF_HEADER = HeaderNames.create("X-CSRF-Token");
    private static final Set<Method> SAFE = Set.of(Method.GET, Method.HEAD);
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final SessionStore sessions;

    ConsoleSecurity(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        response.header(HeaderNames.create("Content-Security-Policy"), CSP);
        response.header(HeaderNames.STRICT_TRANSPORT_SECURITY, "max-age=31536000");
        response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        response.header(HeaderNames.create("X-Frame-Options"), "DENY");
        response.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");

        String path = request.path().path();
        boolean unsafe = !SAFE.contains(request.prologue().method());
        if (unsafe && !sameOrigin(request)) {
            deny(response, Status.FORBIDDEN_403, "CROSS_ORIGIN");
            return;
        }
        if (path.startsWith("/api/") && !path.equals("/api/login")) {
            Optional<Session> session = currentSession(request);
            if (session.isEmpty()) {
                deny(response, Status.UNAUTHORIZED_401, "LOGIN_REQUIRED");
                return;
            }
            if (unsafe && !csrfMatches(request, session.get())) {
                deny(response, Status.FORBIDDEN_403, "CSRF");
                return;
            }
            request.context().register(session.get());
        }
        chain.proceed();
    }

    Optional<Session> currentSession(ServerRequest request) {
        return Cookies.session(request).flatMap(sessions::find);
    }

    static Session session(ServerRequest request) {
        return request.context().get(Session.class)
                .orElseThrow(() -> new IllegalStateException("no session on an API route"));
    }

    private static boolean csrfMatches(ServerRequest request, Session session) {
        Optional<String> sent = request.headers().first(CSRF_HEADER);
        return sent.isPresent() && MessageDigest.isEqual(sent.get().getBytes(StandardCharsets.US_ASCII),
                session.csrfToken().getBytes(StandardCharsets.US_ASCII));
    }

    /** An Origin header, when present, must be this server (browsers send it on every POST). */
    private static boolean sameOrigin(ServerRequest request) {
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN);
        return origin.isEmpty() || origin.get().equals("https://" + request.authority());
    }

    private static void deny(RoutingResponse response, Status status, String code) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send("{\"error\":\"" + code + "\"}");
    }
}
