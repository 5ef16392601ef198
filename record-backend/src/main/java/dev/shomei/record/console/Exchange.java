package dev.shomei.record.console;

import dev.shomei.record.users.Actor;
import dev.shomei.record.users.ClerkUser;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import dev.shomei.consolesecurity.RegisteredClients;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One request as a console handler sees it: the user (re-read from the database), language, form. */
final class Exchange {
    final ServerRequest request;
    final ServerResponse response;
    final Lang lang;
    final Instant now;
    private final Session session;
    private final ClerkUser user;
    private final Form form;

    Exchange(ServerRequest request, ServerResponse response, Lang lang, Instant now, Session session, ClerkUser user,
             Form form) {
        this.request = request;
        this.response = response;
        this.lang = lang;
        this.now = now;
        this.session = session;
        this.user = user;
        this.form = form;
    }

    Session session() {
        if (session == null) {
            throw new IllegalStateException("no session on this route");
        }
        return session;
    }

    boolean hasSession() {
        return session != null && user != null;
    }

    ClerkUser user() {
        if (user == null) {
            throw new IllegalStateException("no user on this route");
        }
        return user;
    }

    Actor actor() {
        return Actor.of(user(), source());
    }

    Form form() {
        if (form == null) {
            throw new IllegalStateException("no form on a GET route");
        }
        return form;
    }

    /**
     * A search field, trimmed; empty when missing. Searches arrive only as POSTed forms (never in the
     * URL, where a name or birth date would reach browser history and proxy logs): on a GET this is
     * always empty.
     */
    String input(String name) {
        return form == null ? "" : form.get(name).strip();
    }

    /** A query parameter, trimmed; empty when missing. */
    String query(String name) {
        return request.query().contains(name) ? request.query().get(name).strip() : "";
    }

    String pathParameter(String name) {
        return request.path().pathParameters().get(name);
    }

    /**
     * Where the request came from, for the audit log: the remote address and, when the console
     * admits registered PCs only, the PC's certificate id ({@code "10.0.0.5 pc=ward-pc-1"}).
     */
    String source() {
        SocketAddress address = request.remotePeer().address();
        String from = address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(address);
        return RegisteredClients.clientId(request).map(pc -> from + " pc=" + pc).orElse(from);
    }

    String t(String key, Object... arguments) {
        return lang.t(key, arguments);
    }

    void html(Status status, String page) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
        response.send(page.getBytes(StandardCharsets.UTF_8));
    }

    /** 303 See Other to a path of this console. */
    void redirect(String path) {
        if (!LocalPaths.isLocal(path)) {
            throw new IllegalArgumentException("redirects stay on this console");
        }
        response.status(Status.SEE_OTHER_303);
        response.header(HeaderNames.LOCATION, path);
        response.send();
    }
}
