package dev.shomei.record.console;

import dev.shomei.printing.pdf.CertificateFont;
import dev.shomei.printing.pdf.CertificateRenderer;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.record.domain.Channel;
import dev.shomei.record.domain.Issuance;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.users.Permission;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The window's pages (issue 21): issue a certificate for a resident after the identity check (with the
 * passport data an overseas certificate needs), reissue a lost one, and the hand-over page where the
 * clerk opens the PDF for the office printer and reports it handed out, mailed, or not. A refused form
 * is shown again with what was typed and changes nothing.
 */
final class CounterPages {
    private static final Pattern CERTIFICATE_ID = Pattern.compile("[0-9A-Z]{1,16}");

    private final ConsoleContext context;
    private final CounterIssuance counter;
    private final RecordChanges changes;
    private final RecordQueries queries;
    private final ConsoleAudit audit;
    private final ResidentRepository residents = new ResidentRepository();
    private volatile CertificateRenderer renderer;

    CounterPages(ConsoleContext context, CounterIssuance counter, RecordChanges changes, RecordQueries queries,
                 ConsoleAudit audit) {
        this.context = context;
        this.counter = counter;
        this.changes = changes;
        this.queries = queries;
        this.audit = audit;
    }

    void register(ConsoleRouter router) {
        router.get("/residents/{id}/issue", Permission.ISSUE_CERTIFICATES, this::issuePage);
        router.post("/residents/{id}/issue", Permission.ISSUE_CERTIFICATES, this::issue);
        router.get("/issuances/{certificate}/reissue", Permission.ISSUE_CERTIFICATES, this::reissuePage);
        router.post("/issuances/{certificate}/reissue", Permission.ISSUE_CERTIFICATES, this::reissue);
        router.get("/counter/{certificate}", Permission.ISSUE_CERTIFICATES, this::handOverPage);
        router.get("/counter/{certificate}/certificate.pdf", Permission.ISSUE_CERTIFICATES, this::pdf);
        router.post("/counter/{certificate}/handed-out", Permission.ISSUE_CERTIFICATES, this::handedOut);
        router.post("/counter/{certificate}/void", Permission.ISSUE_CERTIFICATES, this::notHandedOut);
    }

    /** The resident page's button to this flow. */
    static void residentLink(Html html, Exchange x, Resident resident) {
        if (x.user().role().may(Permission.ISSUE_CERTIFICATES)) {
            html.open("p").element("a", x.t("counter.issueLink"), "href", "/residents/" + resident.id() + "/issue",
                    "class", "button").close("p");
        }
    }

    /** The issuance table's link to reissue a handed-out certificate. */
    static void reissueLink(Html html, Exchange x, IssuanceRow row) {
        if (row.status() == IssuanceStatus.PRINTED && x.user().role().may(Permission.ISSUE_CERTIFICATES)) {
            html.text(" ").element("a", x.t("counter.reissueLink"), "href", "/issuances/" + row.certificateId() + "/reissue");
        }
    }

    /** What the form holds, as typed (shown again when refused). */
    private record Typed(String type, String channel, String copies, String identity, String passport, String family,
                         String given, String nationality) {
        static Typed of(Exchange x) {
            return new Typed(x.input("type"), x.input("channel"), x.input("copies"), x.input("identity"),
                    x.input("passport"), x.input("family"), x.input("given"), x.input("nationality"));
        }
    }

    private void issuePage(Exchange x) {
        Resident r = PathIds.resident(context, x);
        audit.record(x.actor(), "VIEW_RESIDENT", "resident", r.id(), "OK", "page=counter-issue");
        renderIssue(x, Status.OK_200, r, null, new Typed(CertificateType.DOMESTIC.name(), Channel.WINDOW.name(), "1", "",
                nonNull(r.passportNumber()), r.nameRoman() == null ? "" : r.nameRoman().family(),
                r.nameRoman() == null ? "" : r.nameRoman().given(), r.nationality() == null ? "JPN" : r.nationality()));
    }

