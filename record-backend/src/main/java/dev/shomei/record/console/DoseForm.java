package dev.shomei.record.console;

import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.cert.VaccineProduct;
import dev.shomei.record.domain.Vaccination;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The fields of a dose a clerk types (date, product, lot, ticket number), described once: the
 * add-dose and correct-dose forms draw them, read them back, check them and name them in the audit
 * entry. A new dose field a clerk enters is a change here and its label in {@code messages_*.properties}.
 */
final class DoseForm {
    static final Pattern LOT = Pattern.compile("[A-Za-z0-9-]{1,20}");
    static final Pattern TICKET = Pattern.compile("[A-Za-z0-9-]{1,20}");
    /** The names the audit entry gives a dose's fields, in the order of {@link #values}. */
    static final List<String> FIELDS = List.of("date", "product", "manufacturer", "lot", "ticket");

    /** The fields as typed (shown back on a form with a problem). */
    record Typed(String date, String product, String lot, String ticket) {
        static final Typed EMPTY = new Typed("", "", "", "");

        static Typed read(Form form) {
            return new Typed(form.get("date"), form.get("product"), form.get("lot"), form.get("ticket"));
        }

        static Typed of(Vaccination dose) {
            return new Typed(dose.date().toString(), dose.product(), dose.lotNumber(),
                    dose.ticketNumber() == null ? "" : dose.ticketNumber());
        }
    }

    /** The fields checked: what a dose record is made of. */
    record Checked(LocalDate date, VaccineProduct product, String lot, String ticket) {
        Vaccination dose(String id, int number) {
            return new Vaccination(id, number, date, product.code(), product.manufacturerJa(), lot, ticket);
        }
    }

    private DoseForm() {
    }

    /**
     * Checks the typed fields: a date from the first vaccination in Japan to today, a product of the
     * catalog, a lot number, and a ticket number ({@code required}, else it may be left empty).
     */
    static Checked check(Typed typed, VaccineCatalog catalog, LocalDate today, boolean ticketRequired) {
        LocalDate date = IssuanceCriteria.date(typed.date(), new ArrayList<>(), "x");
        if (date == null || date.isBefore(Vaccination.FIRST_VACCINATION) || date.isAfter(today)) {
            throw new BadInput("change.bad.date");
        }
        VaccineProduct product = catalog.byCode(typed.product()).orElseThrow(() -> new BadInput("change.bad.product"));
        if (!LOT.matcher(typed.lot()).matches()) {
            throw new BadInput("change.bad.lot");
        }
        if ((ticketRequired || !typed.ticket().isEmpty()) && !TICKET.matcher(typed.ticket()).matches()) {
            throw new BadInput("change.bad.ticket");
        }
        return new Checked(date, product, typed.lot(), typed.ticket().isEmpty() ? null : typed.ticket());
    }

    /** A stored dose's fields by their {@link #FIELDS} names (the manufacturer follows the product). */
    static Map<String, String> values(Vaccination dose) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("date", dose.date().toString());
        values.put("product", dose.product());
        values.put("manufacturer", dose.manufacturer());
        values.put("lot", dose.lotNumber());
        values.put("ticket", dose.ticketNumber());
        return values;
    }

    /** The names of the fields that differ between two versions of a dose. */
    static List<String> changed(Vaccination before, Vaccination after) {
        Map<String, String> now = values(after);
        List<String> changed = new ArrayList<>();
        values(before).forEach((field, value) -> {
            if (!Objects.equals(Objects.requireNonNullElse(value, ""), Objects.requireNonNullElse(now.get(field), ""))) {
                changed.add(field);
            }
        });
        return changed;
    }

    /** The inputs; a new dose asks for a ticket number and starts with no product chosen. */
    static void render(Html html, Exchange x, VaccineCatalog catalog, Typed typed, boolean newDose) {
        Layout.field(html, "date", x.t("field.vaccinatedOn"), "date", typed.date(), "required", "required",
                "autofocus", "autofocus", "maxlength", "64");
        List<String> options = new ArrayList<>(newDose ? List.of("", x.t("entry.choose")) : List.of());
        for (VaccineProduct p : catalog.all()) {
            options.add(p.code());
            options.add(RecordPages.productLabel(x, p));
        }
        Layout.select(html, "product", x.t("field.product"), typed.product(), options.toArray(String[]::new));
        Layout.field(html, "lot", x.t("field.lot"), "text", typed.lot(), "required", "required", "maxlength", "64");
        if (newDose) {
            Layout.field(html, "ticket", x.t("field.ticket"), "text", typed.ticket(), "required", "required",
                    "maxlength", "64");
        } else {
            Layout.field(html, "ticket", x.t("field.ticket"), "text", typed.ticket(), "maxlength", "64");
        }
    }
}
