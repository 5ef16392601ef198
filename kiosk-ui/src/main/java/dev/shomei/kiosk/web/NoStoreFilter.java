package dev.shomei.kiosk.web;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * On every response: nothing may be stored (the confirm screen carries a name), nothing framed,
 * no referrer, scripts only from here. And only this kiosk's own page may talk to it: a request
 * whose Host is not the loopback address, or a POST from another origin, is refused (this stops a
 * page from elsewhere, or DNS rebinding, from driving the session).
 */
final class NoStoreFilter implements Filter {
    private static final HeaderName PERMISSIONS_POLICY = HeaderNames.create("Permissions-Policy");
    private static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");
    private static final HeaderName CONTENT_SECURITY_POLICY = HeaderNames.create("Content-Security-Policy");
    private static final HeaderName X_FRAME_OPTIONS = HeaderNames.create("X-Frame-Options");

    private final IntSupplier port;

    /** @param port the port the server listens on (known once it started) */
    NoStoreFilter(IntSupplier port) {
        this.port = port;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        // set just before sending, so no handler (static content's caching) can weaken it
        res.beforeSend(() -> {
            res.headers().set(HeaderNames.CACHE_CONTROL, "no-store");
            res.headers().set(HeaderNames.PRAGMA, "no-cache");
            res.headers().set(HeaderNames.EXPIRES, "0");
            res.headers().remove(HeaderNames.ETAG);
            res.headers().remove(HeaderNames.LAST_MODIFIED);
            res.headers().set(HeaderValues.X_CONTENT_TYPE_OPTIONS_NOSNIFF);
            res.headers().set(REFERRER_POLICY, "no-referrer");
            res.headers().set(X_FRAME_OPTIONS, "DENY");
            res.headers().set(CONTENT_SECURITY_POLICY,
                    "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'");
            res.headers().set(PERMISSIONS_POLICY, "camera=(), microphone=(), geolocation=()");
        });
        if (!fromThisKiosk(req)) {
            res.status(Status.FORBIDDEN_403).send();
            return;
        }
        chain.proceed();
    }

    private boolean fromThisKiosk(RoutingRequest req) {
        String host = req.headers().first(HeaderNames.HOST).orElse("");
        if (!isLoopback(host)) {
            return false;
        }
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        return origin.isEmpty() || isLoopback(origin.get().replaceFirst("^http://", ""));
    }

    private boolean isLoopback(String hostAndPort) {
        int actualPort = port.getAsInt();
        return hostAndPort.equals("127.0.0.1:" + actualPort) || hostAndPort.equals("localhost:" + actualPort);
    }
}
