package dev.shomei.record.console;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.users.Actor;
import dev.shomei.record.users.ClerkUser;
import dev.shomei.record.users.Permission;
import dev.shomei.record.users.UserRepository;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Registers console routes so that none can skip the checks: security headers on every response;
 * for pages behind login a live session whose user is still enabled and unexpired (re-read from the
 * database on every request, so disabling an id takes effect at once) and holds the permission; for
 * every POST a same-origin request and the session's CSRF token; one error mapping (403 / 404 / 400 /
 * 500) that shows no internals.
 */
final class ConsoleRouter {
    /** A console page. */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange exchange) throws Exception;
    }

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    private static final System.Logger LOG = System.getLogger(ConsoleRouter.class.getName());

    private final HttpRules rules;
    private final ConsoleContext context;
    private final UserRepository users = new UserRepository();

    ConsoleRouter(HttpRules rules, ConsoleContext context) {
        this.rules = rules;
        this.context = context;
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

    private void run(ServerRequest req, ServerResponse res, Access access, Permission permission, Handler handler) {
        securityHeaders(res);
        Lang lang = Cookies.get(req, Cookies.LANG).map(Lang::parse).orElse(Lang.JA);
        Instant now = context.clock().instant();
        boolean post = req.prologue().method() == Method.POST;
        Exchange exchange = new Exchange(req, res, lang, now, null, null, null);
        try {
            if (post && !sameOrigin(req)) {
                throw new Refused(Status.FORBIDDEN_403, "error.origin");
            }
            Session session = null;
            ClerkUser user = null;
            if (access != Access.PUBLIC) {
                session = Cookies.get(req, Cookies.SESSION).flatMap(context.sessions()::find).orElse(null);
                user = session == null ? null : activeUser(session, now);
                Session.Stage wanted = access == Access.FULL ? Session.Stage.FULL : Session.Stage.ENROLLING;
                if (user == null || session.stage() != wanted) {
                    if (!post && user != null && session.stage() == Session.Stage.ENROLLING) {
                        exchange.redirect("/enrol");
                        return;
                    }
                    if (post) {
                        throw new Refused(Status.FORBIDDEN_403, "error.session");
                    }
                    exchange.redirect("/login");
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
            exchange = new Exchange(req, res, lang, now, session, user, form);
            if (permission != null && !user.role().may(permission)) {
                throw new Actor.ForbiddenException(permission.name());
            }
            handler.handle(exchange);
        } catch (Refused e) {
            errorPage(exchange, e.status, e.messageKey, null);
        } catch (Actor.ForbiddenException e) {
            errorPage(exchange, Status.FORBIDDEN_403, "error.forbidden", null);
        } catch (BadInput e) {
            errorPage(exchange, Status.BAD_REQUEST_400, e.messageKey(), null);
        } catch (ShomeiException e) {
            if (e.code() == ErrorCode.NO_RECORD) {
                errorPage(exchange, Status.NOT_FOUND_404, "error.notFound", null);
            } else if (e.code() == ErrorCode.INVALID_REQUEST) {
                errorPage(exchange, Status.BAD_REQUEST_400, "error.invalid", reason(e));
            } else {
                LOG.log(Level.WARNING, "console: {0} failed: {1}", req.path().path(), e.code());
                errorPage(exchange, Status.SERVICE_UNAVAILABLE_503, "error.unavailable", null);
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "console: {0} failed: {1}", req.path().path(), e.getClass().getSimpleName());
            errorPage(exchange, Status.INTERNAL_SERVER_ERROR_500, "error.internal", null);
        }
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

    private void errorPage(Exchange exchange, Status status, String messageKey, String detail) {
        if (exchange.response.isSent()) {
            return;
        }
        Lang lang = exchange.lang;
        exchange.html(status, Layout.page(exchange, lang.t("error.title"), html -> {
            html.open("p", "class", "error", "role", "alert").text(lang.t(messageKey)).close("p");
            if (detail != null) {
                html.element("p", detail, "class", "detail");
            }
            html.open("p").element("a", lang.t("error.back"), "href", "/").close("p");
        }));
    }

    /** A refusal by the router itself (origin, session, CSRF). */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Status status;
        private final String messageKey;

        Refused(Status status, String messageKey) {
            super(messageKey, null, false, false);
            this.status = status;
            this.messageKey = messageKey;
        }
    }
}
