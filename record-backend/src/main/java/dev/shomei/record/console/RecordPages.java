package dev.shomei.record.console;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.cert.VaccineProduct;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.domain.Channel;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.PersonName;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.ResidentStatus;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.users.Actor;
import dev.shomei.record.users.Permission;
import io.helidon.http.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lookup (clerks and supervisors, own municipality only): issuance records by certificate id, date
 * range, status, channel and terminal; residents by atena number or by name and birth date; a
 * resident's page with doses, issuance history and change history. Every search and view is
 * audited before the result is sent; a view of an id that is not in the own municipality is a 404,
 * audited as NO_RECORD.
 */
final class RecordPages {
    private static final Pattern ATENA = Pattern.compile("[A-Za-z0-9-]{1,20}");

    private final ConsoleContext context;
    private final RecordQueries queries;
    private final ConsoleAudit audit;
    private final ChangePages changes;
    private SignOffPages startPageAlert;
    private final ResidentRepository residents = new ResidentRepository();
    private final VaccinationRepository vaccinations = new VaccinationRepository();
    private final dev.shomei.record.store.DoseEntryRepository doseEntries = new dev.shomei.record.store.DoseEntryRepository();

    RecordPages(ConsoleContext context, RecordQueries queries, ConsoleAudit audit, ChangePages changes) {
        this.context = context;
        this.queries = queries;
        this.audit = audit;
        this.changes = changes;
    }

    /** Shows the missing-sign-off alert of the log review on the start page (the issuance search). */
    RecordPages withStartPageAlert(SignOffPages alert) {
        this.startPageAlert = alert;
        return this;
    }

    void register(ConsoleRouter router) {
        router.get("/issuances", Permission.READ_RECORDS, this::issuances);
        router.post("/issuances", Permission.READ_RECORDS, this::issuances);
        router.get("/residents", Permission.READ_RECORDS, this::residentSearch);
        router.post("/residents", Permission.READ_RECORDS, this::residentSearch);
        router.get("/residents/{id}", Permission.READ_RECORDS, this::resident);
    }

    private void issuances(Exchange x) {
        boolean submitted = !x.input("search").isEmpty();
        IssuanceCriteria criteria = IssuanceCriteria.parse(x::input);
        Actor actor = x.actor();
        MunicipalityCode code = actor.municipality();
        List<IssuanceRow> rows = List.of();
        if (submitted && criteria.valid()) {
            rows = queries.searchIssuances(code, criteria, context.settings().searchLimit());
            audit.record(actor, "SEARCH_ISSUANCES", "municipality", code.value(), "OK",
                    criteria.forAudit() + " rows=" + rows.size());
        }
        List<IssuanceRow> found = rows;
        x.html(Status.OK_200, Layout.page(x, x.t("issuances.title"), html -> {
            if (startPageAlert != null) {
                startPageAlert.alert(html, x);
            }
            problems(html, x, criteria.problems());
            html.open("form", "method", "post", "action", "/issuances", "class", "search");
            Layout.csrf(html, x);
            html.empty("input", "type", "hidden", "name", "search", "value", "1");
            Layout.field(html, "certificateId", x.t("field.certificateId"), "text", x.input("certificateId"),
                    "maxlength", "64", "autofocus", "autofocus", "autocapitalize", "characters");
            Layout.field(html, "from", x.t("field.from"), "date", x.input("from"), "maxlength", "64");
            Layout.field(html, "to", x.t("field.to"), "date", x.input("to"), "maxlength", "64");
            List<String> statuses = new ArrayList<>(List.of("", x.t("field.any")));
            for (IssuanceStatus status : IssuanceStatus.values()) {
                statuses.add(status.name());
                statuses.add(x.t("status." + status.name()));
            }
            Layout.select(html, "status", x.t("field.status"), x.input("status"), statuses.toArray(String[]::new));
            List<String> channels = new ArrayList<>(List.of("", x.t("field.any")));
            for (Channel channel : Channel.values()) {
                channels.add(channel.name());
                channels.add(x.t("channel." + channel.name()));
            }
            Layout.select(html, "channel", x.t("field.channel"), x.input("channel"), channels.toArray(String[]::new));
            Layout.field(html, "terminal", x.t("field.terminal"), "text", x.input("terminal"), "maxlength", "64");
            html.element("button", x.t("search.submit"), "type", "submit");
            html.close("form");
            if (submitted && criteria.valid()) {
                html.element("p", x.t("search.count", found.size()), "class", "count", "role", "status");
                issuanceTable(html, x, found, true);
            }
        }));
    }

