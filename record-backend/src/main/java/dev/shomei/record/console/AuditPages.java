package dev.shomei.record.console;

import dev.shomei.protocol.ServiceRules;
import dev.shomei.record.audit.AuditLog;
import dev.shomei.record.audit.AuditVerifier;
import dev.shomei.record.users.Actor;
import dev.shomei.record.users.Permission;
import io.helidon.http.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The audit log of the user's own municipality (supervisors and administrators): recent entries
 * with filters, the chain check ({@code audit-verify} in the browser), and the monthly review.
 * Viewing the log is itself audited.
 */
final class AuditPages {
    private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern ACTION = Pattern.compile("[A-Z_]{1,32}");
    private static final int LIST_LIMIT = 500;
    private static final int REVIEW_LIMIT = 500_000;

    private final ConsoleContext context;
    private final AuditQueries queries;
    private final ConsoleAudit audit;

    AuditPages(ConsoleContext context, AuditQueries queries, ConsoleAudit audit) {
        this.context = context;
        this.queries = queries;
        this.audit = audit;
    }

    void register(ConsoleRouter router) {
        router.get("/audit", Permission.REVIEW_AUDIT, this::list);
        router.get("/audit/review", Permission.REVIEW_AUDIT, this::review);
        router.post("/audit/verify", Permission.REVIEW_AUDIT, this::verify);
    }

    static String chainOf(Actor actor) {
        return actor.scope().municipality().map(code -> code.value()).orElse(AuditLog.SYSTEM_CHAIN);
    }

    private void list(Exchange x) {
        Actor actor = x.actor();
        List<String> problems = new ArrayList<>();
        String user = x.query("user");
        String action = x.query("action");
        if (!user.isEmpty() && !ACTOR.matcher(user).matches()) {
            problems.add("audit.bad.user");
        }
        if (!action.isEmpty() && !ACTION.matcher(action).matches()) {
            problems.add("audit.bad.action");
        }
        LocalDate from = IssuanceCriteria.date(x.query("from"), problems, "search.bad.from");
        LocalDate to = IssuanceCriteria.date(x.query("to"), problems, "search.bad.to");
        String chain = chainOf(actor);
        List<AuditEntry> entries = List.of();
        if (problems.isEmpty()) {
            entries = queries.list(chain, user.isEmpty() ? null : user, action.isEmpty() ? null : action,
                    from == null ? null : from.atStartOfDay(ServiceRules.ZONE).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(ServiceRules.ZONE).toInstant(), LIST_LIMIT);
            audit.record(actor, "VIEW_AUDIT", "chain", chain, "OK", "rows=" + entries.size());
        }
        List<AuditEntry> shown = entries;
        x.html(Status.OK_200, Layout.page(x, x.t("audit.title"), html -> {
            RecordPages.problems(html, x, problems);
            html.element("p", x.t("audit.intro", chain));
            html.open("form", "method", "get", "action", "/audit", "class", "search");
            Layout.field(html, "user", x.t("field.user"), "text", user, "maxlength", "64", "autofocus", "autofocus");
            Layout.field(html, "action", x.t("field.action"), "text", action, "maxlength", "64", "list", "actions");
            html.open("datalist", "id", "actions");
            for (String known : new String[] {"LOGIN", "LOGOUT", "SEARCH_ISSUANCES", "SEARCH_RESIDENTS", "VIEW_RESIDENT",
                    "EXPORT", "CORRECT_DOSE", "SET_STATUS", "HOLD_RESIDENT", "RELEASE_HOLD", "REGISTER_PASSPORT", "VOID_ISSUANCE", "CREATE_USER",
                    "UPDATE_USER", "PROPOSE_ROLE_CHANGE", "APPROVE_ROLE_CHANGE", "REFUSE_ROLE_CHANGE", "CANCEL_ROLE_CHANGE",
                    "DISABLE_USER", "ENABLE_USER", "RESET_CREDENTIALS", "VIEW_AUDIT", "ISSUE", "MARK_PRINTED",
                    "MARK_VOIDED"}) {
                html.empty("option", "value", known);
            }
            html.close("datalist");
            Layout.field(html, "from", x.t("field.from"), "date", x.query("from"), "maxlength", "64");
            Layout.field(html, "to", x.t("field.to"), "date", x.query("to"), "maxlength", "64");
            html.element("button", x.t("search.submit"), "type", "submit");
            html.close("form");
            html.open("form", "method", "post", "action", "/audit/verify", "class", "inline");
            Layout.csrf(html, x);
            html.element("button", x.t("audit.verify"), "type", "submit");
            html.close("form");
            html.element("p", x.t("search.count", shown.size()), "class", "count", "role", "status");
            entryTable(html, x, shown);
        }));
    }