    private void renderIssue(Exchange x, Status status, Resident r, String problem, Typed typed) {
        x.html(status, Layout.page(x, x.t("counter.issueTitle", r.atenaNumber()), html -> {
            problem(html, x, problem);
            identityFacts(html, x, r);
            html.open("form", "method", "post", "action", "/residents/" + r.id() + "/issue", "class", "counter");
            Layout.csrf(html, x);
            orderFields(html, x, typed, true);
            html.open("fieldset").element("legend", x.t("counter.passportLegend"));
            Layout.field(html, "passport", x.t("field.passport"), "text", typed.passport(), "maxlength", "64",
                    "autocapitalize", "characters");
            Layout.field(html, "family", x.t("field.romanFamily"), "text", typed.family(), "maxlength", "64");
            Layout.field(html, "given", x.t("field.romanGiven"), "text", typed.given(), "maxlength", "64");
            Layout.field(html, "nationality", x.t("field.nationality"), "text", typed.nationality(), "maxlength", "64");
            html.close("fieldset");
            html.element("p", x.t("change.auditNotice"), "class", "help");
            html.element("button", x.t("counter.issueSubmit"), "type", "submit");
            html.close("form");
            html.open("p").element("a", x.t("change.cancel"), "href", "/residents/" + r.id()).close("p");
        }));
    }

    /** What the clerk compares with the identity document; the My Number is never shown. */
    private static void identityFacts(Html html, Exchange x, Resident r) {
        html.element("p", x.t("counter.identityIntro"), "class", "help");
        html.open("dl", "class", "facts");
        html.element("dt", x.t("field.atena")).element("dd", r.atenaNumber());
        html.element("dt", x.t("field.nameKanji")).element("dd", r.nameKanji().familyFirst());
        html.element("dt", x.t("field.nameKana")).element("dd", r.nameKana() == null ? "" : r.nameKana().familyFirst());
        html.element("dt", x.t("field.birthDate")).element("dd", r.birthDate());
        html.element("dt", x.t("field.address")).element("dd", nonNull(r.address()));
        html.close("dl");
    }

    /** Type (fixed for a reissue), channel, copies and the identity check. */
    private static void orderFields(Html html, Exchange x, Typed typed, boolean chooseType) {
        if (chooseType) {
            List<String> types = new ArrayList<>();
            for (CertificateType type : CertificateType.values()) {
                types.add(type.name());
                types.add(x.t("type." + type.name()));
            }
            Layout.select(html, "type", x.t("field.type"), typed.type(), types.toArray(String[]::new));
        } else {
            html.empty("input", "type", "hidden", "name", "type", "value", typed.type());
        }
        Layout.select(html, "channel", x.t("field.counterChannel"), typed.channel(),
                Channel.WINDOW.name(), x.t("channel." + Channel.WINDOW.name()),
                Channel.POSTAL.name(), x.t("channel." + Channel.POSTAL.name()));
        Layout.field(html, "copies", x.t("field.copies"), "number", typed.copies(), "min", "1",
                "max", String.valueOf(ServiceRules.COPIES_MAX), "required", "required");
        List<String> checks = new ArrayList<>(List.of("", x.t("identity.choose")));
        for (IdentityCheck check : IdentityCheck.values()) {
            checks.add(check.name());
            checks.add(x.t("identity." + check.name()));
        }
        Layout.select(html, "identity", x.t("field.identity"), typed.identity(), checks.toArray(String[]::new));
    }

    private void issue(Exchange x) {
        Resident r = PathIds.resident(context, x);
        Typed typed = Typed.of(x);
        Issuance issued;
        try {
            CounterIssuance.Order order = CounterIssuance.order(typed.type(), typed.channel(), typed.copies(), typed.identity());
            if (order.type() == CertificateType.OVERSEAS && passportChanged(r, typed)) {
                changes.registerPassportAtCounter(x.actor(), r.id(), typed.passport(), typed.family(), typed.given(),
                        typed.nationality());
            }
            issued = counter.issue(x.actor(), r.id(), order);
        } catch (BadInput e) {
            renderIssue(x, Status.BAD_REQUEST_400, PathIds.resident(context, x), e.messageKey(), typed);
            return;
        }
        x.redirect("/counter/" + issued.certificateId());
    }

