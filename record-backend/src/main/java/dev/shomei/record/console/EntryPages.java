package dev.shomei.record.console;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.store.DoseEntryRepository;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.RetentionRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.users.Permission;
import io.helidon.http.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The supervisor's hand entry pages (issue 21): register a resident ({@code /resident-entry}), add a
 * missing dose ({@code /residents/{id}/add-dose}), remove a wrong one
 * ({@code /residents/{id}/doses/{dose}/remove}), and delete residents past the retention period
 * ({@code /retention}). Each form carries a reason; a refused form is shown again with what was typed
 * (escaped), except the My Number, which is never written into a page.
 */
final class EntryPages {
    private static final int RETENTION_LIST_LIMIT = 200;

    private final ConsoleContext context;
    private final ClerkEntries entries;
    private final ConsoleAudit audit;
    private final ResidentRepository residents = new ResidentRepository();
    private final VaccinationRepository vaccinations = new VaccinationRepository();
    private final DoseEntryRepository doseEntries = new DoseEntryRepository();

    EntryPages(ConsoleContext context, ClerkEntries entries, ConsoleAudit audit) {
        this.context = context;
        this.entries = entries;
        this.audit = audit;
    }

    void register(ConsoleRouter router) {
        router.get("/resident-entry", Permission.CHANGE_RECORDS, this::newResidentPage);
        router.post("/resident-entry", Permission.CHANGE_RECORDS, this::addResident);
        router.get("/residents/{id}/add-dose", Permission.CHANGE_RECORDS, this::addDosePage);
        router.post("/residents/{id}/add-dose", Permission.CHANGE_RECORDS, this::addDose);
        router.get("/residents/{id}/doses/{dose}/remove", Permission.CHANGE_RECORDS, this::removeDosePage);
        router.post("/residents/{id}/doses/{dose}/remove", Permission.CHANGE_RECORDS, this::removeDose);
        router.get("/retention", Permission.CHANGE_RECORDS, this::retentionPage);
        router.post("/retention/{id}/delete", Permission.CHANGE_RECORDS, this::deleteExpired);
    }

    static void newResidentLink(Html html, Exchange x) {
        html.open("p").element("a", x.t("entry.newResident"), "href", "/resident-entry", "class", "button").close("p");
    }

    static void addDoseLink(Html html, Exchange x, Resident r) {
        html.open("p").element("a", x.t("entry.addDose"), "href", "/residents/" + r.id() + "/add-dose", "class", "button")
                .close("p");
    }

    static void removeDoseLink(Html html, Exchange x, Resident r, Vaccination dose) {
        html.text(" ").element("a", x.t("entry.removeDose"), "href",
                "/residents/" + r.id() + "/doses/" + dose.id() + "/remove");
    }

    // --- register a resident ---

    private void newResidentPage(Exchange x) {
        renderNewResident(x, Status.OK_200, null, new ClerkEntries.NewResident("", "", "", "", "", "", "", "", ""), "", "");
    }

    private void renderNewResident(Exchange x, Status status, String problem, ClerkEntries.NewResident in, String reason,
                                   String note) {
        x.html(status, Layout.page(x, x.t("entry.newResidentTitle"), html -> {
            if (problem != null) {
                RecordPages.problems(html, x, List.of(problem));
            }
            html.open("form", "method", "post", "action", "/resident-entry", "autocomplete", "off");
            Layout.csrf(html, x);
            Layout.field(html, "atena", x.t("field.atena"), "text", in.atena(), "required", "required", "maxlength", "64",
                    "autofocus", "autofocus");
            // the My Number is typed, never shown back (not even after a refused form)
            Layout.field(html, "myNumber", x.t("field.myNumber"), "password", "", "required", "required",
                    "inputmode", "numeric", "maxlength", "12", "autocomplete", "off");
            Layout.field(html, "familyKanji", x.t("field.familyKanji"), "text", in.familyKanji(), "required", "required",
                    "maxlength", "64");
            Layout.field(html, "givenKanji", x.t("field.givenKanji"), "text", in.givenKanji(), "maxlength", "64");
            Layout.field(html, "familyKana", x.t("field.familyKana"), "text", in.familyKana(), "maxlength", "64");
            Layout.field(html, "givenKana", x.t("field.givenKana"), "text", in.givenKana(), "maxlength", "64");
            Layout.field(html, "birth", x.t("field.birthDate"), "date", in.birthDate(), "required", "required",
                    "maxlength", "64");
            List<String> sexes = new ArrayList<>(List.of("", x.t("entry.choose")));
            for (String sex : List.of("1", "2", "0", "9")) {
                sexes.add(sex);
                sexes.add(x.t("sex." + sex));
            }
            Layout.select(html, "sex", x.t("field.sex"), in.sex(), sexes.toArray(String[]::new));
            Layout.field(html, "address", x.t("field.address"), "text", in.address(), "maxlength", "120");
            ReasonFields.render(html, x, reason, note);
            html.element("p", x.t("entry.auditNotice"), "class", "help");
            html.element("button", x.t("entry.register"), "type", "submit");
            html.close("form");
            html.open("p").element("a", x.t("change.cancel"), "href", "/residents").close("p");
        }));
    }

