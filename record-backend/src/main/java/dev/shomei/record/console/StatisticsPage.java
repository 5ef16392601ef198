package dev.shomei.record.console;

import dev.shomei.protocol.ServiceRules;
import dev.shomei.record.domain.Municipality;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.store.MunicipalityRepository;
import dev.shomei.record.users.Actor;
import dev.shomei.record.users.Permission;
import io.helidon.http.Status;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Issuance counts for a month per municipality inside the user's scope (national, prefecture, or a
 * supervisor's own municipality): totals by status, type and channel. Counts only; no record, no
 * id, no personal data.
 */
final class StatisticsPage {
    /** One municipality's month. */
    record Counts(MunicipalityCode code, String name, int issued, int printed, int voided, int domestic, int overseas,
                  int kiosk, int window, int app) {
    }

    private final ConsoleContext context;
    private final ConsoleAudit audit;
    private final MunicipalityRepository municipalities = new MunicipalityRepository();

    StatisticsPage(ConsoleContext context, ConsoleAudit audit) {
        this.context = context;
        this.audit = audit;
    }

    void register(ConsoleRouter router) {
        router.get("/statistics", Permission.VIEW_STATISTICS, this::page);
    }

    List<Counts> counts(Actor actor, YearMonth month, Lang lang) {
        long start = month.atDay(1).atStartOfDay(ServiceRules.ZONE).toInstant().toEpochMilli();
        long end = month.plusMonths(1).atDay(1).atStartOfDay(ServiceRules.ZONE).toInstant().toEpochMilli();
        record Group(String code, String type, String channel, String status, int count) {
        }
        return context.database().readReplica(tx -> {
            Map<String, Municipality> known = new TreeMap<>();
            for (Municipality municipality : municipalities.list(tx)) {
                if (actor.scope().covers(municipality.code())) {
                    known.put(municipality.code().value(), municipality);
                }
            }
            Map<String, int[]> totals = new TreeMap<>();
            known.keySet().forEach(code -> totals.put(code, new int[8]));
            for (Group group : tx.query("SELECT municipality_code, certificate_type, channel, status, count(*) FROM issuance "
                            + "WHERE issued_at >= ? AND issued_at < ? GROUP BY municipality_code, certificate_type, channel, status",
                    row -> new Group(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5)),
                    start, end)) {
                int[] c = totals.get(group.code());
                if (c == null) {
                    continue; // outside the scope
                }
                c[0] += group.count();
                c[1] += "PRINTED".equals(group.status()) ? group.count() : 0;
                c[2] += "VOIDED".equals(group.status()) ? group.count() : 0;
                c[3] += "DOMESTIC".equals(group.type()) ? group.count() : 0;
                c[4] += "OVERSEAS".equals(group.type()) ? group.count() : 0;
                c[5] += "KIOSK".equals(group.channel()) ? group.count() : 0;
                c[6] += "WINDOW".equals(group.channel()) ? group.count() : 0;
                c[7] += "APP".equals(group.channel()) ? group.count() : 0;
            }
            List<Counts> result = new ArrayList<>();
            totals.forEach((code, c) -> {
                Municipality municipality = known.get(code);
                result.add(new Counts(municipality.code(), lang == Lang.EN ? municipality.nameEn() : municipality.nameJa(),
                        c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]));
            });
            return result;
        });
    }

    private void page(Exchange x) {
        Actor actor = x.actor();
        String monthText = x.query("month");
        List<String> problems = new ArrayList<>();
        YearMonth month;
        try {
            month = monthText.isEmpty() ? YearMonth.from(LocalDate.ofInstant(x.now, ServiceRules.ZONE))
                    : YearMonth.parse(monthText);
        } catch (DateTimeParseException e) {
            problems.add("review.bad.month");
            month = YearMonth.from(LocalDate.ofInstant(x.now, ServiceRules.ZONE));
        }
        List<Counts> counts = counts(actor, month, x.lang);
        audit.record(actor, "VIEW_STATISTICS", "scope", actor.scope().value(), "OK", "month=" + month);
        YearMonth shown = month;
        x.html(Status.OK_200, Layout.page(x, x.t("statistics.title", shown), html -> {
            RecordPages.problems(html, x, problems);
            html.open("form", "method", "get", "action", "/statistics", "class", "search");
            Layout.field(html, "month", x.t("field.month"), "month", problems.isEmpty() ? shown.toString() : monthText,
                    "maxlength", "64", "autofocus", "autofocus");
            html.element("button", x.t("review.show"), "type", "submit");
            html.close("form");
            html.element("p", x.t("statistics.intro", actor.scope()));
            html.open("table", "class", "data").open("thead").open("tr");
            for (String column : new String[] {"field.municipality", "statistics.issued", "status.PRINTED", "status.VOIDED",
                    "type.DOMESTIC", "type.OVERSEAS", "channel.KIOSK", "channel.WINDOW", "channel.APP"}) {
                html.element("th", x.t(column), "scope", "col");
            }
            html.close("tr").close("thead").open("tbody");
            for (Counts c : counts) {
                html.open("tr").element("td", c.code() + " " + c.name()).element("td", c.issued()).element("td", c.printed())
                        .element("td", c.voided()).element("td", c.domestic()).element("td", c.overseas())
                        .element("td", c.kiosk()).element("td", c.window()).element("td", c.app()).close("tr");
            }
            html.close("tbody").close("table");
        }));
    }
}