    /** Whether passport data was typed that differs from the record (then it is registered, and audited). */
    private static boolean passportChanged(Resident r, Typed typed) {
        if (typed.passport().isBlank() && typed.family().isBlank() && typed.given().isBlank()
                && typed.nationality().isBlank()) {
            return false; // nothing typed: the data on file (if any) is used
        }
        String family = r.nameRoman() == null ? "" : r.nameRoman().family();
        String given = r.nameRoman() == null ? "" : r.nameRoman().given();
        return !upper(typed.passport()).equals(nonNull(r.passportNumber())) || !upper(typed.family()).equals(family)
                || !upper(typed.given()).equals(nonNull(given)) || !upper(typed.nationality()).equals(nonNull(r.nationality()));
    }

    private IssuanceRow row(Exchange x) {
        String certificate = x.pathParameter("certificate");
        if (!CERTIFICATE_ID.matcher(certificate).matches()) {
            throw new ShomeiException(ErrorCode.NO_RECORD, "malformed certificate id");
        }
        return queries.issuance(x.actor().municipality(), certificate)
                .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such issuance"));
    }

    private void reissuePage(Exchange x) {
        IssuanceRow lost = row(x);
        audit.record(x.actor(), "VIEW_ISSUANCE", "issuance", lost.certificateId(), "OK", "page=reissue");
        renderReissue(x, Status.OK_200, lost, null, new Typed(lost.type().name(), Channel.WINDOW.name(), "1", "", "", "",
                "", ""));
    }

    private void renderReissue(Exchange x, Status status, IssuanceRow lost, String problem, Typed typed) {
        Resident r = context.database().read(tx -> residents.findById(tx,
                context.keyring().cipher(tx, x.actor().municipality()), lost.residentId())).orElseThrow();
        x.html(status, Layout.page(x, x.t("counter.reissueTitle", lost.certificateId()), html -> {
            problem(html, x, problem);
            RecordPages.issuanceTable(html, x, List.of(lost), true);
            if (lost.status() != IssuanceStatus.PRINTED) {
                html.element("p", x.t(lost.voidReason() != null && lost.voidReason().equals(VoidReason.LOST.name())
                        ? "counter.alreadyReplaced" : "counter.bad.notPrinted"), "class", "help");
                return;
            }
            identityFacts(html, x, r);
            html.element("p", x.t("counter.reissueWarning", lost.certificateId()), "class", "flag", "role", "note");
            html.open("form", "method", "post", "action", "/issuances/" + lost.certificateId() + "/reissue",
                    "class", "counter");
            Layout.csrf(html, x);
            orderFields(html, x, typed, false);
            html.element("button", x.t("counter.reissueSubmit"), "type", "submit", "class", "danger");
            html.close("form");
            html.open("p").element("a", x.t("change.cancel"), "href", "/residents/" + lost.residentId()).close("p");
        }));
    }

    private void reissue(Exchange x) {
        IssuanceRow lost = row(x);
        Typed typed = Typed.of(x);
        Issuance issued;
        try {
            issued = counter.reissue(x.actor(), lost.certificateId(),
                    CounterIssuance.order(typed.type(), typed.channel(), typed.copies(), typed.identity()));
        } catch (BadInput e) {
            renderReissue(x, Status.BAD_REQUEST_400, row(x), e.messageKey(), typed);
            return;
        }
        x.redirect("/counter/" + issued.certificateId());
    }

    private void handOverPage(Exchange x) {
        IssuanceRow row = row(x);
        CounterIssuance.CounterRecord record = counter.find(x.actor(), row.certificateId());
        audit.record(x.actor(), "VIEW_ISSUANCE", "issuance", row.certificateId(), "OK", "page=counter");
        renderHandOver(x, Status.OK_200, row, record, null);
    }

    private void renderHandOver(Exchange x, Status status, IssuanceRow row, CounterIssuance.CounterRecord record,
                                String problem) {
        x.html(status, Layout.page(x, x.t("counter.pageTitle", row.certificateId()), html -> {
            problem(html, x, problem);
            RecordPages.issuanceTable(html, x, List.of(row), true);
            html.open("ul", "class", "facts-list");
            html.element("li", x.t("counter.identityUsed", x.t("identity." + record.facts().identityCheck())));
            html.element("li", x.t("counter.issuedBy", record.facts().clerkId()));
            record.replaces().ifPresent(old -> html.element("li", x.t("counter.replaces", old.certificateId()),
                    "id", "replaces"));
            html.close("ul");
            switch (row.status()) {
                case PRINTED -> html.element("p", x.t("counter.closedPrinted"), "class", "done", "role", "status");
                case VOIDED -> html.element("p", x.t("counter.closedVoided", reasonLabel(x, row.voidReason())),
                        "class", "flag", "role", "status");
                case ISSUED -> openActions(html, x, row);
            }
        }));
    }

