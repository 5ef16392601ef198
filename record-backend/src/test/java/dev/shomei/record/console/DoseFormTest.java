package dev.shomei.record.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.record.domain.Vaccination;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoseFormTest {
    private static final VaccineCatalog CATALOG = VaccineCatalog.standard();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void aCheckedDoseTakesTheProductsManufacturerAndAnEmptyTicketAsNone() {
        DoseForm.Checked checked = DoseForm.check(new DoseForm.Typed("2021-08-01", "comirnaty", "FA1234", ""),
                CATALOG, TODAY, false);
        Vaccination dose = checked.dose("v1", 2);
        assertEquals(LocalDate.of(2021, 8, 1), dose.date());
        assertEquals(CATALOG.byCode("comirnaty").orElseThrow().manufacturerJa(), dose.manufacturer());
        assertNull(dose.ticketNumber());
        assertEquals(2, dose.doseNumber());
    }

    @Test
    void eachBadFieldHasItsOwnMessage() {
        assertEquals("change.bad.date", problem(new DoseForm.Typed("2021-02-16", "comirnaty", "L1", "T1"), false));
        assertEquals("change.bad.date", problem(new DoseForm.Typed("2026-12-07", "comirnaty", "L1", "T1"), false));
        assertEquals("change.bad.product", problem(new DoseForm.Typed("2021-08-01", "unknown", "L1", "T1"), false));
        assertEquals("change.bad.lot", problem(new DoseForm.Typed("2021-08-01", "comirnaty", "L 1", "T1"), false));
        assertEquals("change.bad.ticket", problem(new DoseForm.Typed("2021-08-01", "comirnaty", "L1", "T/1"), false));
        // a new dose needs its ticket number; a correction may leave it empty
        assertEquals("change.bad.ticket", problem(new DoseForm.Typed("2021-08-01", "comirnaty", "L1", ""), true));
    }

    @Test
    void theAuditNamesTheFieldsThatChangedInTheOrderOfFields() {
        Vaccination before = new Vaccination("v1", 1, LocalDate.of(2021, 8, 1), "comirnaty", "ファイザー社", "L1", null);
        Vaccination after = new Vaccination("v1", 1, LocalDate.of(2021, 8, 1), "comirnaty", "ファイザー社", "L2", "T1");
        assertEquals(List.of("lot", "ticket"), DoseForm.changed(before, after));
        assertEquals(List.of(), DoseForm.changed(before, before));
        assertEquals(DoseForm.FIELDS, List.copyOf(DoseForm.values(before).keySet()));
    }

    private static String problem(DoseForm.Typed typed, boolean ticketRequired) {
        return assertThrows(BadInput.class, () -> DoseForm.check(typed, CATALOG, TODAY, ticketRequired)).messageKey();
    }
}
