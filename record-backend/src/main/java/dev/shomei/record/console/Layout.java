package dev.shomei.record.console;

import dev.shomei.record.users.ClerkUser;
import dev.shomei.record.users.Permission;
import java.util.function.Consumer;

/** The page frame: head, skip link, header with navigation by permission, language switch, logout. */
final class Layout {
    private Layout() {
    }

    static String page(Exchange exchange, String title, Consumer<Html> body) {
        Lang lang = exchange.lang;
        Html html = new Html().doctype();
        html.open("html", "lang", lang.code());
        html.open("head").empty("meta", "charset", "utf-8")
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .empty("meta", "name", "robots", "content", "noindex, nofollow")
                .element("title", title + " | " + lang.t("app.short"))
                .empty("link", "rel", "stylesheet", "href", "/static/console.css")
                .close("head");
        html.open("body");
        html.element("a", lang.t("nav.skip"), "class", "skip", "href", "#main");
        html.open("header", "class", "top");
        html.element("span", lang.t("app.name"), "class", "app");
        if (exchange.hasSession() && exchange.session().stage() == Session.Stage.FULL) {
            navigation(html, exchange);
        }
        html.open("div", "class", "account");
        html.element("a", lang.other() == Lang.EN ? "English" : "日本語", "href",
                "/lang/" + lang.other().code() + "?back=" + LocalPaths.encode(currentPath(exchange)),
                "hreflang", lang.other().code(), "lang", lang.other().code(), "accesskey", "l");
        if (exchange.hasSession()) {
            ClerkUser user = exchange.user();
            html.element("span", user.id() + " (" + lang.t("role." + user.role().name()) + " / " + user.scope() + ")",
                    "class", "who");
            if (exchange.session().stage() == Session.Stage.FULL) {
                html.open("form", "method", "post", "action", "/logout", "class", "inline");
                csrf(html, exchange);
                html.element("button", lang.t("nav.logout"), "type", "submit");
                html.close("form");
            }
        }
        html.close("div").close("header");
        html.open("main", "id", "main", "tabindex", "-1");
        html.element("h1", title);
        body.accept(html);
        html.close("main").close("body").close("html");
        return html.toString();
    }

    private static void navigation(Html html, Exchange exchange) {
        ClerkUser user = exchange.user();
        Lang lang = exchange.lang;
        html.open("nav", "aria-label", lang.t("nav.label")).open("ul");
        if (user.role().may(Permission.READ_RECORDS)) {
            item(html, "/issuances", lang.t("nav.issuances"), "1");
            item(html, "/residents", lang.t("nav.residents"), "2");
        }
        if (user.role().may(Permission.READ_RECORDS)) {
            item(html, "/requests", lang.t("nav.requests"), "9");
        }
        if (user.role().may(Permission.CHANGE_RECORDS)) {
            item(html, "/retention", lang.t("nav.retention"), "8");
            item(html, "/provisions", lang.t("nav.provisions"), "0");
        }
        if (user.role().may(Permission.EXPORT)) {
            item(html, "/export", lang.t("nav.export"), "3");
        }
        if (user.role().may(Permission.REVIEW_AUDIT)) {
            item(html, "/audit", lang.t("nav.audit"), "4");
            item(html, "/audit/review", lang.t("nav.review"), "5");
        }
        if (user.role().may(Permission.MANAGE_USERS)) {
            item(html, "/users", lang.t("nav.users"), "6");
        }
        if (user.role().may(Permission.VIEW_STATISTICS)) {
            item(html, "/statistics", lang.t("nav.statistics"), "7");
        }
        html.close("ul").close("nav");
    }

    private static void item(Html html, String href, String label, String key) {
        html.open("li").element("a", label, "href", href, "accesskey", key).close("li");
    }

    /** The hidden CSRF field every POST form carries. */
    static void csrf(Html html, Exchange exchange) {
        html.empty("input", "type", "hidden", "name", Form.CSRF_FIELD, "value", exchange.session().csrfToken());
    }

    private static String currentPath(Exchange exchange) {
        String path = exchange.request.path().rawPath();
        String query = exchange.request.query().rawValue();
        String full = query == null || query.isEmpty() ? path : path + "?" + query;
        return LocalPaths.isLocal(full) && exchange.request.prologue().method() == io.helidon.http.Method.GET ? full : "/";
    }

    /** A labelled input: label, then the field; {@code attributes} are extra name/value pairs. */
    static void field(Html html, String id, String label, String type, String value, String... attributes) {
        html.open("div", "class", "field");
        html.element("label", label, "for", id);
        String[] all = new String[8 + attributes.length];
        all[0] = "id";
        all[1] = id;
        all[2] = "name";
        all[3] = id;
        all[4] = "type";
        all[5] = type;
        all[6] = "value";
        all[7] = value;
        System.arraycopy(attributes, 0, all, 8, attributes.length);
        html.empty("input", all);
        html.close("div");
    }

    /** A labelled select; {@code options} are value, label pairs. */
    static void select(Html html, String id, String label, String selected, String... options) {
        html.open("div", "class", "field");
        html.element("label", label, "for", id);
        html.open("select", "id", id, "name", id);
        for (int i = 0; i < options.length; i += 2) {
            html.element("option", options[i + 1], "value", options[i], "selected", Html.flag(options[i].equals(selected), "selected"));
        }
        html.close("select").close("div");
    }
}
