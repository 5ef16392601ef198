package dev.shomei.center.console;

import dev.shomei.center.console.auth.Session;
import dev.shomei.center.console.auth.LiveSessions;
import dev.shomei.consolesecurity.ConsoleHardening;
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
 * {@code X-CSRF-Token} and, when the browser sends one, an {@code Origin} equal to this server and a
 * {@code Sec-Fetch-Site} of same-origin. Sessions are checked against their accounts
 * ({@link LiveSessions}); every request but the board's stream resets the idle timer.
 */
final class ConsoleSecurity implements Filter {
    static final HeaderName CSRF_HEADER = HeaderNames.create("X-CSRF-Token");
    private static final HeaderName SEC_FETCH_SITE = HeaderNames.create("Sec-Fetch-Site");
    private static final Set<Method> SAFE = Set.of(Method.GET, Method.HEAD);

    private static final String STREAM = "/api/events";

    private final LiveSessions sessions;

    ConsoleSecurity(LiveSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        ConsoleHardening.headers(response, ConsoleHardening.STRICT_CSP);

        String path = request.path().path();
        boolean unsafe = !SAFE.contains(request.prologue().method());
        if (unsafe && !sameOrigin(request)) {
            deny(response, Status.FORBIDDEN_403, "CROSS_ORIGIN");
            return;
        }
        if (path.startsWith("/api/") && !path.equals("/api/login")) {
            Optional<Session> session = Cookies.session(request).flatMap(id -> sessions.find(id, !path.equals(STREAM)));
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
        return Cookies.session(request).flatMap(id -> sessions.find(id, true));
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
        Optional<String> site = request.headers().first(SEC_FETCH_SITE);
        return (origin.isEmpty() || origin.get().equals("https://" + request.authority()))
                && (site.isEmpty() || site.get().equals("same-origin") || site.get().equals("none"));
    }

    private static void deny(RoutingResponse response, Status status, String code) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send("{\"error\":\"" + code + "\"}");
    }
}
