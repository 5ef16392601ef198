package dev.shomei.record.importer;

import dev.shomei.record.domain.Vaccination;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

/**
 * A dose as CSV cells, in the import file's column order. The import ({@link ResidentCsv}, which checks
 * each cell), the export ({@link ResidentExport}) and the doses a former municipality provides (the clerk
 * console's received transfers) all write and read these columns, so a new dose column is added here
 * (and checked in {@link ResidentCsv}).
 */
public final class DoseCsv {
    public static final List<String> COLUMNS = List.of("dose_number", "vaccinated_on", "product", "manufacturer",
            "lot_number", "ticket_number");
    /** The cells of a row without a dose (a resident without doses in the export). */
    static final List<String> NO_DOSE = Collections.nCopies(COLUMNS.size(), "");

    private DoseCsv() {
    }

    /** The dose's cells in {@link #COLUMNS} order; an absent ticket number is an empty cell. */
    public static List<String> cells(Vaccination dose) {
        return List.of(String.valueOf(dose.doseNumber()), dose.date().toString(), dose.product(), dose.manufacturer(),
                dose.lotNumber(), dose.ticketNumber() == null ? "" : dose.ticketNumber());
    }

    /**
     * The dose of cells this backend wrote with {@link #cells} (no checks beyond the record's own: a file from
     * outside goes through {@link ResidentCsv}).
     */
    public static Vaccination read(String id, List<String> cells) {
        String ticket = cells.get(5);
        return new Vaccination(id, Integer.parseInt(cells.get(0)), LocalDate.parse(cells.get(1)), cells.get(2),
                cells.get(3), cells.get(4), ticket.isEmpty() ? null : ticket);
    }
}
