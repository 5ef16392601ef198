package dev.shomei.record.console;

import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.users.Actor;
import dev.shomei.record.users.ClerkUser;
import dev.shomei.record.users.DisableReason;
import dev.shomei.record.users.NewUser;
import dev.shomei.record.users.Permission;
import dev.shomei.record.users.Role;
import dev.shomei.record.users.RoleChange;
import dev.shomei.record.users.RoleChanges;
import dev.shomei.record.users.Scope;
import dev.shomei.record.users.UserAdministration;
import io.helidon.http.Status;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * User administration (administrators, inside their scope): the list of ids and rights, the
 * periodic review list, issuing an id (initial password shown once), editing role, expiry and
 * shared-id details, disabling at once on transfer or retirement, re-enabling, resetting the
 * credentials. Disabling or resetting ends the user's sessions immediately. A role change waits
 * for a second administrator's approval on these pages (issue 18 point 3).
 */
final class UserPages {
    /** An id unused for this long is marked in the review list. */
    static final Duration UNUSED = Duration.ofDays(90);

    private final ConsoleContext context;

    UserPages(ConsoleContext context) {
        this.context = context;
    }

    private UserAdministration admin() {
        return context.administration();
    }

    void register(ConsoleRouter router) {
        router.get("/users", Permission.MANAGE_USERS, this::list);
        router.get("/users/report", Permission.MANAGE_USERS, this::report);
        router.get("/users/new", Permission.MANAGE_USERS, x -> newForm(x, Status.OK_200, null, null));
        router.post("/users", Permission.MANAGE_USERS, this::create);
        router.get("/users/{id}", Permission.MANAGE_USERS, x -> detail(x, Status.OK_200, null));
        router.post("/users/{id}", Permission.MANAGE_USERS, this::update);
        router.post("/users/{id}/disable", Permission.MANAGE_USERS, this::disable);
        router.post("/users/{id}/enable", Permission.MANAGE_USERS, this::enable);
        router.post("/users/{id}/reset", Permission.MANAGE_USERS, this::reset);
        router.post("/users/{id}/role-change/approve", Permission.MANAGE_USERS, this::approveRoleChange);
        router.post("/users/{id}/role-change/reject", Permission.MANAGE_USERS, this::rejectRoleChange);
    }

    private String state(Exchange x, ClerkUser user) {
        LocalDate today = admin().today();
        if (user.disabled()) {
            return x.t("user.state.disabled") + " (" + x.t("disable." + user.disabledReason().name()) + ")";
        }
        if (user.expired(today)) {
            return x.t("user.state.expired");
        }
        if (user.locked(x.now)) {
            return x.t("user.state.locked");
        }
        if (user.mustEnrol()) {
            return x.t("user.state.enrol");
        }
        return x.t("user.state.active");
    }

    private void list(Exchange x) {
        List<ClerkUser> users = admin().list(x.actor());
        x.html(Status.OK_200, Layout.page(x, x.t("users.title"), html -> {
            html.open("p", "class", "actions").element("a", x.t("users.new"), "href", "/users/new", "class", "button")
                    .text(" ").element("a", x.t("users.report"), "href", "/users/report", "class", "button").close("p");
            List<RoleChange> waiting = admin().roleChanges().open(x.actor());
            if (!waiting.isEmpty()) {
                html.element("h2", x.t("roleChange.waitingTitle"));
                roleChangeTable(html, x, waiting);
            }
            userTable(html, x, users, false);
        }));
    }

    private void userTable(Html html, Exchange x, List<ClerkUser> users, boolean review) {
        html.open("table", "class", "data").open("thead").open("tr");
        for (String column : new String[] {"field.userId", "field.displayName", "field.role", "field.scope", "field.rights",
                "field.expires", "field.state", "field.shared", "field.lastLogin"}) {
            html.element("th", x.t(column), "scope", "col");
        }
        if (review) {
            html.element("th", x.t("users.check"), "scope", "col");
        }
        html.close("tr").close("thead").open("tbody");
        LocalDate today = admin().today();
        for (ClerkUser user : users) {
            html.open("tr").open("td").element("a", user.id(), "href", "/users/" + user.id()).close("td")
                    .element("td", user.displayName()).element("td", x.t("role." + user.role().name()))
                    .element("td", user.scope());
            List<String> rights = new ArrayList<>();
            for (Permission permission : Permission.values()) {
                if (user.role().may(permission)) {
                    rights.add(x.t("permission." + permission.name()));
                }
            }
            html.element("td", String.join(", ", rights)).element("td", user.expiresOn()).element("td", state(x, user));
            html.open("td");
            if (user.shared()) {
                html.text(x.t("users.sharedPeople") + ": " + user.sharedPeople()).empty("br")
                        .text(x.t("users.sharedTerminals") + ": " + user.sharedTerminals());
            } else {
                html.text("-");
            }
            html.close("td").element("td", user.lastLoginAt() == null ? x.t("users.never") : Formats.time(user.lastLoginAt()));
            if (review) {
                List<String> notes = new ArrayList<>();
                if (user.active(today) && user.expiresOn().isBefore(today.plusDays(31))) {
                    notes.add(x.t("users.note.expiring"));
                }
                if (user.active(today) && (user.lastLoginAt() == null ? user.createdAt() : user.lastLoginAt())
                        .isBefore(x.now.minus(UNUSED))) {
                    notes.add(x.t("users.note.unused"));
                }
                if (user.shared()) {
                    notes.add(x.t("users.note.shared"));
                }
                html.element("td", String.join(" / ", notes), "class", notes.isEmpty() ? null : "flag");
            }
            html.close("tr");
        }
        html.close("tbody").close("table");
    }