    private static void openActions(Html html, Exchange x, IssuanceRow row) {
        String base = "/counter/" + row.certificateId();
        // opened in the browser's PDF viewer (inline, no-store) to print: not saved to the PC's downloads
        html.open("p").element("a", x.t("counter.pdf"), "href", base + "/certificate.pdf", "class", "button",
                "id", "certificate-pdf", "target", "_blank", "rel", "noopener").close("p");
        html.element("p", x.t("counter.pdfHelp"), "class", "help");
        html.open("form", "method", "post", "action", base + "/handed-out", "class", "inline");
        Layout.csrf(html, x);
        html.element("button", x.t("counter.handedOut"), "type", "submit", "id", "handed-out");
        html.close("form");
        html.open("form", "method", "post", "action", base + "/void", "class", "inline");
        Layout.csrf(html, x);
        Layout.select(html, "reason", x.t("field.voidReason"), VoidReason.NOT_HANDED_OUT.name(),
                VoidReason.NOT_HANDED_OUT.name(), x.t("void." + VoidReason.NOT_HANDED_OUT.name()),
                VoidReason.MISPRINT.name(), x.t("void." + VoidReason.MISPRINT.name()));
        html.element("button", x.t("counter.notHandedOut"), "type", "submit", "id", "not-handed-out", "class", "danger");
        html.close("form");
    }

    private static String reasonLabel(Exchange x, String reason) {
        return reason == null ? "" : x.lang.has("void." + reason) ? x.t("void." + reason) : reason;
    }

    /** The certificate PDF (every copy), rendered in memory by the kiosk's renderer; only while the issuance is open. */
    private void pdf(Exchange x) {
        IssuanceRow row = row(x);
        CounterIssuance.Printout printout;
        try {
            printout = counter.printout(x.actor(), row.certificateId());
        } catch (BadInput e) {
            renderHandOver(x, Status.CONFLICT_409, row, counter.find(x.actor(), row.certificateId()), e.messageKey());
            return;
        }
        byte[] pdf = renderer().renderCopies(printout.certificate(), printout.issuance().copies());
        try {
            x.response.status(Status.OK_200);
            x.response.header(HeaderNames.CONTENT_TYPE, "application/pdf");
            x.response.header(HeaderNames.CONTENT_DISPOSITION,
                    "inline; filename=\"" + row.certificateId() + ".pdf\"");
            x.response.send(pdf);
        } finally {
            Arrays.fill(pdf, (byte) 0);
        }
    }

    private void handedOut(Exchange x) {
        close(x, true);
    }

    private void notHandedOut(Exchange x) {
        close(x, false);
    }

    private void close(Exchange x, boolean handedOut) {
        IssuanceRow row = row(x);
        try {
            counter.close(x.actor(), row.certificateId(), handedOut, handedOut ? null : x.form().get("reason"));
        } catch (BadInput e) {
            renderHandOver(x, Status.BAD_REQUEST_400, row(x), counter.find(x.actor(), row.certificateId()), e.messageKey());
            return;
        }
        x.redirect("/counter/" + row.certificateId());
    }

    /** The renderer with the certificate fonts, loaded at the first print (the console starts without them). */
    private CertificateRenderer renderer() {
        CertificateRenderer current = renderer;
        if (current == null) {
            synchronized (this) {
                current = renderer;
                if (current == null) {
                    current = new CertificateRenderer(CertificateFont.fromSystemProperty());
                    renderer = current;
                }
            }
        }
        return current;
    }

    private static void problem(Html html, Exchange x, String problem) {
        if (problem != null) {
            RecordPages.problems(html, x, List.of(problem));
        }
    }

    private static String upper(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }

    private static String nonNull(Object value) {
        return value == null ? "" : value.toString();
    }
}
