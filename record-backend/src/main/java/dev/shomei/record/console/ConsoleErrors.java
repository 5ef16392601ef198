package dev.shomei.record.console;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.users.Actor;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * The console's one error mapping, as Helidon error handlers on its routing: a refusal by the router
 * (origin, session, CSRF) with its own status, a missing right 403, bad input 400, no such record
 * 404, a refused change 400 with its reason, Helidon's own refusals with their status, the database
 * away 503, anything else 500 — always a
 * page in the request's language that shows no internals. Helidon resets the response before an
 * error handler runs, so the security headers are set again.
 */
final class ConsoleErrors {
    private static final System.Logger LOG = System.getLogger(ConsoleErrors.class.getName());

    /** The request's exchange as far as the router got (language, then session and user), for the error page. */
    static final class Current {
        Exchange exchange;

        Current(Exchange exchange) {
            this.exchange = exchange;
        }
    }

    void register(HttpRouting.Builder routing) {
        routing.error(ConsoleRouter.Refused.class, (req, res, e) -> page(req, res, e.status, e.messageKey, null))
                .error(Actor.ForbiddenException.class, (req, res, e) -> page(req, res, Status.FORBIDDEN_403,
                        "error.forbidden", null))
                .error(BadInput.class, (req, res, e) -> page(req, res, Status.BAD_REQUEST_400, e.messageKey(), null))
                .error(ShomeiException.class, this::shomei)
                // Helidon's own refusals (a malformed path, 404, 413, ...) keep their status
                .error(HttpException.class, (req, res, e) -> page(req, res, e.status(),
                        e.status() == Status.NOT_FOUND_404 ? "error.notFound" : "error.invalid", null))
                .error(Exception.class, (req, res, e) -> {
                    LOG.log(Level.WARNING, "console: {0} failed: {1}", req.path().path(), e.getClass().getSimpleName());
                    page(req, res, Status.INTERNAL_SERVER_ERROR_500, "error.internal", null);
                });
    }

    /** The exchange the router registered for this request, or a bare one (Japanese) when it registered none. */
    static Current current(ServerRequest req, ServerResponse res) {
        return req.context().get(Current.class).orElseGet(() -> new Current(new Exchange(req, res, Lang.JA,
                Clock.systemUTC().instant(), null, null, null)));
    }

    private void shomei(ServerRequest req, ServerResponse res, ShomeiException e) {
        if (e.code() == ErrorCode.NO_RECORD) {
            page(req, res, Status.NOT_FOUND_404, "error.notFound", null);
        } else if (e.code() == ErrorCode.MUNICIPALITY_MOVING) {
            page(req, res, Status.SERVICE_UNAVAILABLE_503, "error.moving", null);
        } else if (e.code() == ErrorCode.INVALID_REQUEST) {
            page(req, res, Status.BAD_REQUEST_400, "error.invalid", ConsoleRouter.reason(e));
        } else {
            LOG.log(Level.WARNING, "console: {0} failed: {1}", req.path().path(), e.code());
            page(req, res, Status.SERVICE_UNAVAILABLE_503, "error.unavailable", null);
        }
    }

    private static void page(ServerRequest req, ServerResponse res, Status status, String messageKey, String detail) {
        ConsoleRouter.securityHeaders(res);
        Exchange exchange = current(req, res).exchange;
        Lang lang = exchange.lang;
        exchange.html(status, Layout.page(exchange, lang.t("error.title"), html -> {
            html.open("p", "class", "error", "role", "alert").text(lang.t(messageKey)).close("p");
            if (detail != null) {
                html.element("p", detail, "class", "detail");
            }
            html.open("p").element("a", lang.t("error.back"), "href", "/").close("p");
        }));
    }
}
