package dev.shomei.record.console;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Tx;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.record.domain.HoldReason;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.ResidentStatus;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.users.Permission;
import io.helidon.http.Status;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The supervisor's change pages (correct a dose, set the resident's status, hold or release issuing
 * for a resident, register passport data, void an issuance) and the change history shown on a resident's page, with previous values opened
 * from the audit log. A refused change re-shows the form with the typed values (escaped) and changes
 * nothing.
 */
final class ChangePages {
    private static final Pattern CERTIFICATE_ID = Pattern.compile("[0-9A-Z]{1,16}");
    private static final List<String> HISTORY_ACTIONS = List.of("CORRECT_DOSE", "SET_STATUS", "REGISTER_PASSPORT",
            "ADD_RESIDENT", "ADD_DOSE", "REMOVE_DOSE", "HOLD_RESIDENT", "RELEASE_HOLD");

    /** One change as the resident's page lists it. */
    record HistoryEntry(Instant at, String actor, String action, String detail, Map<String, String> previous) {
    }

    private final ConsoleContext context;
    private final RecordChanges changes;
    private final RecordQueries queries;
    private final ResidentRepository residents = new ResidentRepository();
    private final VaccinationRepository vaccinations = new VaccinationRepository();

    private final ConsoleAudit audit;

    ChangePages(ConsoleContext context, RecordChanges changes, RecordQueries queries, ConsoleAudit audit) {
        this.context = context;
        this.audit = audit;
        this.changes = changes;
        this.queries = queries;
    }

    void register(ConsoleRouter router) {
        router.get("/residents/{id}/doses/{dose}", Permission.CHANGE_RECORDS, this::dosePage);
        router.post("/residents/{id}/doses/{dose}", Permission.CHANGE_RECORDS, this::correctDose);
        router.post("/residents/{id}/status", Permission.CHANGE_RECORDS, this::setStatus);
        router.post("/residents/{id}/hold", Permission.CHANGE_RECORDS, this::hold);
        router.post("/residents/{id}/release-hold", Permission.CHANGE_RECORDS, this::releaseHold);
        router.get("/residents/{id}/passport", Permission.CHANGE_RECORDS, this::passportPage);
        router.post("/residents/{id}/passport", Permission.CHANGE_RECORDS, this::registerPassport);
        router.get("/issuances/{certificate}/void", Permission.CHANGE_RECORDS, this::voidPage);
        router.post("/issuances/{certificate}/void", Permission.CHANGE_RECORDS, this::voidIssuance);
    }

    /** The status form and the passport link on the resident's page. */
    void residentActions(Html html, Exchange x, Resident r) {
        html.open("section", "class", "actions", "aria-label", x.t("change.actions"));
        html.open("form", "method", "post", "action", "/residents/" + r.id() + "/status", "class", "inline");
        Layout.csrf(html, x);
        List<String> options = new ArrayList<>();
        for (ResidentStatus status : ResidentStatus.values()) {
            options.add(status.name());
            options.add(x.t("residentStatus." + status.name()));
        }
        Layout.select(html, "status", x.t("field.residentStatus"), r.status().name(), options.toArray(String[]::new));
        html.element("button", x.t("change.setStatus"), "type", "submit");
        html.close("form");
        html.element("a", x.t("change.passport"), "href", "/residents/" + r.id() + "/passport", "class", "button");
        holdForm(html, x, r);
        html.element("a", x.t("change.alternative"), "href", "/residents/" + r.id() + "/alternative-name", "class", "button");
        html.close("section");
    }

    /** A held resident: the reason and "release"; otherwise the reasons to choose and "hold". */
    private void holdForm(Html html, Exchange x, Resident r) {
        MunicipalityCode code = x.actor().municipality();
        Optional<HoldReason> hold = context.database().read(tx ->
                residents.holdReason(tx, context.keyring().cipher(tx, code), r.id()));
        if (hold.isPresent()) {
            html.open("form", "method", "post", "action", "/residents/" + r.id() + "/release-hold", "class", "inline");
            Layout.csrf(html, x);
            html.element("span", x.t("change.heldBecause", x.t("hold." + hold.get().name())), "class", "held",
                    "id", "resident-hold");
            html.element("button", x.t("change.releaseHold"), "type", "submit");
            html.close("form");
            return;
        }
        html.open("form", "method", "post", "action", "/residents/" + r.id() + "/hold", "class", "inline");
        Layout.csrf(html, x);
        List<String> options = new ArrayList<>();
        for (HoldReason reason : HoldReason.values()) {
            options.add(reason.name());
            options.add(x.t("hold." + reason.name()));
        }
        Layout.select(html, "reason", x.t("field.holdReason"), HoldReason.RECORD_UNDER_REVIEW.name(),
                options.toArray(String[]::new));
        html.element("button", x.t("change.hold"), "type", "submit");
        html.close("form");
    }

    private record DoseTarget(Resident resident, Vaccination dose) {
    }