    private void report(Exchange x) {
        Actor actor = x.actor();
        List<ClerkUser> users = admin().list(actor);
        admin().recordReview(actor, users.size());
        x.html(Status.OK_200, Layout.page(x, x.t("users.reportTitle", Formats.time(x.now)), html -> {
            html.element("p", x.t("users.reportIntro", actor.scope()));
            userTable(html, x, users, true);
        }));
    }

    private List<String> roleOptions(Exchange x, Actor actor) {
        List<String> options = new ArrayList<>();
        for (Role role : Role.values()) {
            if (actor.scope().isNational() || role != Role.STATISTICS) {
                options.add(role.name());
                options.add(x.t("role." + role.name()));
            }
        }
        return options;
    }

    private void newForm(Exchange x, Status status, String problem, Form form) {
        Actor actor = x.actor();
        x.html(status, Layout.page(x, x.t("users.newTitle"), html -> {
            if (problem != null) {
                html.element("p", problem, "class", "error", "role", "alert");
            }
            html.open("form", "method", "post", "action", "/users");
            Layout.csrf(html, x);
            Layout.field(html, "id", x.t("field.userId"), "text", form == null ? "" : form.get("id"), "required", "required",
                    "autofocus", "autofocus", "maxlength", "64", "autocapitalize", "none", "aria-describedby", "id-help");
            html.element("p", x.t("users.idHelp"), "id", "id-help", "class", "help");
            Layout.field(html, "displayName", x.t("field.displayName"), "text", form == null ? "" : form.get("displayName"),
                    "required", "required", "maxlength", "64");
            Layout.select(html, "role", x.t("field.role"), form == null ? Role.CLERK.name() : form.get("role"),
                    roleOptions(x, actor).toArray(String[]::new));
            Layout.field(html, "scope", x.t("field.scope"), "text",
                    form == null ? actor.scope().value() : form.get("scope"), "required", "required", "maxlength", "64",
                    "readonly", actor.scope().isNational() ? null : "readonly");
            Layout.field(html, "expires", x.t("field.expires"), "date",
                    form == null ? admin().today().plusYears(1).toString() : form.get("expires"), "required", "required",
                    "maxlength", "64");
            sharedFields(html, x, form != null && form.checked("shared"), form == null ? "" : form.get("people"),
                    form == null ? "" : form.get("terminals"));
            html.element("button", x.t("users.issue"), "type", "submit");
            html.close("form");
        }));
    }

    private static void sharedFields(Html html, Exchange x, boolean shared, String people, String terminals) {
        html.open("fieldset").element("legend", x.t("users.sharedLegend"));
        html.open("div", "class", "field check");
        html.empty("input", "type", "checkbox", "id", "shared", "name", "shared", "value", "1", "checked",
                Html.flag(shared, "checked"));
        html.element("label", x.t("field.shared"), "for", "shared");
        html.close("div");
        html.open("div", "class", "field").element("label", x.t("users.sharedPeople"), "for", "people")
                .element("textarea", people, "id", "people", "name", "people", "rows", "3", "maxlength", "500").close("div");
        html.open("div", "class", "field").element("label", x.t("users.sharedTerminals"), "for", "terminals")
                .element("textarea", terminals, "id", "terminals", "name", "terminals", "rows", "2", "maxlength", "500")
                .close("div");
        html.element("p", x.t("users.sharedHelp"), "class", "help");
        html.close("fieldset");
    }

