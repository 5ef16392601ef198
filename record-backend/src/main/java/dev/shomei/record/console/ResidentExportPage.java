package dev.shomei.record.console;

import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.importer.ResidentExport;
import dev.shomei.record.users.Actor;
import dev.shomei.record.users.Permission;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The export of the own municipality's residents and doses in the import's columns without the My Number
 * (issue 21 point 6; docs/operations.md, "Export file"), for the roles that may export: the municipality's
 * system can read it, and an edited copy imported again applies the edits. A POST with the CSRF token, audited
 * with the counts.
 */
final class ResidentExportPage {
    private final ConsoleContext context;
    private final ConsoleAudit audit;

    ResidentExportPage(ConsoleContext context, ConsoleAudit audit) {
        this.context = context;
        this.audit = audit;
    }

    void register(ConsoleRouter router) {
        router.get("/export/residents", Permission.EXPORT, this::form);
        router.post("/export/residents", Permission.EXPORT, this::export);
    }

    /** The export page's link to this one. */
    static void link(Html html, Exchange x) {
        html.element("h2", x.t("residentExport.title"));
        html.open("p").element("a", x.t("residentExport.link"), "href", "/export/residents").close("p");
    }

    private void form(Exchange x) {
        x.html(Status.OK_200, Layout.page(x, x.t("residentExport.title"), html -> {
            html.element("p", x.t("residentExport.intro"));
            html.element("p", x.t("residentExport.columns", String.join(", ", ResidentExport.COLUMNS)), "class", "help");
            html.open("form", "method", "post", "action", "/export/residents");
            Layout.csrf(html, x);
            html.element("button", x.t("residentExport.submit"), "type", "submit");
            html.close("form");
        }));
    }

    private void export(Exchange x) {
        Actor actor = x.actor();
        MunicipalityCode code = actor.municipality();
        ResidentExport.Export export = context.database().read(tx ->
                new ResidentExport().write(tx, context.keyring().cipher(tx, code)));
        audit.record(actor, "EXPORT_RESIDENTS", "municipality", code.value(), "OK",
                "residents=" + export.residents() + " doses=" + export.doses());
        x.response.status(Status.OK_200);
        x.response.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=UTF-8");
        x.response.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"residents-" + code + "-"
                + LocalDate.ofInstant(x.now, dev.shomei.protocol.ServiceRules.ZONE) + ".csv\"");
        x.response.send(export.csv().getBytes(StandardCharsets.UTF_8));
    }
}
