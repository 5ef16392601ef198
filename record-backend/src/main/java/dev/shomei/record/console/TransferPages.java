package dev.shomei.record.console;

import dev.shomei.record.domain.Municipality;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.store.MunicipalityRepository;
import dev.shomei.record.store.ProvisionRepository.Outcome;
import dev.shomei.record.store.ProvisionRepository.Provision;
import dev.shomei.record.store.ProvisionRepository.Side;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.users.Permission;
import io.helidon.http.Status;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Transfers between municipalities (issue 21 point 3): the form to ask the former municipality for a moved-in
 * resident's records ({@code /residents/{id}/transfer}, POST only, the My Number never shown back), one
 * exchange with the doses received and the take-over form ({@code /provisions/{id}}, {@code .../take-over}),
 * and the municipality's provision records, asked and answered ({@code /provisions}). Supervisors only
 * (CHANGE_RECORDS); every page that shows a record is audited.
 */
final class TransferPages {
    private static final int LIST_LIMIT = 200;

    private final ConsoleContext context;
    private final Transfers transfers;
    private final ConsoleAudit audit;
    private final ResidentRepository residents = new ResidentRepository();
    private final MunicipalityRepository municipalities = new MunicipalityRepository();

    TransferPages(ConsoleContext context, Transfers transfers, ConsoleAudit audit) {
        this.context = context;
        this.transfers = transfers;
        this.audit = audit;
    }

    void register(ConsoleRouter router) {
        router.get("/residents/{id}/transfer", Permission.CHANGE_RECORDS, this::askPage);
        router.post("/residents/{id}/transfer", Permission.CHANGE_RECORDS, this::ask);
        router.get("/provisions", Permission.CHANGE_RECORDS, this::list);
        router.get("/provisions/{provision}", Permission.CHANGE_RECORDS, this::provision);
        router.post("/provisions/{provision}/take-over", Permission.CHANGE_RECORDS, this::takeOver);
    }

    /** The resident page's link to the transfer form (shown to supervisors). */
    static void link(Html html, Exchange x, Resident r) {
        if (x.user().role().may(Permission.CHANGE_RECORDS)) {
            html.open("p").element("a", x.t("transfer.link"), "href", "/residents/" + r.id() + "/transfer", "class",
                    "button").close("p");
        }
    }

    // --- ask ---

    private void askPage(Exchange x) {
        renderAsk(x, Status.OK_200, PathIds.resident(context, x), null, "");
    }

    private void renderAsk(Exchange x, Status status, Resident r, String problem, String former) {
        x.html(status, Layout.page(x, x.t("transfer.askTitle", r.atenaNumber()), html -> {
            if (problem != null) {
                RecordPages.problems(html, x, List.of(problem));
            }
            html.element("p", x.t("transfer.askIntro"), "class", "help");
            html.open("form", "method", "post", "action", "/residents/" + r.id() + "/transfer", "autocomplete", "off");
            Layout.csrf(html, x);
            // the My Number is typed, never shown back (not even after a refused form)
            Layout.field(html, "myNumber", x.t("field.myNumber"), "password", "", "required", "required",
                    "inputmode", "numeric", "maxlength", "12", "autocomplete", "off", "autofocus", "autofocus");
            Layout.field(html, "former", x.t("transfer.former"), "text", former, "required", "required",
                    "inputmode", "numeric", "maxlength", "6", "pattern", "[0-9]{6}");
            html.element("p", x.t("transfer.formerHelp"), "class", "help");
            html.open("div", "class", "field check");
            html.empty("input", "type", "checkbox", "id", "consent", "name", "consent", "value", "1", "required", "required");
            html.element("label", x.t("transfer.consent"), "for", "consent");
            html.close("div");
            html.element("button", x.t("transfer.ask"), "type", "submit");
            html.close("form");
            html.open("p").element("a", x.t("request.back"), "href", "/residents/" + r.id()).close("p");
        }));
    }

    private void ask(Exchange x) {
        Resident r = PathIds.resident(context, x);
        Form f = x.form();
        String id;
        try {
            id = transfers.ask(x.actor(), r.id(), f.chars("myNumber"), f.get("former"), f.checked("consent"));
        } catch (BadInput e) {
            renderAsk(x, Status.BAD_REQUEST_400, r, e.messageKey(), f.get("former"));
            return;
        }
        x.redirect("/provisions/" + id);
    }

    // --- one exchange ---

    private void provision(Exchange x) {
        Transfers.Answer answer = transfers.answer(x.actor(), PathIds.uuid(x, "provision"));
        Provision p = answer.provision();
        audit.record(x.actor(), "VIEW_PROVISION", "provision", p.id(), "OK", "side=" + p.side());
        renderProvision(x, Status.OK_200, answer, null, ChangeReason.MOVED_IN.name(), "");
    }