    static void issuanceTable(Html html, Exchange x, List<IssuanceRow> rows, boolean withResident) {
        if (rows.isEmpty()) {
            html.element("p", x.t("search.none"));
            return;
        }
        boolean mayVoid = x.user().role().may(Permission.CHANGE_RECORDS);
        boolean mayReissue = x.user().role().may(Permission.ISSUE_CERTIFICATES);
        html.open("table", "class", "data").open("thead").open("tr");
        for (String column : new String[] {"field.certificateId", "field.issuedAt", "field.type", "field.channel",
                "field.terminal", "field.status", "field.copies"}) {
            html.element("th", x.t(column), "scope", "col");
        }
        if (withResident) {
            html.element("th", x.t("field.atena"), "scope", "col");
        }
        if (mayVoid || mayReissue) {
            html.element("th", x.t("field.actions"), "scope", "col");
        }
        html.close("tr").close("thead").open("tbody");
        for (IssuanceRow row : rows) {
            html.open("tr");
            html.element("td", row.certificateId(), "class", "id");
            html.element("td", Formats.time(row.issuedAt()));
            html.element("td", x.t("type." + row.type().name()));
            html.element("td", x.t("channel." + row.channel().name()));
            html.element("td", row.terminalId());
            html.open("td").text(x.t("status." + row.status().name()));
            if (row.voidReason() != null) {
                html.text(" (").text(x.lang.has("void." + row.voidReason()) ? x.t("void." + row.voidReason()) : row.voidReason())
                        .text(")");
            }
            html.close("td");
            html.element("td", row.copies());
            if (withResident) {
                html.open("td").element("a", row.atenaNumber(), "href", "/residents/" + row.residentId()).close("td");
            }
            if (mayVoid || mayReissue) {
                html.open("td");
                if (mayVoid && row.status() != IssuanceStatus.VOIDED) {
                    html.element("a", x.t("void.link"), "href", "/issuances/" + row.certificateId() + "/void");
                }
                CounterPages.reissueLink(html, x, row);
                html.close("td");
            }
            html.close("tr");
        }
        html.close("tbody").close("table");
    }