    static void entryTable(Html html, Exchange x, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            html.element("p", x.t("search.none"));
            return;
        }
        html.open("table", "class", "data audit").open("thead").open("tr");
        for (String column : new String[] {"field.seq", "field.when", "field.user", "field.source", "field.action",
                "field.target", "field.outcome", "field.detail"}) {
            html.element("th", x.t(column), "scope", "col");
        }
        html.close("tr").close("thead").open("tbody");
        for (AuditEntry entry : entries) {
            // labels in the page's language; codes only as small secondary text
            html.open("tr").element("td", entry.seq()).element("td", Formats.time(entry.at()))
                    .open("td").text(entry.actorId() + " ").element("small", label(x, "actorType.", entry.actorType()),
                            "class", "code").close("td")
                    .element("td", entry.source())
                    .element("td", ChangePages.actionLabel(x, entry.action()))
                    .element("td", entry.targetType() == null ? "" : label(x, "targetType.", entry.targetType()) + " " + entry.targetId())
                    .open("td").text(label(x, "outcome.", entry.outcome()));
            if (x.lang.has("outcome." + entry.outcome())) {
                html.text(" ").element("small", entry.outcome(), "class", "code");
            }
            html.close("td");
            detail(html, x, PreviousValues.withoutSealed(entry.detail()));
            html.close("tr");
        }
        html.close("tbody").close("table");
    }

    private static String label(Exchange x, String prefix, String code) {
        return code != null && x.lang.has(prefix + code) ? x.t(prefix + code) : String.valueOf(code);
    }

    private static final Pattern CODE_PAIR = Pattern.compile("\\b(reason|role|from|to)=([A-Z_]+)");

    /**
     * The detail cell: words for the codes it holds ({@code reason=LOCKED} reads ロック中, {@code from=CLERK
     * to=SUPERVISOR} reads 職員（閲覧・窓口交付） → 責任者（訂正・出力）), the recorded detail itself only as small
     * secondary text (issue 18 point 5: labels in the page's language, codes secondary).
     */
    private static void detail(Html html, Exchange x, String detail) {
        html.open("td");
        if (detail != null && !detail.isEmpty()) {
            List<String> words = new ArrayList<>();
            String from = null;
            java.util.regex.Matcher pair = CODE_PAIR.matcher(detail);
            while (pair.find()) {
                String key = (pair.group(1).equals("reason") ? "reason." : "role.") + pair.group(2);
                if (!x.lang.has(key)) {
                    continue;
                }
                if (pair.group(1).equals("from")) {
                    from = x.t(key);
                } else if (pair.group(1).equals("to") && from != null) {
                    words.add(from + " → " + x.t(key));
                    from = null;
                } else {
                    words.add(x.t(key));
                }
            }
            if (!words.isEmpty()) {
                html.text(String.join(" / ", words) + " ");
            }
            html.element("small", detail, "class", "code");
        }
        html.close("td");
    }

    private void verify(Exchange x) {
        Actor actor = x.actor();
        AuditVerifier.Result result = context.verifier().verify();
        audit.record(actor, "VERIFY_AUDIT", "chain", "*", result.intact() ? "OK" : "BROKEN",
                "entries=" + result.entries() + " problems=" + result.problems().size());
        x.html(Status.OK_200, Layout.page(x, x.t("audit.verifyTitle"), html -> {
            if (result.intact()) {
                html.element("p", x.t("audit.intact", result.entries(), result.chains()), "class", "ok", "role", "status");
            } else {
                html.element("p", x.t("audit.broken", result.problems().size()), "class", "error", "role", "alert");
                html.open("ul", "class", "problems");
                for (String problem : result.problems()) {
                    html.element("li", problem);
                }
                html.close("ul");
            }
            html.open("p").element("a", x.t("nav.audit"), "href", "/audit").close("p");
        }));
    }

    private void review(Exchange x) {
        Actor actor = x.actor();
        YearMonth month;
        String monthText = x.query("month");
        List<String> problems = new ArrayList<>();
        try {
            month = monthText.isEmpty() ? YearMonth.from(LocalDate.ofInstant(x.now, ServiceRules.ZONE))
                    : YearMonth.parse(monthText);
        } catch (DateTimeParseException e) {
            problems.add("review.bad.month");
            month = YearMonth.from(LocalDate.ofInstant(x.now, ServiceRules.ZONE));
        }
        String chain = chainOf(actor);
        Instant start = month.atDay(1).atStartOfDay(ServiceRules.ZONE).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ServiceRules.ZONE).toInstant();
        ConsoleSettings settings = context.settings();
        AuditReview review = AuditReview.of(queries.clerkEntries(chain, start, end, REVIEW_LIMIT), settings.officeOpens(),
                settings.officeCloses(), settings.bulkViewThreshold());
        audit.record(actor, "REVIEW_AUDIT", "chain", chain, "OK", "month=" + month);
        YearMonth shown = month;
        x.html(Status.OK_200, Layout.page(x, x.t("review.title", shown), html -> {
            RecordPages.problems(html, x, problems);
            html.open("form", "method", "get", "action", "/audit/review", "class", "search");
            Layout.field(html, "month", x.t("field.month"), "month", problems.isEmpty() ? shown.toString() : monthText,
                    "maxlength", "64", "autofocus", "autofocus");
            html.element("button", x.t("review.show"), "type", "submit");
            html.close("form");
            html.open("p").element("a", x.t("signoff.link", shown), "href", "/audit/signoff?month=" + shown, "class", "button")
                    .close("p");
            html.element("p", x.t("review.intro", settings.officeOpens(), settings.officeCloses(),
                    settings.bulkViewThreshold()));
            html.element("h2", x.t("review.perUser"));
            if (review.users().isEmpty()) {
                html.element("p", x.t("search.none"));
            } else {
                html.open("table", "class", "data").open("thead").open("tr");
                for (String column : new String[] {"field.user", "review.logins", "review.refused", "review.searches",
                        "review.views", "review.distinct", "review.exports", "review.changes", "review.afterHours"}) {
                    html.element("th", x.t(column), "scope", "col");
                }
                html.close("tr").close("thead").open("tbody");
                for (AuditReview.UserSummary u : review.users()) {
                    html.open("tr").element("td", u.userId()).element("td", u.logins()).element("td", u.refusedLogins())
                            .element("td", u.searches()).element("td", u.views()).element("td", u.distinctResidents())
                            .element("td", u.exports()).element("td", u.changes()).element("td", u.afterHours())
                            .close("tr");
                }
                html.close("tbody").close("table");
            }
            html.element("h2", x.t("review.bulk"));
            if (review.bulk().isEmpty()) {
                html.element("p", x.t("search.none"));
            } else {
                html.open("table", "class", "data").open("thead").open("tr")
                        .element("th", x.t("field.user"), "scope", "col").element("th", x.t("field.day"), "scope", "col")
                        .element("th", x.t("review.distinct"), "scope", "col")
                        .element("th", x.t("review.exports"), "scope", "col").close("tr").close("thead").open("tbody");
                for (AuditReview.BulkDay day : review.bulk()) {
                    html.open("tr").element("td", day.userId()).element("td", day.day())
                            .element("td", day.distinctResidents()).element("td", day.exports()).close("tr");
                }
                html.close("tbody").close("table");
            }
            html.element("h2", x.t("review.afterHoursTitle"));
            entryTable(html, x, review.afterHours());
        }));
    }
}