    private void create(Exchange x) {
        Form form = x.form();
        Actor actor = x.actor();
        UserAdministration.Issued issued;
        try {
            Role role = parseRole(form.get("role"));
            Scope scope = actor.scope().isNational() ? Scope.parse(form.get("scope")) : actor.scope();
            issued = admin().create(actor, new NewUser(form.get("id"), form.get("displayName"), role, scope,
                    parseDate(form.get("expires")), form.checked("shared"), form.get("people"), form.get("terminals")));
        } catch (ShomeiException e) {
            if (e instanceof Actor.ForbiddenException) {
                throw e;
            }
            newForm(x, Status.BAD_REQUEST_400, ConsoleRouter.reason(e), form);
            return;
        }
        x.html(Status.OK_200, Layout.page(x, x.t("users.issuedTitle", issued.user().id()), html -> {
            html.element("p", x.t("users.issuedIntro"));
            html.open("dl", "class", "facts").element("dt", x.t("field.userId")).element("dd", issued.user().id())
                    .element("dt", x.t("users.initialPassword")).open("dd").element("code", issued.initialPassword(),
                            "class", "secret").close("dd").close("dl");
            html.element("p", x.t("users.initialHelp"), "class", "help");
            html.open("p").element("a", x.t("nav.users"), "href", "/users").close("p");
        }));
    }

    private void detail(Exchange x, Status status, String problem) {
        ClerkUser user = admin().find(x.actor(), x.pathParameter("id"));
        x.html(status, Layout.page(x, x.t("users.detailTitle", user.id()), html -> {
            if (problem != null) {
                html.element("p", problem, "class", "error", "role", "alert");
            }
            html.open("dl", "class", "facts");
            html.element("dt", x.t("field.state")).element("dd", state(x, user));
            html.element("dt", x.t("field.scope")).element("dd", user.scope());
            html.element("dt", x.t("field.createdBy")).element("dd", user.createdBy() + " " + Formats.time(user.createdAt()));
            html.element("dt", x.t("field.lastLogin")).element("dd",
                    user.lastLoginAt() == null ? x.t("users.never") : Formats.time(user.lastLoginAt()));
            html.close("dl");
            admin().roleChanges().openFor(x.actor(), user.id()).ifPresent(change -> {
                html.element("h2", x.t("roleChange.waitingTitle"));
                roleChangeTable(html, x, List.of(change));
            });
            html.element("h2", x.t("users.edit"));
            html.open("form", "method", "post", "action", "/users/" + user.id());
            Layout.csrf(html, x);
            Layout.field(html, "displayName", x.t("field.displayName"), "text", user.displayName(), "required", "required",
                    "maxlength", "64");
            Layout.select(html, "role", x.t("field.role"), user.role().name(), roleOptions(x, x.actor()).toArray(String[]::new));
            html.element("p", x.t("roleChange.help"), "class", "help");
            Layout.field(html, "expires", x.t("field.expires"), "date", user.expiresOn().toString(), "required", "required",
                    "maxlength", "64");
            sharedFields(html, x, user.shared(), user.sharedPeople(), user.sharedTerminals());
            html.element("button", x.t("change.save"), "type", "submit");
            html.close("form");
            html.element("h2", x.t("users.disableTitle"));
            if (user.disabled()) {
                html.open("form", "method", "post", "action", "/users/" + user.id() + "/enable", "class", "inline");
                Layout.csrf(html, x);
                html.element("button", x.t("users.enable"), "type", "submit");
                html.close("form");
            } else {
                html.open("form", "method", "post", "action", "/users/" + user.id() + "/disable", "class", "inline");
                Layout.csrf(html, x);
                List<String> reasons = new ArrayList<>();
                for (DisableReason reason : DisableReason.values()) {
                    reasons.add(reason.name());
                    reasons.add(x.t("disable." + reason.name()));
                }
                Layout.select(html, "reason", x.t("field.disableReason"), DisableReason.TRANSFER.name(),
                        reasons.toArray(String[]::new));
                html.element("button", x.t("users.disable"), "type", "submit", "class", "danger");
                html.close("form");
            }
            html.element("h2", x.t("users.resetTitle"));
            html.element("p", x.t("users.resetHelp"), "class", "help");
            html.open("form", "method", "post", "action", "/users/" + user.id() + "/reset", "class", "inline");
            Layout.csrf(html, x);
            html.element("button", x.t("users.reset"), "type", "submit");
            html.close("form");
        }));
    }

    private void update(Exchange x) {
        Form form = x.form();
        String id = x.pathParameter("id");
        try {
            admin().update(x.actor(), id, form.get("displayName"), parseRole(form.get("role")), parseDate(form.get("expires")),
                    form.checked("shared"), form.get("people"), form.get("terminals"));
        } catch (RoleChanges.Refused e) {
            detail(x, Status.BAD_REQUEST_400, x.t("roleChange.refused." + e.why().name()));
            return;
        } catch (ShomeiException e) {
            if (e instanceof Actor.ForbiddenException || e.code() == dev.shomei.protocol.ErrorCode.NO_RECORD) {
                throw e;
            }
            detail(x, Status.BAD_REQUEST_400, ConsoleRouter.reason(e));
            return;
        }
        x.redirect("/users/" + id); // a different role waits for a second administrator (shown on the page)
    }

