package dev.shomei.record.console;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.domain.Municipality;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.PersonName;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.store.DoseEntryRepository;
import dev.shomei.record.store.MunicipalityRepository;
import dev.shomei.record.store.ResidentRequestRepository.Request;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.users.Permission;
import io.helidon.http.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Requests from residents (issue 21): the resident's requests and the form to record one
 * ({@code /residents/{id}/requests}), one request with its handling ({@code .../requests/{request}}), the
 * disclosure printout of what the municipality holds about the person with the issuance history
 * ({@code .../requests/{request}/disclosure}, printed from the browser), and the municipality's open
 * requests ({@code /requests}). Every page that shows a request or the person's data is audited.
 */
final class RequestPages {
    private static final int OPEN_LIMIT = 200;

    private final ConsoleContext context;
    private final ResidentRequests requests;
    private final RecordQueries queries;
    private final ConsoleAudit audit;
    private final VaccinationRepository vaccinations = new VaccinationRepository();
    private final DoseEntryRepository doseEntries = new DoseEntryRepository();
    private final MunicipalityRepository municipalities = new MunicipalityRepository();

    RequestPages(ConsoleContext context, ResidentRequests requests, RecordQueries queries, ConsoleAudit audit) {
        this.context = context;
        this.requests = requests;
        this.queries = queries;
        this.audit = audit;
    }

    void register(ConsoleRouter router) {
        router.get("/requests", Permission.READ_RECORDS, this::openRequests);
        router.get("/residents/{id}/requests", Permission.READ_RECORDS, this::residentRequests);
        router.post("/residents/{id}/requests", Permission.CHANGE_RECORDS, this::receive);
        router.get("/residents/{id}/requests/{request}", Permission.READ_RECORDS, this::request);
        router.post("/residents/{id}/requests/{request}", Permission.CHANGE_RECORDS, this::handle);
        router.get("/residents/{id}/requests/{request}/disclosure", Permission.CHANGE_RECORDS, this::disclosure);
    }

    static void link(Html html, Exchange x, Resident r) {
        html.open("p").element("a", x.t("request.link"), "href", "/residents/" + r.id() + "/requests", "class", "button")
                .close("p");
    }

    private Request request(Exchange x, Resident r) {
        String requestId = PathIds.uuid(x, "request");
        return context.database().read(tx -> requests.find(tx, context.keyring().cipher(tx, r.municipality()), r.id(),
                requestId));
    }

    // --- lists ---

    private void openRequests(Exchange x) {
        List<Request> open = requests.open(x.actor(), OPEN_LIMIT);
        audit.record(x.actor(), "VIEW_REQUESTS", "municipality", x.actor().municipality().value(), "OK", "rows=" + open.size());
        x.html(Status.OK_200, Layout.page(x, x.t("request.openTitle"), html -> {
            html.element("p", x.t("search.count", open.size()), "class", "count", "role", "status");
            table(html, x, open);
        }));
    }

    private void table(Html html, Exchange x, List<Request> list) {
        if (list.isEmpty()) {
            html.element("p", x.t("request.none"));
            return;
        }
        html.open("table", "class", "data requests").open("thead").open("tr");
        for (String column : new String[] {"request.receipt", "request.kind", "request.received", "request.status",
                "request.outcome", "field.user"}) {
            html.element("th", x.t(column), "scope", "col");
        }
        html.close("tr").close("thead").open("tbody");
        for (Request r : list) {
            html.open("tr").open("td").element("a", r.receiptNumber(), "href",
                    "/residents/" + r.residentId() + "/requests/" + r.id()).close("td")
                    .element("td", x.t("request.kind." + r.kind())).element("td", r.receivedOn())
                    .element("td", x.t("request.status." + r.status()))
                    .element("td", r.outcome() == null ? "" : x.t("request.outcome." + r.outcome()))
                    .element("td", r.updatedBy()).close("tr");
        }
        html.close("tbody").close("table");
    }

    private void residentRequests(Exchange x) {
        Resident r = PathIds.resident(context, x);
        List<Request> list = requests.ofResident(x.actor(), r.id());
        audit.record(x.actor(), "VIEW_REQUESTS", "resident", r.id(), "OK", "rows=" + list.size());
        renderResidentRequests(x, Status.OK_200, r, list, null, "", LocalDate.ofInstant(x.now, ServiceRules.ZONE).toString(),
                "", "");
    }