    private DoseTarget doseTarget(Exchange x) {
        MunicipalityCode code = x.actor().municipality();
        String id = PathIds.residentId(x);
        String doseId = x.pathParameter("dose");
        return context.database().read(tx -> {
            TenantCipher tenant = context.keyring().cipher(tx, code);
            Resident resident = residents.findById(tx, tenant, id)
                    .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such resident"));
            Vaccination dose = vaccinations.list(tx, tenant, id).stream().filter(v -> v.id().equals(doseId)).findFirst()
                    .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such dose"));
            return new DoseTarget(resident, dose);
        });
    }

    private void dosePage(Exchange x) {
        DoseTarget target = doseTarget(x);
        Vaccination dose = target.dose();
        // the page shows the resident's name and dose: a view like the resident's page, audited before it is sent
        audit.record(x.actor(), "VIEW_DOSE", "resident", target.resident().id(), "OK", "dose=" + dose.id());
        renderDose(x, Status.OK_200, target, null, DoseForm.Typed.of(dose), "", "");
    }

    private void renderDose(Exchange x, Status status, DoseTarget target, String problem, DoseForm.Typed typed,
                            String reason, String note) {
        x.html(status, Layout.page(x, x.t("change.doseTitle", target.dose().doseNumber(), target.resident().atenaNumber()),
                html -> {
                    if (problem != null) {
                        RecordPages.problems(html, x, List.of(problem));
                    }
                    html.open("form", "method", "post", "action",
                            "/residents/" + target.resident().id() + "/doses/" + target.dose().id());
                    Layout.csrf(html, x);
                    DoseForm.render(html, x, context.catalog(), typed, false);
                    ReasonFields.render(html, x, reason, note);
                    html.element("p", x.t("change.auditNotice"), "class", "help");
                    html.element("button", x.t("change.save"), "type", "submit");
                    html.close("form");
                    html.open("p").element("a", x.t("change.cancel"), "href", "/residents/" + target.resident().id()).close("p");
                }));
    }

    private void correctDose(Exchange x) {
        DoseTarget target = doseTarget(x);
        Form form = x.form();
        DoseForm.Typed typed = DoseForm.Typed.read(form);
        try {
            changes.correctDose(x.actor(), target.resident().id(), target.dose().id(), typed, form.get("reason"),
                    form.get("note"));
        } catch (BadInput e) {
            renderDose(x, Status.BAD_REQUEST_400, target, e.messageKey(), typed, form.get("reason"), form.get("note"));
            return;
        }
        x.redirect("/residents/" + target.resident().id());
    }

    private void setStatus(Exchange x) {
        String id = PathIds.residentId(x);
        changes.setStatus(x.actor(), id, x.form().get("status"));
        x.redirect("/residents/" + id);
    }

    private void hold(Exchange x) {
        String id = PathIds.residentId(x);
        changes.hold(x.actor(), id, x.form().get("reason"));
        x.redirect("/residents/" + id);
    }

    private void releaseHold(Exchange x) {
        String id = PathIds.residentId(x);
        changes.releaseHold(x.actor(), id);
        x.redirect("/residents/" + id);
    }

    private void passportPage(Exchange x) {
        Resident r = PathIds.resident(context, x);
        audit.record(x.actor(), "VIEW_PASSPORT", "resident", r.id(), "OK", null);
        renderPassport(x, Status.OK_200, r, null, r.passportNumber(),
                r.nameRoman() == null ? "" : r.nameRoman().family(), r.nameRoman() == null ? "" : r.nameRoman().given(),
                r.nationality() == null ? "JPN" : r.nationality());
    }

    private void renderPassport(Exchange x, Status status, Resident r, String problem, String passport, String family,
                                String given, String nationality) {
        x.html(status, Layout.page(x, x.t("change.passportTitle", r.atenaNumber()), html -> {
            if (problem != null) {
                RecordPages.problems(html, x, List.of(problem));
            }
            html.open("form", "method", "post", "action", "/residents/" + r.id() + "/passport");
            Layout.csrf(html, x);
            Layout.field(html, "passport", x.t("field.passport"), "text", passport, "required", "required",
                    "autofocus", "autofocus", "maxlength", "64", "autocapitalize", "characters");
            Layout.field(html, "family", x.t("field.romanFamily"), "text", family, "required", "required", "maxlength", "64");
            Layout.field(html, "given", x.t("field.romanGiven"), "text", given, "maxlength", "64");
            Layout.field(html, "nationality", x.t("field.nationality"), "text", nationality, "required", "required",
                    "maxlength", "64");
            html.element("p", x.t("change.auditNotice"), "class", "help");
            html.element("button", x.t("change.save"), "type", "submit");
            html.close("form");
            html.open("p").element("a", x.t("change.cancel"), "href", "/residents/" + r.id()).close("p");
        }));
    }

    private void registerPassport(Exchange x) {
        Resident r = PathIds.resident(context, x);
        Form form = x.form();
        try {
            changes.registerPassport(x.actor(), r.id(), form.get("passport"), form.get("family"), form.get("given"),
                    form.get("nationality"));
        } catch (BadInput e) {
            renderPassport(x, Status.BAD_REQUEST_400, r, e.messageKey(), form.get("passport"), form.get("family"),
                    form.get("given"), form.get("nationality"));
            return;
        }
        x.redirect("/residents/" + r.id());
    }