    private void addResident(Exchange x) {
        Form f = x.form();
        ClerkEntries.NewResident in = new ClerkEntries.NewResident(f.get("atena"), f.get("myNumber"), f.get("familyKanji"),
                f.get("givenKanji"), f.get("familyKana"), f.get("givenKana"), f.get("birth"), f.get("sex"),
                f.get("address"));
        String id;
        try {
            id = entries.addResident(x.actor(), in, f.get("reason"), f.get("note"));
        } catch (BadInput e) {
            renderNewResident(x, Status.BAD_REQUEST_400, e.messageKey(), in, f.get("reason"), f.get("note"));
            return;
        }
        x.redirect("/residents/" + id);
    }

    // --- add a missing dose ---

    private void addDosePage(Exchange x) {
        Resident r = PathIds.resident(context, x);
        int next = context.database().read(tx -> vaccinations.list(tx, context.keyring().cipher(tx, r.municipality()),
                r.id())).stream().mapToInt(Vaccination::doseNumber).max().orElse(0) + 1;
        renderAddDose(x, Status.OK_200, r, null, new ClerkEntries.NewDose(String.valueOf(next), DoseForm.Typed.EMPTY, ""), "", "");
    }

    private void renderAddDose(Exchange x, Status status, Resident r, String problem, ClerkEntries.NewDose in,
                               String reason, String note) {
        x.html(status, Layout.page(x, x.t("entry.addDoseTitle", r.atenaNumber()), html -> {
            if (problem != null) {
                RecordPages.problems(html, x, List.of(problem));
            }
            html.open("form", "method", "post", "action", "/residents/" + r.id() + "/add-dose");
            Layout.csrf(html, x);
            Layout.field(html, "doseNumber", x.t("field.dose"), "number", in.doseNumber(), "required", "required",
                    "min", "1", "max", "99");
            DoseForm.render(html, x, context.catalog(), in.fields(), true);
            Layout.field(html, "site", x.t("field.site"), "text", in.site(), "required", "required", "maxlength", "60");
            ReasonFields.render(html, x, reason, note);
            html.element("p", x.t("entry.auditNotice"), "class", "help");
            html.element("button", x.t("entry.addDose"), "type", "submit");
            html.close("form");
            html.open("p").element("a", x.t("change.cancel"), "href", "/residents/" + r.id()).close("p");
        }));
    }

    private void addDose(Exchange x) {
        Resident r = PathIds.resident(context, x);
        Form f = x.form();
        ClerkEntries.NewDose in = new ClerkEntries.NewDose(f.get("doseNumber"), DoseForm.Typed.read(f), f.get("site"));
        try {
            entries.addDose(x.actor(), r.id(), in, f.get("reason"), f.get("note"));
        } catch (BadInput e) {
            renderAddDose(x, Status.BAD_REQUEST_400, r, e.messageKey(), in, f.get("reason"), f.get("note"));
            return;
        }
        x.redirect("/residents/" + r.id());
    }

    // --- remove a wrong dose ---

