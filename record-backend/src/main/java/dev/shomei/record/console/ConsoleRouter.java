package dev.shomei.record.console;

import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.users.Actor;
import dev.shomei.record.users.ClerkUser;
import dev.shomei.record.users.Permission;
import dev.shomei.record.users.UserRepository;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Registers console routes so that none can skip the checks, with Helidon's own means (issue 18):
 * one {@code routing.any} guard in front of every page sets the security headers and refuses a POST
 * from another origin; each route asks for what it needs — a live session whose user is still
 * enabled and unexpired (re-read from the database on every request, so disabling an id takes effect
 * at once) and holds the permission, and for every POST the session's CSRF token — and throws when it
 * is missing; {@link ConsoleErrors} maps what is thrown (403 / 404 / 400 / 503 / 500) to a page that
 * shows no internals.
 */
final class ConsoleRouter {
    /** A console page. */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange exchange) throws Exception;
    }

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final HttpRouting.Builder rules;
    private final ConsoleContext context;
    private final UserRepository users = new UserRepository();

    ConsoleRouter(HttpRouting.Builder rules, ConsoleContext context) {
        this.rules = rules;
        this.context = context;
        rules.any(this::guard);
        new ConsoleErrors().register(rules);
    }

    /** A page anyone may open (login, language); still with the security headers. */
    void publicGet(String path, Handler handler) {
        rules.get(path, (req, res) -> run(req, res, Access.PUBLIC, null, handler));
    }

    /** A public form (login): same origin and the login CSRF cookie must match the form's token. */
    void publicPost(String path, Handler handler) {
        rules.post(path, (req, res) -> run(req, res, Access.PUBLIC, null, handler));
    }

    /** A page behind login; {@code permission} null means any logged-in user. */
    void get(String path, Permission permission, Handler handler) {
        rules.get(path, (req, res) -> run(req, res, Access.FULL, permission, handler));
    }

    void post(String path, Permission permission, Handler handler) {
        rules.post(path, (req, res) -> run(req, res, Access.FULL, permission, handler));
    }

    /** Pages of a session that has passed the initial password but not yet enrolled TOTP. */
    void enrolGet(String path, Handler handler) {
        rules.get(path, (req, res) -> run(req, res, Access.ENROLLING, null, handler));
    }

    void enrolPost(String path, Handler handler) {
        rules.post(path, (req, res) -> run(req, res, Access.ENROLLING, null, handler));
    }

    private enum Access { PUBLIC, ENROLLING, FULL }

    /**
     * In front of every request on the console's routing: the headers, the request's language and
     * clock reading (kept in the request context for the page and the error handlers), the origin check.
     */
    private void guard(ServerRequest req, ServerResponse res) {
        securityHeaders(res);
        Lang lang = Cookies.get(req, Cookies.LANG).map(Lang::parse).orElse(Lang.JA);
        ConsoleErrors.Current current = new ConsoleErrors.Current(new Exchange(req, res, lang,
                context.clock().instant(), null, null, null));
        req.context().register(current);
        if (req.prologue().method() == Method.POST && !sameOrigin(req)) {
            throw new Refused(Status.FORBIDDEN_403, "error.origin");
        }
        res.next();
    }

    private void run(ServerRequest req, ServerResponse res, Access access, Permission permission, Handler handler)
            throws Exception {
        ConsoleErrors.Current current = ConsoleErrors.current(req, res);
        Lang lang = current.exchange.lang;
        Instant now = current.exchange.now;
        boolean post = req.prologue().method() == Method.POST;
        Session session = null;
        ClerkUser user = null;
        if (access != Access.PUBLIC) {
            session = Cookies.get(req, Cookies.SESSION).flatMap(context.sessions()::find).orElse(null);
            user = session == null ? null : activeUser(session, now);
            Session.Stage wanted = access == Access.FULL ? Session.Stage.FULL : Session.Stage.ENROLLING;
            if (user == null || session.stage() != wanted) {
                if (!post && user != null && session.stage() == Session.Stage.ENROLLING) {
                    current.exchange.redirect("/enrol");
                    return;
                }
                if (post) {
                    throw new Refused(Status.FORBIDDEN_403, "error.session");
                }
                current.exchange.redirect("/login");
                return;
            }
        }
        Form form = null;
        if (post) {
            // an empty POST (no entity) is a form without a token, refused below, not a server error
            form = Form.parse(req.content().hasEntity() ? req.content().as(String.class) : "");
            String expected = session != null ? session.csrfToken() : Cookies.get(req, Cookies.LOGIN_CSRF).orElse("");
            if (!constantTimeEquals(expected, form.get(Form.CSRF_FIELD))) {
                throw new Refused(Status.FORBIDDEN_403, "error.csrf");
            }
        }
        current.exchange = new Exchange(req, res, lang, now, session, user, form);
        if (permission != null && !user.role().may(permission)) {
            throw new Actor.ForbiddenException(permission.name());
        }
        handler.handle(current.exchange);
    }

    /** The session's user as stored now; disabled, expired or missing ends the session. */
    private ClerkUser activeUser(Session session, Instant now) {
        Optional<ClerkUser> user = context.database().read(tx -> users.find(tx, session.userId()));
        if (user.isEmpty() || !user.get().active(LocalDate.ofInstant(now, ServiceRules.ZONE))
                || (session.stage() == Session.Stage.FULL && user.get().mustEnrol())
                || !user.get().scope().equals(session.scope())) {
            context.sessions().invalidateUser(session.userId());
            return null;
        }
        return user.get();
    }

    static void securityHeaders(ServerResponse res) {
        res.header(HeaderNames.create("Content-Security-Policy"), CSP);
        res.header(HeaderNames.create("X-Frame-Options"), "DENY");
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on POSTs and the origin check could not work
        res.header(HeaderNames.create("Referrer-Policy"), "same-origin");
        res.header(HeaderNames.STRICT_TRANSPORT_SECURITY, "max-age=31536000");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.create("Cross-Origin-Opener-Policy"), "same-origin");
        res.header(HeaderNames.create("Permissions-Policy"), "camera=(), microphone=(), geolocation=()");
    }

    /** Browsers send Origin (and Sec-Fetch-Site) on every POST; when present they must name this console. */
    private static boolean sameOrigin(ServerRequest req) {
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        if (origin.isPresent() && !origin.get().equals("https://" + req.authority())) {
            return false;
        }
        Optional<String> site = req.headers().first(HeaderNames.create("Sec-Fetch-Site"));
        return site.isEmpty() || site.get().equals("same-origin") || site.get().equals("none");
    }

    /** The exception's message without its error-code prefix (it names the field, never personal data). */
    static String reason(ShomeiException e) {
        return String.valueOf(e.getMessage()).replaceFirst("^[A-Z_]+: ", "");
    }

    static boolean constantTimeEquals(String expected, String sent) {
        return !expected.isEmpty() && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }

    /** A refusal by the router itself (origin, session, CSRF). */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Status status;
        final String messageKey;

        Refused(Status status, String messageKey) {
            super(messageKey, null, false, false);
            this.status = status;
            this.messageKey = messageKey;
        }
    }
}