    private IssuanceRow issuance(Exchange x) {
        String certificate = x.pathParameter("certificate");
        if (!CERTIFICATE_ID.matcher(certificate).matches()) {
            throw new ShomeiException(ErrorCode.NO_RECORD, "malformed certificate id");
        }
        return queries.issuance(x.actor().municipality(), certificate)
                .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such issuance"));
    }

    private void voidPage(Exchange x) {
        IssuanceRow row = issuance(x);
        audit.record(x.actor(), "VIEW_ISSUANCE", "issuance", row.certificateId(), "OK", null);
        renderVoid(x, Status.OK_200, row, null, "", "");
    }

    private void renderVoid(Exchange x, Status status, IssuanceRow row, String problem, String reason, String note) {
        x.html(status, Layout.page(x, x.t("void.title", row.certificateId()), html -> {
            if (problem != null) {
                RecordPages.problems(html, x, List.of(problem));
            }
            RecordPages.issuanceTable(html, x, List.of(row), true);
            if (row.status() == IssuanceStatus.VOIDED) {
                html.element("p", x.t("change.alreadyVoided"));
                return;
            }
            html.open("form", "method", "post", "action", "/issuances/" + row.certificateId() + "/void");
            Layout.csrf(html, x);
            List<String> options = new ArrayList<>(List.of("", x.t("void.choose")));
            for (VoidReason why : VoidReason.values()) {
                options.add(why.name());
                options.add(x.t("void." + why.name()));
            }
            Layout.select(html, "reason", x.t("field.voidReason"), reason, options.toArray(String[]::new));
            Layout.field(html, "note", x.t("field.note"), "text", note, "maxlength", "200");
            html.element("p", x.t("void.warning"), "class", "help");
            html.element("button", x.t("void.submit"), "type", "submit");
            html.close("form");
            html.open("p").element("a", x.t("change.cancel"), "href", "/residents/" + row.residentId()).close("p");
        }));
    }

    private void voidIssuance(Exchange x) {
        IssuanceRow row = issuance(x);
        Form form = x.form();
        String residentId;
        try {
            residentId = changes.voidIssuance(x.actor(), row.certificateId(), form.get("reason"), form.get("note"));
        } catch (BadInput e) {
            renderVoid(x, Status.BAD_REQUEST_400, row, e.messageKey(), form.get("reason"), form.get("note"));
            return;
        }
        x.redirect("/residents/" + residentId);
    }

    /** The changes to one resident (and voids of their issuances), oldest first, previous values opened. */
    List<HistoryEntry> history(Tx tx, TenantCipher tenant, MunicipalityCode code, String residentId) throws SQLException {
        record Row(long at, String actor, String action, String targetId, String detail) {
        }
        List<Row> rows = tx.query("SELECT at_ms, actor_id, action, target_id, detail FROM audit_log WHERE chain = ? AND "
                        + "((target_type = 'resident' AND target_id = ? AND action IN ("
                        + String.join(", ", java.util.Collections.nCopies(HISTORY_ACTIONS.size(), "?")) + ")) "
                        + "OR (action = 'VOID_ISSUANCE' AND detail LIKE ?)) ORDER BY seq",
                row -> new Row(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)),
                java.util.stream.Stream.of(List.of(code.value(), residentId), HISTORY_ACTIONS,
                        List.of("%resident=" + residentId + "%")).flatMap(List::stream).toArray());
        List<HistoryEntry> entries = new ArrayList<>();
        for (Row row : rows) {
            Map<String, String> previous = PreviousValues.open(tenant, row.targetId(), row.detail()).orElse(Map.of());
            entries.add(new HistoryEntry(Instant.ofEpochMilli(row.at()), row.actor(), row.action(),
                    PreviousValues.withoutSealed(row.detail()), previous));
        }
        return entries;
    }

    static void historyTable(Html html, Exchange x, List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            html.element("p", x.t("resident.noHistory"));
            return;
        }
        html.open("table", "class", "data").open("thead").open("tr")
                .element("th", x.t("field.when"), "scope", "col").element("th", x.t("field.user"), "scope", "col")
                .element("th", x.t("field.action"), "scope", "col").element("th", x.t("field.detail"), "scope", "col")
                .element("th", x.t("field.previous"), "scope", "col").close("tr").close("thead").open("tbody");
        for (HistoryEntry entry : entries) {
            html.open("tr").element("td", Formats.time(entry.at())).element("td", entry.actor())
                    .element("td", actionLabel(x, entry.action())).element("td", entry.detail()).open("td");
            entry.previous().forEach((name, value) -> html.element("span", name + ": " + (value == null ? "-" : value),
                    "class", "previous"));
            html.close("td").close("tr");
        }
        html.close("tbody").close("table");
    }

    static String actionLabel(Exchange x, String action) {
        return x.lang.has("action." + action) ? x.t("action." + action) : action;
    }
}
