package dev.shomei.record.console;

import dev.shomei.record.store.ReviewSignOffRepository;
import dev.shomei.record.users.Permission;
import io.helidon.http.Status;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The monthly review's sign-off page ({@code /audit/signoff?month=YYYY-MM}): who confirmed the month
 * with which findings, and the form to confirm it; and the alert a supervisor sees on the start page
 * while last month lacks its two sign-offs.
 */
final class SignOffPages {
    private final ReviewSignOffs signOffs;

    SignOffPages(ReviewSignOffs signOffs) {
        this.signOffs = signOffs;
    }

    void register(ConsoleRouter router) {
        router.get("/audit/signoff", Permission.REVIEW_AUDIT, this::page);
        router.post("/audit/signoff", Permission.REVIEW_AUDIT, this::signOff);
    }

    /** The start page's alert for a reviewer while last month is not signed by two. */
    void alert(Html html, Exchange x) {
        if (!x.user().role().may(Permission.REVIEW_AUDIT) || !signOffs.previousMonthMissing(x.actor())) {
            return;
        }
        YearMonth month = signOffs.currentMonth().minusMonths(1);
        html.open("p", "class", "error signoff-alert", "role", "alert")
                .text(x.t("signoff.alert", month, signOffs.of(x.actor(), month).size(), ReviewSignOffs.REQUIRED)).text(" ")
                .element("a", x.t("signoff.alertLink"), "href", "/audit/signoff?month=" + month).close("p");
    }

    private YearMonth month(String text, YearMonth fallback) {
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInput("review.bad.month");
        }
    }

    private void page(Exchange x) {
        YearMonth month = month(x.query("month"), signOffs.currentMonth().minusMonths(1));
        render(x, Status.OK_200, month, null, "");
    }

    private void render(Exchange x, Status status, YearMonth month, String problem, String findings) {
        List<ReviewSignOffRepository.SignOff> signed = signOffs.of(x.actor(), month);
        x.html(status, Layout.page(x, x.t("signoff.title", month), html -> {
            if (problem != null) {
                RecordPages.problems(html, x, List.of(problem));
            }
            html.open("p").element("a", x.t("signoff.toReview", month), "href", "/audit/review?month=" + month).close("p");
            boolean complete = signed.size() >= ReviewSignOffs.REQUIRED;
            html.element("p", complete ? x.t("signoff.complete", signed.size())
                            : x.t("signoff.incomplete", signed.size(), ReviewSignOffs.REQUIRED),
                    "class", complete ? "count" : "flag", "role", "status");
            if (!signed.isEmpty()) {
                html.open("table", "class", "data signoffs").open("thead").open("tr")
                        .element("th", x.t("field.user"), "scope", "col").element("th", x.t("field.when"), "scope", "col")
                        .element("th", x.t("signoff.findings"), "scope", "col").close("tr").close("thead").open("tbody");
                for (ReviewSignOffRepository.SignOff s : signed) {
                    html.open("tr").element("td", s.userId()).element("td", Formats.time(s.at()))
                            .element("td", s.findings()).close("tr");
                }
                html.close("tbody").close("table");
            }
            boolean mine = signed.stream().anyMatch(s -> s.userId().equals(x.user().id()));
            if (!mine && month.isBefore(signOffs.currentMonth())) {
                html.open("form", "method", "post", "action", "/audit/signoff");
                Layout.csrf(html, x);
                html.empty("input", "type", "hidden", "name", "month", "value", month.toString());
                html.open("div", "class", "field").element("label", x.t("signoff.findings"), "for", "findings")
                        .element("textarea", findings, "id", "findings", "name", "findings", "rows", "4",
                                "maxlength", String.valueOf(ReviewSignOffs.FINDINGS_MAX), "required", "required")
                        .close("div");
                html.element("p", x.t("signoff.help"), "class", "help");
                html.element("button", x.t("signoff.submit"), "type", "submit");
                html.close("form");
            } else if (mine) {
                html.element("p", x.t("signoff.alreadyMine"), "class", "help");
            }
        }));
    }

    private void signOff(Exchange x) {
        Form form = x.form();
        YearMonth month = month(form.get("month"), null);
        if (month == null) {
            throw new BadInput("review.bad.month");
        }
        try {
            signOffs.signOff(x.actor(), month, form.get("findings"));
        } catch (BadInput e) {
            render(x, Status.BAD_REQUEST_400, month, e.messageKey(), form.get("findings"));
            return;
        }
        x.redirect("/audit/signoff?month=" + month);
    }
}
