package dev.shomei.record.console;

import dev.shomei.protocol.otp.Base32;
import dev.shomei.record.audit.AuditEvent;
import dev.shomei.record.users.Authenticator;
import dev.shomei.record.users.ClerkUser;
import dev.shomei.record.users.Enrolment;
import dev.shomei.record.users.Permission;
import dev.shomei.record.users.Role;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Arrays;

/** Login (password + TOTP), first-login enrolment (QR code), logout, language switch, the style sheet. */
final class AuthPages {
    private final ConsoleContext context;
    private final SecureRandom random = new SecureRandom();
    private final byte[] css;

    AuthPages(ConsoleContext context) {
        this.context = context;
        try (InputStream in = AuthPages.class.getClassLoader().getResourceAsStream("console/console.css")) {
            if (in == null) {
                throw new IllegalStateException("missing console/console.css");
            }
            this.css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(ConsoleRouter router) {
        router.publicGet("/login", this::loginPage);
        router.publicPost("/login", this::login);
        router.enrolGet("/enrol", this::enrolPage);
        router.enrolPost("/enrol", this::enrol);
        router.post("/logout", null, this::logout);
        router.publicGet("/lang/{lang}", this::language);
        router.publicGet("/static/console.css", this::stylesheet);
        router.get("/", null, this::home);
    }

    private void home(Exchange x) {
        Role role = x.user().role();
        if (role.may(Permission.READ_RECORDS)) {
            x.redirect("/issuances");
        } else if (role.may(Permission.MANAGE_USERS)) {
            x.redirect("/users");
        } else {
            x.redirect("/statistics");
        }
    }

    private void loginPage(Exchange x) {
        renderLogin(x, Status.OK_200, "", null);
    }

    /** @param error the refusal in the page's language, or null */
    private void renderLogin(Exchange x, Status status, String userId, String error) {
        String token = Cookies.get(x.request, Cookies.LOGIN_CSRF).filter(value -> value.length() == 43)
                .orElseGet(() -> context.sessions().token());
        x.response.headers().add(HeaderNames.SET_COOKIE, Cookies.set(Cookies.LOGIN_CSRF, token));
        x.html(status, Layout.page(x, x.t("login.title"), html -> {
            if (error != null) {
                html.element("p", error, "class", "error", "role", "alert");
            }
            html.open("form", "method", "post", "action", "/login", "class", "login");
            html.empty("input", "type", "hidden", "name", Form.CSRF_FIELD, "value", token);
            Layout.field(html, "user", x.t("login.user"), "text", userId, "autocomplete", "username", "required", "required",
                    "autofocus", "autofocus", "maxlength", "64", "autocapitalize", "none", "spellcheck", "false");
            Layout.field(html, "password", x.t("login.password"), "password", "", "autocomplete", "current-password",
                    "required", "required", "maxlength", "128");
            Layout.field(html, "code", x.t("login.code"), "text", "", "autocomplete", "one-time-code",
                    "inputmode", "numeric", "maxlength", "6", "aria-describedby", "code-help");
            html.element("p", x.t("login.codeHelp"), "id", "code-help", "class", "help");
            html.element("button", x.t("login.submit"), "type", "submit");
            html.close("form");
            html.element("p", x.t("login.notice"), "class", "help");
        }));
    }

    private void login(Exchange x) {
        Form form = x.form();
        Cookies.get(x.request, Cookies.SESSION).ifPresent(context.sessions()::invalidate); // never reuse an id from before login
        String userId = form.get("user");
        char[] password = form.chars("password");
        Authenticator.Result result;
        try {
            result = context.authenticator().login(userId, password, form.get("code"), x.source());
        } finally {
            Arrays.fill(password, '\0');
        }
        switch (result.outcome()) {
            case OK -> {
                Session session = context.sessions().create(result.user(), Session.Stage.FULL, null);
                x.response.headers().add(HeaderNames.SET_COOKIE, Cookies.set(Cookies.SESSION, session.id()));
                x.response.headers().add(HeaderNames.SET_COOKIE, Cookies.expire(Cookies.LOGIN_CSRF));
                x.redirect("/");
            }
            case ENROL -> {
                Session session = context.sessions().create(result.user(), Session.Stage.ENROLLING, Enrolment.newSecret(random));
                x.response.headers().add(HeaderNames.SET_COOKIE, Cookies.set(Cookies.SESSION, session.id()));
                x.response.headers().add(HeaderNames.SET_COOKIE, Cookies.expire(Cookies.LOGIN_CSRF));
                x.redirect("/enrol");
            }
            // a lock is said with its end: unknown ids lock alike, so it tells nobody whether the id exists
            case REFUSED -> renderLogin(x, Status.UNAUTHORIZED_401, userId, result.lockedUntil() == null
                    ? x.t("login.failed") : x.t("login.locked", Formats.time(result.lockedUntil())));
        }
    }

    private void enrolPage(Exchange x) {
        renderEnrol(x, Status.OK_200, null);
    }

    private void renderEnrol(Exchange x, Status status, String errorKey) {
        Session session = x.session();
        String uri = context.enrolment().enrolmentUri(session.userId(), session.enrolmentSecret());
        String secret = Base32.encode(session.enrolmentSecret()).replaceAll("(.{4})", "$1 ").strip();
        x.html(status, Layout.page(x, x.t("enrol.title"), html -> {
            if (errorKey != null) {
                html.element("p", x.t(errorKey), "class", "error", "role", "alert");
            }
            html.element("p", x.t("enrol.intro"));
            html.open("figure", "class", "qr");
            QrSvg.write(html, uri, 240, x.t("enrol.qrLabel"));
            html.open("figcaption").text(x.t("enrol.manual")).text(" ").element("code", secret, "class", "secret").close("figcaption");
            html.close("figure");
            html.open("form", "method", "post", "action", "/enrol");
            Layout.csrf(html, x);
            Layout.field(html, "code", x.t("enrol.code"), "text", "", "autocomplete", "one-time-code", "inputmode", "numeric",
                    "maxlength", "6", "required", "required", "autofocus", "autofocus");
            Layout.field(html, "password", x.t("enrol.password"), "password", "", "autocomplete", "new-password",
                    "required", "required", "minlength", "12", "maxlength", "128", "aria-describedby", "password-help");
            html.element("p", x.t("enrol.passwordHelp"), "id", "password-help", "class", "help");
            Layout.field(html, "repeat", x.t("enrol.repeat"), "password", "", "autocomplete", "new-password",
                    "required", "required", "maxlength", "128");
            html.element("button", x.t("enrol.submit"), "type", "submit");
            html.close("form");
        }));
    }

    private void enrol(Exchange x) {
        Form form = x.form();
        Session session = x.session();
        ClerkUser user;
        try {
            user = context.enrolment().complete(session.userId(), session.enrolmentSecret(), form.get("code"),
                    form.chars("password"), form.chars("repeat"), x.source());
        } catch (Enrolment.EnrolmentException e) {
            if (session.enrolmentFailed() >= 5) {
                context.sessions().invalidate(session.id());
                x.response.headers().add(HeaderNames.SET_COOKIE, Cookies.expire(Cookies.SESSION));
                x.redirect("/login");
                return;
            }
            renderEnrol(x, Status.BAD_REQUEST_400, "enrol.problem." + e.problem().name());
            return;
        }
        context.sessions().invalidate(session.id()); // a new id once fully logged in
        Session full = context.sessions().create(user, Session.Stage.FULL, null);
        x.response.headers().add(HeaderNames.SET_COOKIE, Cookies.set(Cookies.SESSION, full.id()));
        x.redirect("/");
    }

    private void logout(Exchange x) {
        Session session = x.session();
        context.sessions().invalidate(session.id());
        context.database().write(tx -> context.audit().append(tx, new AuditEvent("CLERK", session.userId(), x.source(),
                "LOGOUT", session.scope().municipality().orElse(null), "user", session.userId(), "OK", null)));
        x.response.headers().add(HeaderNames.SET_COOKIE, Cookies.expire(Cookies.SESSION));
        x.redirect("/login");
    }

    private void language(Exchange x) {
        Lang lang = Lang.parse(x.pathParameter("lang"));
        String back = x.query("back");
        x.response.headers().add(HeaderNames.SET_COOKIE, Cookies.setPersistent(Cookies.LANG, lang.code(), 365 * 24 * 3600));
        x.redirect(LocalPaths.isLocal(back) ? back : "/");
    }

    private void stylesheet(Exchange x) {
        x.response.header(HeaderNames.CONTENT_TYPE, "text/css; charset=UTF-8");
        x.response.header(HeaderNames.CACHE_CONTROL, "public, max-age=3600");
        x.response.send(css);
    }
}