    /**
     * Open role changes with what the viewing administrator may do: approve or refuse another's
     * proposal, withdraw their own; the id whose role changes only sees it.
     */
    private void roleChangeTable(Html html, Exchange x, List<RoleChange> changes) {
        html.open("table", "class", "data role-changes").open("thead").open("tr");
        for (String column : new String[] {"field.userId", "roleChange.from", "roleChange.to", "roleChange.proposedBy",
                "field.when", "roleChange.decide"}) {
            html.element("th", x.t(column), "scope", "col");
        }
        html.close("tr").close("thead").open("tbody");
        String me = x.actor().userId();
        for (RoleChange change : changes) {
            html.open("tr").open("td").element("a", change.userId(), "href", "/users/" + change.userId()).close("td")
                    .element("td", x.t("role." + change.fromRole().name())).element("td", x.t("role." + change.toRole().name()))
                    .element("td", change.proposedBy()).element("td", Formats.time(change.proposedAt())).open("td");
            if (me.equals(change.userId())) {
                html.element("span", x.t("roleChange.ownRole"), "class", "help");
            } else if (me.equals(change.proposedBy())) {
                html.element("span", x.t("roleChange.ownProposal"), "class", "help").text(" ");
                decisionButton(html, x, change, "reject", "roleChange.withdraw", null);
            } else {
                decisionButton(html, x, change, "approve", "roleChange.approve", null);
                decisionButton(html, x, change, "reject", "roleChange.refuse", "danger");
            }
            html.close("td").close("tr");
        }
        html.close("tbody").close("table");
    }

    private static void decisionButton(Html html, Exchange x, RoleChange change, String step, String label, String style) {
        html.open("form", "method", "post", "action", "/users/" + change.userId() + "/role-change/" + step, "class", "inline");
        Layout.csrf(html, x);
        html.empty("input", "type", "hidden", "name", "change", "value", change.id());
        html.element("button", x.t(label), "type", "submit", "class", style);
        html.close("form");
    }

    private void approveRoleChange(Exchange x) {
        String id = x.pathParameter("id");
        try {
            admin().roleChanges().approve(x.actor(), id, x.form().get("change"));
        } catch (RoleChanges.Refused e) {
            detail(x, Status.BAD_REQUEST_400, x.t("roleChange.refused." + e.why().name()));
            return;
        }
        context.sessions().invalidateUser(id); // the new role applies from the next login
        x.redirect("/users/" + id);
    }

    private void rejectRoleChange(Exchange x) {
        String id = x.pathParameter("id");
        try {
            admin().roleChanges().reject(x.actor(), id, x.form().get("change"));
        } catch (RoleChanges.Refused e) {
            detail(x, Status.BAD_REQUEST_400, x.t("roleChange.refused." + e.why().name()));
            return;
        }
        x.redirect("/users/" + id);
    }

    private void disable(Exchange x) {
        String id = x.pathParameter("id");
        DisableReason reason;
        try {
            reason = DisableReason.valueOf(x.form().get("reason"));
        } catch (IllegalArgumentException e) {
            throw new BadInput("users.bad.reason");
        }
        admin().disable(x.actor(), id, reason);
        context.sessions().invalidateUser(id);
        x.redirect("/users/" + id);
    }

    private void enable(Exchange x) {
        String id = x.pathParameter("id");
        admin().enable(x.actor(), id);
        x.redirect("/users/" + id);
    }

    private void reset(Exchange x) {
        String id = x.pathParameter("id");
        String password = admin().resetCredentials(x.actor(), id);
        context.sessions().invalidateUser(id);
        x.html(Status.OK_200, Layout.page(x, x.t("users.issuedTitle", id), html -> {
            html.element("p", x.t("users.resetDone"));
            html.open("dl", "class", "facts").element("dt", x.t("users.initialPassword")).open("dd")
                    .element("code", password, "class", "secret").close("dd").close("dl");
            html.element("p", x.t("users.initialHelp"), "class", "help");
            html.open("p").element("a", x.t("nav.users"), "href", "/users").close("p");
        }));
    }

    private static Role parseRole(String value) {
        try {
            return Role.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ShomeiException(dev.shomei.protocol.ErrorCode.INVALID_REQUEST, "unknown role");
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ShomeiException(dev.shomei.protocol.ErrorCode.INVALID_REQUEST, "expiry must be a date");
        }
    }
}