    private void residentSearch(Exchange x) {
        Actor actor = x.actor();
        MunicipalityCode code = actor.municipality();
        String atena = x.input("atena");
        String name = x.input("name");
        String birth = x.input("birth");
        List<String> problems = new ArrayList<>();
        List<RecordQueries.ResidentHit> hits = null;
        if (!atena.isEmpty()) {
            if (!ATENA.matcher(atena).matches()) {
                problems.add("search.bad.atena");
            } else {
                var id = queries.residentByAtena(code, atena);
                audit.record(actor, "SEARCH_RESIDENTS", "municipality", code.value(), id.isPresent() ? "OK" : "NO_RECORD",
                        "atena=" + atena);
                if (id.isPresent()) {
                    x.redirect("/residents/" + id.get());
                    return;
                }
                hits = List.of();
            }
        } else if (!name.isEmpty() || !birth.isEmpty()) {
            LocalDate birthDate = IssuanceCriteria.birthDate(birth, problems, "search.bad.birth");
            if (birth.isEmpty()) {
                problems.add("search.bad.birth");
            }
            if (name.isEmpty() || name.length() > 40 || name.codePoints().anyMatch(Character::isISOControl)) {
                problems.add("search.bad.name");
            }
            if (problems.isEmpty()) {
                TenantCipher tenant = context.database().read(tx -> context.keyring().cipher(tx, code));
                hits = queries.residentsByName(tenant, name, birthDate, 50);
                audit.record(actor, "SEARCH_RESIDENTS", "municipality", code.value(), "OK",
                        "by=name+birth rows=" + hits.size());
            }
        }
        List<RecordQueries.ResidentHit> found = hits;
        x.html(Status.OK_200, Layout.page(x, x.t("residents.title"), html -> {
            problems(html, x, problems);
            if (actor.role().may(Permission.CHANGE_RECORDS)) {
                EntryPages.newResidentLink(html, x);
            }
            html.open("form", "method", "post", "action", "/residents", "class", "search");
            Layout.csrf(html, x);
            Layout.field(html, "atena", x.t("field.atena"), "text", atena, "maxlength", "64", "autofocus", "autofocus");
            html.element("button", x.t("search.submit"), "type", "submit");
            html.close("form");
            html.open("form", "method", "post", "action", "/residents", "class", "search");
            Layout.csrf(html, x);
            Layout.field(html, "name", x.t("field.name"), "text", name, "maxlength", "64");
            Layout.field(html, "birth", x.t("field.birthDate"), "date", birth, "maxlength", "64");
            html.element("button", x.t("search.submit"), "type", "submit");
            html.close("form");
            if (found != null) {
                html.element("p", x.t("search.count", found.size()), "class", "count", "role", "status");
                if (!found.isEmpty()) {
                    html.open("table", "class", "data").open("thead").open("tr")
                            .element("th", x.t("field.atena"), "scope", "col")
                            .element("th", x.t("field.name"), "scope", "col")
                            .element("th", x.t("field.birthDate"), "scope", "col")
                            .close("tr").close("thead").open("tbody");
                    for (RecordQueries.ResidentHit hit : found) {
                        html.open("tr").open("td").element("a", hit.atenaNumber(), "href", "/residents/" + hit.id()).close("td")
                                .element("td", hit.name()).element("td", hit.birthDate()).close("tr");
                    }
                    html.close("tbody").close("table");
                }
            }
        }));
    }

    /** The resident's record as shown, read in one transaction. */
    record ResidentView(Resident resident, List<Vaccination> doses, List<IssuanceRow> issuances,
                        List<ChangePages.HistoryEntry> history, java.util.Map<String, String> sites) {
    }

