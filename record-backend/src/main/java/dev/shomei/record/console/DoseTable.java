package dev.shomei.record.console;

import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.record.domain.Vaccination;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A resident's doses as every console page shows them (the resident's record, a disclosure request, a
 * received transfer, the remove-dose page). The columns are named once, in {@link #columns}: a new dose
 * field is one line there and its label in {@code messages_*.properties}.
 */
final class DoseTable {
    /** One column: its label's message key and its cell. */
    private record Column(String label, BiFunction<Exchange, Vaccination, Object> cell) {
    }

    /** The cell a page adds at the end of each row (a supervisor's correct and remove links). */
    interface RowActions {
        void render(Html html, Vaccination dose);
    }

    private final VaccineCatalog catalog;
    private final List<Column> columns;

    DoseTable(VaccineCatalog catalog) {
        this.catalog = catalog;
        this.columns = List.of(
                new Column("field.dose", (x, dose) -> dose.doseNumber()),
                new Column("field.vaccinatedOn", (x, dose) -> dose.date()),
                new Column("field.product", this::productName),
                new Column("field.manufacturer", (x, dose) -> dose.manufacturer()),
                new Column("field.lot", (x, dose) -> dose.lotNumber()),
                new Column("field.ticket", (x, dose) -> dose.ticketNumber()));
    }

    /**
     * The doses as a table.
     *
     * @param sites   the vaccination site a clerk entered, by dose id; {@code null}: the page has no site column
     * @param actions the last cell of each row; {@code null}: none
     */
    void table(Html html, Exchange x, List<Vaccination> doses, String tableClass, Map<String, String> sites,
               RowActions actions) {
        html.open("table", "class", tableClass).open("thead").open("tr");
        for (Column column : columns) {
            html.element("th", x.t(column.label()), "scope", "col");
        }
        if (sites != null) {
            html.element("th", x.t("field.site"), "scope", "col");
        }
        if (actions != null) {
            html.element("th", x.t("field.actions"), "scope", "col");
        }
        html.close("tr").close("thead").open("tbody");
        for (Vaccination dose : doses) {
            html.open("tr");
            for (Column column : columns) {
                html.element("td", column.cell().apply(x, dose));
            }
            if (sites != null) {
                html.element("td", sites.get(dose.id()));
            }
            if (actions != null) {
                html.open("td");
                actions.render(html, dose);
                html.close("td");
            }
            html.close("tr");
        }
        html.close("tbody").close("table");
    }

    /** One dose as a list of facts, with its site ({@code null}: none entered). */
    void facts(Html html, Exchange x, Vaccination dose, String site) {
        html.open("dl", "class", "facts");
        for (Column column : columns) {
            html.element("dt", x.t(column.label())).element("dd", column.cell().apply(x, dose));
        }
        html.element("dt", x.t("field.site")).element("dd", site);
        html.close("dl");
    }

    /** The product's name in the page's language; a code the catalog lacks shows as it is stored. */
    private String productName(Exchange x, Vaccination dose) {
        return catalog.byCode(dose.product()).map(p -> x.lang == Lang.EN ? p.nameEn() : p.nameJa())
                .orElse(dose.product());
    }
}