    private void renderResidentRequests(Exchange x, Status status, Resident r, List<Request> list, String problem,
                                        String kind, String received, String receipt, String handling) {
        x.html(status, Layout.page(x, x.t("request.title", r.atenaNumber()), html -> {
            if (problem != null) {
                RecordPages.problems(html, x, List.of(problem));
            }
            table(html, x, list);
            if (x.user().role().may(Permission.CHANGE_RECORDS)) {
                html.element("h2", x.t("request.new"));
                html.open("form", "method", "post", "action", "/residents/" + r.id() + "/requests");
                Layout.csrf(html, x);
                List<String> kinds = new ArrayList<>(List.of("", x.t("entry.choose")));
                for (ResidentRequests.Kind k : ResidentRequests.Kind.values()) {
                    kinds.add(k.name());
                    kinds.add(x.t("request.kind." + k.name()));
                }
                Layout.select(html, "kind", x.t("request.kind"), kind, kinds.toArray(String[]::new));
                Layout.field(html, "received", x.t("request.received"), "date", received, "required", "required",
                        "maxlength", "64");
                Layout.field(html, "receipt", x.t("request.receipt"), "text", receipt, "required", "required",
                        "maxlength", "64", "autocomplete", "off");
                handlingField(html, x, handling);
                html.element("button", x.t("request.receive"), "type", "submit");
                html.close("form");
            }
            html.open("p").element("a", x.t("request.back"), "href", "/residents/" + r.id()).close("p");
        }));
    }

    private static void handlingField(Html html, Exchange x, String handling) {
        html.open("div", "class", "field").element("label", x.t("request.handling"), "for", "handling")
                .element("textarea", handling, "id", "handling", "name", "handling", "rows", "3",
                        "maxlength", String.valueOf(ResidentRequests.HANDLING_MAX)).close("div");
        html.element("p", x.t("request.handlingNotice"), "class", "help");
    }

    private void receive(Exchange x) {
        Resident r = PathIds.resident(context, x);
        Form f = x.form();
        String id;
        try {
            id = requests.receive(x.actor(), r.id(), f.get("kind"), f.get("received"), f.get("receipt"), f.get("handling"));
        } catch (BadInput e) {
            renderResidentRequests(x, Status.BAD_REQUEST_400, r, requests.ofResident(x.actor(), r.id()), e.messageKey(),
                    f.get("kind"), f.get("received"), f.get("receipt"), f.get("handling"));
            return;
        }
        x.redirect("/residents/" + r.id() + "/requests/" + id);
    }

    // --- one request ---

    private void request(Exchange x) {
        Resident r = PathIds.resident(context, x);
        Request request = request(x, r);
        audit.record(x.actor(), "VIEW_REQUEST", "resident", r.id(), "OK", "request=" + request.id());
        renderRequest(x, Status.OK_200, r, request, null, request.status(),
                request.outcome() == null ? "" : request.outcome(), request.handling() == null ? "" : request.handling());
    }

    private void renderRequest(Exchange x, Status status, Resident r, Request request, String problem, String state,
                               String outcome, String handling) {
        x.html(status, Layout.page(x, x.t("request.oneTitle", request.receiptNumber()), html -> {
            if (problem != null) {
                RecordPages.problems(html, x, List.of(problem));
            }
            html.open("dl", "class", "facts");
            fact(html, x.t("request.receipt"), request.receiptNumber());
            fact(html, x.t("field.atena"), r.atenaNumber());
            fact(html, x.t("request.kind"), x.t("request.kind." + request.kind()));
            fact(html, x.t("request.received"), request.receivedOn());
            fact(html, x.t("request.status"), x.t("request.status." + request.status()));
            fact(html, x.t("request.outcome"), request.outcome() == null ? "" : x.t("request.outcome." + request.outcome()));
            fact(html, x.t("request.receivedBy"), request.createdBy() + " " + Formats.time(request.createdAt()));
            fact(html, x.t("request.updatedBy"), request.updatedBy() + " " + Formats.time(request.updatedAt()));
            html.close("dl");
            boolean supervisor = x.user().role().may(Permission.CHANGE_RECORDS);
            if (supervisor && request.kind().equals(ResidentRequests.Kind.DISCLOSURE.name())) {
                html.open("p").element("a", x.t("request.print"), "href",
                        "/residents/" + r.id() + "/requests/" + request.id() + "/disclosure", "class", "button").close("p");
            }
            if (supervisor) {
                html.element("h2", x.t("request.handle"));
                html.open("form", "method", "post", "action", "/residents/" + r.id() + "/requests/" + request.id());
                Layout.csrf(html, x);
                List<String> states = new ArrayList<>();
                for (ResidentRequests.State s : ResidentRequests.State.values()) {
                    states.add(s.name());
                    states.add(x.t("request.status." + s.name()));
                }
                Layout.select(html, "status", x.t("request.status"), state, states.toArray(String[]::new));
                List<String> outcomes = new ArrayList<>(List.of("", x.t("field.any")));
                for (ResidentRequests.Outcome o : ResidentRequests.Outcome.values()) {
                    outcomes.add(o.name());
                    outcomes.add(x.t("request.outcome." + o.name()));
                }
                Layout.select(html, "outcome", x.t("request.outcome"), outcome, outcomes.toArray(String[]::new));
                handlingField(html, x, handling);
                html.element("button", x.t("change.save"), "type", "submit");
                html.close("form");
            } else if (request.handling() != null) {
                html.element("h2", x.t("request.handling"));
                html.element("p", request.handling());
            }
            html.open("p").element("a", x.t("request.backToList"), "href", "/residents/" + r.id() + "/requests").close("p");
        }));
    }

