package dev.shomei.consolesecurity;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/**
 * The limits and response headers both consoles apply to every route. Helidon's listener has no
 * request size limit by default; a console reads at most a login form or a small JSON body, so
 * {@link #MAX_PAYLOAD_BYTES} is set on the console listener ({@code maxPayloadSize}): Helidon refuses
 * a larger declared body with 413 before reading it, and stops a chunked one at the limit.
 */
public final class ConsoleHardening {
    /** The largest request body a console accepts: forms and JSON of a few fields (CSV exports go out, not in). */
    public static final long MAX_PAYLOAD_BYTES = 64 * 1024;
    /** The Content-Security-Policy of a console whose pages load only their own scripts and styles. */
    public static final String STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private ConsoleHardening() {
    }

    /** Security headers on a console response: CSP, HSTS, no sniffing, no framing, no referrer, no caching. */
    public static void headers(ServerResponse response, String csp) {
        response.header(HeaderNames.create("Content-Security-Policy"), csp);
        response.header(HeaderNames.STRICT_TRANSPORT_SECURITY, "max-age=31536000");
        response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        response.header(HeaderNames.create("X-Frame-Options"), "DENY");
        response.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
    }
}