    private void renderProvision(Exchange x, Status status, Transfers.Answer answer, String problem, String reason,
                                 String note) {
        Provision p = answer.provision();
        Map<MunicipalityCode, Municipality> names = names();
        Resident resident = p.side() == Side.REQUESTED ? context.database().read(tx -> residents.findById(tx,
                context.keyring().cipher(tx, p.requesting()), p.residentId())).orElse(null) : null;
        x.html(status, Layout.page(x, x.t("transfer.oneTitle"), html -> {
            if (problem != null) {
                RecordPages.problems(html, x, List.of(problem));
            }
            html.open("dl", "class", "facts");
            fact(html, x.t("transfer.side"), x.t("transfer.side." + p.side()));
            fact(html, x.t("transfer.requesting"), name(x, names, p.requesting()));
            fact(html, x.t("transfer.providing"), name(x, names, p.providing()));
            fact(html, x.t("transfer.requestedBy"), p.requestedBy() + " " + Formats.time(p.requestedAt()));
            fact(html, x.t("transfer.outcome"), x.t("transfer.outcome." + p.outcome()));
            fact(html, x.t("transfer.doses"), p.doseCount());
            if (resident != null) {
                fact(html, x.t("field.atena"), resident.atenaNumber());
            }
            if (p.takenOver()) {
                fact(html, x.t("transfer.takenOver"), x.t("transfer.takenOverFacts", p.takenOverDoses(), p.takenOverBy(),
                        Formats.time(p.takenOverAt())));
            }
            html.close("dl");
            if (!answer.doses().isEmpty()) {
                html.element("h2", x.t("transfer.received", name(x, names, p.providing())));
                doses(html, x, answer.doses());
            }
            if (p.side() == Side.REQUESTED && p.outcome() == Outcome.PROVIDED && !p.takenOver() && resident != null) {
                html.element("h2", x.t("transfer.takeOver"));
                html.element("p", x.t("transfer.takeOverHelp"), "class", "help");
                html.open("form", "method", "post", "action", "/provisions/" + p.id() + "/take-over");
                Layout.csrf(html, x);
                ReasonFields.render(html, x, reason, note);
                html.element("button", x.t("transfer.takeOverButton"), "type", "submit");
                html.close("form");
            }
            if (resident != null) {
                html.open("p").element("a", x.t("request.back"), "href", "/residents/" + resident.id()).close("p");
            }
            html.open("p").element("a", x.t("transfer.backToList"), "href", "/provisions").close("p");
        }));
    }

    private void doses(Html html, Exchange x, List<Vaccination> doses) {
        new DoseTable(context.catalog()).table(html, x, doses, "data received", null, null);
    }

    private void takeOver(Exchange x) {
        String id = PathIds.uuid(x, "provision");
        Form f = x.form();
        try {
            transfers.takeOver(x.actor(), id, f.get("reason"), f.get("note"));
        } catch (BadInput e) {
            renderProvision(x, Status.BAD_REQUEST_400, transfers.answer(x.actor(), id), e.messageKey(), f.get("reason"),
                    f.get("note"));
            return;
        }
        x.redirect("/provisions/" + id);
    }

    // --- the provision records ---

    private void list(Exchange x) {
        List<Provision> list = transfers.provisions(x.actor(), LIST_LIMIT);
        audit.record(x.actor(), "VIEW_PROVISIONS", "municipality", x.actor().municipality().value(), "OK",
                "rows=" + list.size());
        Map<MunicipalityCode, Municipality> names = names();
        x.html(Status.OK_200, Layout.page(x, x.t("transfer.listTitle"), html -> {
            html.element("p", x.t("transfer.listIntro"), "class", "help");
            html.element("p", x.t("search.count", list.size()), "class", "count", "role", "status");
            if (list.isEmpty()) {
                html.element("p", x.t("transfer.none"));
                return;
            }
            html.open("table", "class", "data provisions").open("thead").open("tr");
            for (String column : new String[] {"transfer.requestedAt", "transfer.side", "transfer.requesting",
                    "transfer.providing", "field.user", "transfer.outcome", "transfer.doses", "transfer.takenOver"}) {
                html.element("th", x.t(column), "scope", "col");
            }
            html.close("tr").close("thead").open("tbody");
            for (Provision p : list) {
                html.open("tr").open("td").element("a", Formats.time(p.requestedAt()), "href", "/provisions/" + p.id())
                        .close("td").element("td", x.t("transfer.side." + p.side()))
                        .element("td", name(x, names, p.requesting())).element("td", name(x, names, p.providing()))
                        .element("td", p.requestedBy()).element("td", x.t("transfer.outcome." + p.outcome()))
                        .element("td", p.doseCount())
                        .element("td", p.takenOver() ? String.valueOf(p.takenOverDoses()) : "").close("tr");
            }
            html.close("tbody").close("table");
        }));
    }

    private Map<MunicipalityCode, Municipality> names() {
        return context.database().read(tx -> municipalities.list(tx)).stream()
                .collect(Collectors.toMap(Municipality::code, Function.identity()));
    }

    private static String name(Exchange x, Map<MunicipalityCode, Municipality> names, MunicipalityCode code) {
        Municipality m = names.get(code);
        return m == null ? code.value() : code.value() + " " + (x.lang == Lang.EN ? m.nameEn() : m.nameJa());
    }

    private static void fact(Html html, String label, Object value) {
        html.element("dt", label).element("dd", value == null ? "" : value);
    }
}