    private void handle(Exchange x) {
        Resident r = PathIds.resident(context, x);
        Request request = request(x, r);
        Form f = x.form();
        try {
            requests.handle(x.actor(), r.id(), request.id(), f.get("status"), f.get("outcome"), f.get("handling"));
        } catch (BadInput e) {
            renderRequest(x, Status.BAD_REQUEST_400, r, request, e.messageKey(), f.get("status"), f.get("outcome"),
                    f.get("handling"));
            return;
        }
        x.redirect("/residents/" + r.id() + "/requests/" + request.id());
    }

    // --- the disclosure printout ---

    private record Holdings(Municipality municipality, List<Vaccination> doses, Map<String, String> sites,
                            List<IssuanceRow> issuances) {
    }

    private void disclosure(Exchange x) {
        Resident r = PathIds.resident(context, x);
        Request request = request(x, r);
        if (!request.kind().equals(ResidentRequests.Kind.DISCLOSURE.name())) {
            throw new ShomeiException(ErrorCode.NO_RECORD, "not a disclosure request");
        }
        MunicipalityCode code = r.municipality();
        Holdings holdings = context.database().read(tx -> {
            TenantCipher tenant = context.keyring().cipher(tx, code);
            return new Holdings(municipalities.find(tx, code).orElseThrow(), vaccinations.list(tx, tenant, r.id()),
                    doseEntries.sites(tx, tenant, r.id()), queries.issuancesOf(tx, code, r.id()));
        });
        audit.record(x.actor(), "PRINT_DISCLOSURE", "resident", r.id(), "OK",
                "request=" + request.id() + " receipt=" + request.receiptNumber());
        x.html(Status.OK_200, Layout.page(x, x.t("disclosure.title"), html -> {
            html.element("p", x.t("disclosure.printHint"), "class", "help no-print");
            html.open("dl", "class", "facts");
            fact(html, x.t("disclosure.municipality"), x.lang == Lang.EN ? holdings.municipality().nameEn()
                    : holdings.municipality().nameJa());
            fact(html, x.t("request.receipt"), request.receiptNumber());
            fact(html, x.t("request.received"), request.receivedOn());
            fact(html, x.t("disclosure.printedOn"), LocalDate.ofInstant(x.now, ServiceRules.ZONE));
            html.close("dl");
            html.element("p", x.t("disclosure.intro"));
            html.element("h2", x.t("disclosure.person"));
            html.open("dl", "class", "facts");
            fact(html, x.t("field.atena"), r.atenaNumber());
            fact(html, x.t("field.nameKanji"), r.nameKanji().familyFirst());
            fact(html, x.t("field.nameKana"), name(r.nameKana()));
            fact(html, x.t("field.nameRoman"), name(r.nameRoman()));
            fact(html, x.t("field.birthDate"), r.birthDate());
            fact(html, x.t("field.sex"), x.lang.has("sex." + r.sex()) ? x.t("sex." + r.sex()) : r.sex());
            fact(html, x.t("field.address"), r.address());
            fact(html, x.t("field.nationality"), r.nationality());
            fact(html, x.t("field.passport"), r.passportNumber());
            fact(html, x.t("field.residentStatus"), x.t("residentStatus." + r.status().name()));
            html.close("dl");
            html.element("p", x.t("disclosure.myNumber"), "class", "help");
            html.element("h2", x.t("resident.doses"));
            if (holdings.doses().isEmpty()) {
                html.element("p", x.t("resident.noDoses"));
            } else {
                new DoseTable(context.catalog()).table(html, x, holdings.doses(), "data", holdings.sites(), null);
            }
            html.element("h2", x.t("disclosure.issuances"));
            if (holdings.issuances().isEmpty()) {
                html.element("p", x.t("search.none"));
            } else {
                html.open("table", "class", "data").open("thead").open("tr");
                for (String column : new String[] {"field.certificateId", "field.issuedAt", "field.type", "field.channel",
                        "field.status", "field.copies"}) {
                    html.element("th", x.t(column), "scope", "col");
                }
                html.close("tr").close("thead").open("tbody");
                for (IssuanceRow row : holdings.issuances()) {
                    html.open("tr").element("td", row.certificateId(), "class", "id")
                            .element("td", Formats.time(row.issuedAt())).element("td", x.t("type." + row.type().name()))
                            .element("td", x.t("channel." + row.channel().name()))
                            .element("td", x.t("status." + row.status().name())).element("td", row.copies()).close("tr");
                }
                html.close("tbody").close("table");
            }
            html.element("p", x.t("disclosure.footer"), "class", "help");
        }));
    }

    private static String name(PersonName name) {
        return name == null ? "" : name.familyFirst();
    }

    private static void fact(Html html, String label, Object value) {
        html.element("dt", label).element("dd", value == null ? "" : value);
    }
}