    private void resident(Exchange x) {
        Actor actor = x.actor();
        MunicipalityCode code = actor.municipality();
        String id = x.pathParameter("id");
        ResidentView view = PathIds.wellFormed(id) ? context.database().read(tx -> {
            TenantCipher tenant = context.keyring().cipher(tx, code);
            var resident = residents.findById(tx, tenant, id);
            if (resident.isEmpty()) {
                return null;
            }
            return new ResidentView(resident.get(), vaccinations.list(tx, tenant, id), queries.issuancesOf(tx, code, id),
                    changes.history(tx, tenant, code, id), doseEntries.sites(tx, tenant, id));
        }) : null;
        audit.record(actor, "VIEW_RESIDENT", "resident", PathIds.wellFormed(id) ? id : "(malformed)",
                view == null ? "NO_RECORD" : "OK", null);
        if (view == null) {
            throw new ShomeiException(ErrorCode.NO_RECORD, "no such resident here");
        }
        Resident r = view.resident();
        boolean supervisor = actor.role().may(Permission.CHANGE_RECORDS);
        x.html(Status.OK_200, Layout.page(x, x.t("resident.title", r.atenaNumber()), html -> {
            if (r.status() != ResidentStatus.ACTIVE) {
                html.element("p", x.t("resident.flagged", x.t("residentStatus." + r.status().name())), "class", "flag",
                        "role", "note");
            }
            html.open("dl", "class", "facts");
            fact(html, x.t("field.atena"), r.atenaNumber());
            fact(html, x.t("field.residentStatus"), x.t("residentStatus." + r.status().name()));
            fact(html, x.t("field.nameKanji"), r.nameKanji().familyFirst());
            fact(html, x.t("field.nameKana"), name(r.nameKana()));
            fact(html, x.t("field.nameRoman"), name(r.nameRoman()));
            fact(html, x.t("field.birthDate"), r.birthDate());
            fact(html, x.t("field.sex"), x.lang.has("sex." + r.sex()) ? x.t("sex." + r.sex()) : r.sex());
            fact(html, x.t("field.address"), r.address());
            fact(html, x.t("field.nationality"), r.nationality());
            fact(html, x.t("field.passport"), r.passportNumber());
            if (r.variantKanji()) {
                fact(html, x.t("field.variantKanji"), x.t("resident.variantKanji"));
            }
            html.close("dl");
            html.element("p", x.t("resident.myNumberHidden"), "class", "help");
            CounterPages.residentLink(html, x, r);
            if (supervisor) {
                changes.residentActions(html, x, r);
            }
            html.element("h2", x.t("resident.doses"));
            doses(html, x, r, view.doses(), view.sites(), supervisor);
            if (supervisor) {
                EntryPages.addDoseLink(html, x, r);
            }
            html.element("h2", x.t("resident.issuances"));
            recentUse(html, x, view.issuances(), context.clock().instant());
            issuanceTable(html, x, view.issuances(), false);
            html.element("h2", x.t("resident.history"));
            ChangePages.historyTable(html, x, view.history());
            RequestPages.link(html, x, r);
            TransferPages.link(html, x, r);
        }));
    }

    /** At or above this many issuances in a day a card may be used by someone else (the center limits 5 an hour). */
    static final int MANY_IN_A_DAY = 5;

    /**
     * How often the resident's card was used lately (issue 17: card data is a bearer token, so a
     * clerk on the phone with a resident sees at once whether someone else has been using it).
     */
    static void recentUse(Html html, Exchange x, List<IssuanceRow> issuances, java.time.Instant now) {
        long day = issuances.stream().filter(i -> i.issuedAt().isAfter(now.minus(java.time.Duration.ofDays(1)))).count();
        long month = issuances.stream().filter(i -> i.issuedAt().isAfter(now.minus(java.time.Duration.ofDays(30)))).count();
        html.element("p", x.t("resident.recentUse", day, month), "class", day >= MANY_IN_A_DAY ? "flag" : "help",
                "id", "recent-use");
    }

    private void doses(Html html, Exchange x, Resident resident, List<Vaccination> doses,
                       java.util.Map<String, String> sites, boolean supervisor) {
        if (doses.isEmpty()) {
            html.element("p", x.t("resident.noDoses"));
            return;
        }
        new DoseTable(context.catalog()).table(html, x, doses, "data", sites, supervisor ? (row, dose) -> {
            row.element("a", x.t("change.correct"), "href", "/residents/" + resident.id() + "/doses/" + dose.id());
            EntryPages.removeDoseLink(row, x, resident, dose);
        } : null);
    }

    static String productLabel(Exchange x, VaccineProduct product) {
        return x.lang == Lang.EN ? product.nameEn() + " (" + product.manufacturerEn() + ")"
                : product.nameJa() + "（" + product.manufacturerJa() + "）";
    }

    private static String name(PersonName name) {
        return name == null ? "" : name.familyFirst();
    }

    private static void fact(Html html, String label, Object value) {
        html.element("dt", label).element("dd", value == null ? "" : value);
    }

    static void problems(Html html, Exchange x, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        html.open("ul", "class", "error", "role", "alert");
        for (String problem : problems) {
            html.element("li", x.t(problem));
        }
        html.close("ul");
    }
}