    private record DoseTarget(Resident resident, Vaccination dose, String site) {
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
            return new DoseTarget(resident, dose, doseEntries.site(tx, tenant, id, doseId).orElse(null));
        });
    }

    private void removeDosePage(Exchange x) {
        DoseTarget target = doseTarget(x);
        audit.record(x.actor(), "VIEW_DOSE", "resident", target.resident().id(), "OK", "dose=" + target.dose().id());
        renderRemoveDose(x, Status.OK_200, target, null, "", "");
    }

    private void renderRemoveDose(Exchange x, Status status, DoseTarget target, String problem, String reason, String note) {
        Vaccination dose = target.dose();
        x.html(status, Layout.page(x, x.t("entry.removeDoseTitle", dose.doseNumber(), target.resident().atenaNumber()),
                html -> {
                    if (problem != null) {
                        RecordPages.problems(html, x, List.of(problem));
                    }
                    new DoseTable(context.catalog()).facts(html, x, dose, target.site());
                    html.open("form", "method", "post", "action",
                            "/residents/" + target.resident().id() + "/doses/" + dose.id() + "/remove");
                    Layout.csrf(html, x);
                    ReasonFields.render(html, x, reason, note);
                    html.element("p", x.t("entry.removeWarning"), "class", "help");
                    html.element("button", x.t("entry.removeDose"), "type", "submit");
                    html.close("form");
                    html.open("p").element("a", x.t("change.cancel"), "href", "/residents/" + target.resident().id())
                            .close("p");
                }));
    }

    private void removeDose(Exchange x) {
        DoseTarget target = doseTarget(x);
        Form f = x.form();
        try {
            entries.removeDose(x.actor(), target.resident().id(), target.dose().id(), f.get("reason"), f.get("note"));
        } catch (BadInput e) {
            renderRemoveDose(x, Status.BAD_REQUEST_400, target, e.messageKey(), f.get("reason"), f.get("note"));
            return;
        }
        x.redirect("/residents/" + target.resident().id());
    }

    // --- retention ---

    private void retentionPage(Exchange x) {
        List<RetentionRepository.Expired> expired = entries.expired(x.actor(), RETENTION_LIST_LIMIT);
        MunicipalityCode code = x.actor().municipality();
        audit.record(x.actor(), "VIEW_RETENTION", "municipality", code.value(), "OK", "rows=" + expired.size());
        x.html(Status.OK_200, Layout.page(x, x.t("retention.title"), html -> {
            html.element("p", x.t("retention.intro", ClerkEntries.RETENTION.getYears(),
                    day(entries.cutOff())), "class", "help");
            if (expired.isEmpty()) {
                html.element("p", x.t("retention.none"), "class", "count", "role", "status");
                return;
            }
            html.element("p", x.t("search.count", expired.size()), "class", "count", "role", "status");
            html.open("table", "class", "data").open("thead").open("tr")
                    .element("th", x.t("field.atena"), "scope", "col")
                    .element("th", x.t("field.residentStatus"), "scope", "col")
                    .element("th", x.t("retention.lastChanged"), "scope", "col")
                    .element("th", x.t("field.actions"), "scope", "col").close("tr").close("thead").open("tbody");
            for (RetentionRepository.Expired e : expired) {
                html.open("tr").element("td", e.atenaNumber())
                        .element("td", x.t("residentStatus." + e.status().name()))
                        .element("td", day(e.lastChanged())).open("td");
                html.open("form", "method", "post", "action", "/retention/" + e.id() + "/delete", "class", "inline");
                Layout.csrf(html, x);
                html.element("button", x.t("retention.delete"), "type", "submit", "class", "danger");
                html.close("form").close("td").close("tr");
            }
            html.close("tbody").close("table");
        }));
    }

    private void deleteExpired(Exchange x) {
        entries.deleteExpired(x.actor(), PathIds.residentId(x));
        x.redirect("/retention");
    }

    private static java.time.LocalDate day(java.time.Instant instant) {
        return java.time.LocalDate.ofInstant(instant, dev.shomei.protocol.ServiceRules.ZONE);
    }
}
