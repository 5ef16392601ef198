package dev.shomei.record.store;

import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.Vaccination;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Doses of one municipality's residents; the ticket number (接種券番号) is sealed. */
public final class VaccinationRepository {
    private static final String TABLE = "vaccination";

    /** The resident's doses, by dose number. */
    public List<Vaccination> list(Tx tx, TenantCipher tenant, String residentId) throws SQLException {
        return tx.query("SELECT id, dose_number, vaccinated_on, product, manufacturer, lot_number, ticket_number_enc "
                        + "FROM vaccination WHERE municipality_code = ? AND resident_id = ? ORDER BY dose_number",
                row -> {
                    String id = row.getString(1);
                    return new Vaccination(id, row.getInt(2), LocalDate.parse(row.getString(3)), row.getString(4),
                            row.getString(5), row.getString(6), tenant.open(TABLE, "ticket_number_enc", id, row.getBytes(7)));
                }, tenant.municipality().value(), residentId);
    }

    public Optional<Vaccination> find(Tx tx, TenantCipher tenant, String residentId, int doseNumber) throws SQLException {
        return list(tx, tenant, residentId).stream().filter(v -> v.doseNumber() == doseNumber).findFirst();
    }

    public void insert(Tx tx, TenantCipher tenant, String residentId, Vaccination dose) throws SQLException {
        insertAll(tx, tenant, residentId, List.of(dose));
    }

    /** Inserts several doses of one resident as one batch. */
    public void insertAll(Tx tx, TenantCipher tenant, String residentId, List<Vaccination> doses) throws SQLException {
        long now = System.currentTimeMillis();
        List<Object[]> rows = new ArrayList<>();
        for (Vaccination dose : doses) {
            rows.add(new Object[] {tenant.municipality().value(), dose.id(), residentId, dose.doseNumber(),
                    dose.date().toString(), dose.product(), dose.manufacturer(), dose.lotNumber(),
                    tenant.seal(TABLE, "ticket_number_enc", dose.id(), dose.ticketNumber()), now, now});
        }
        tx.batch("INSERT INTO vaccination (municipality_code, id, resident_id, dose_number, vaccinated_on, product, "
                + "manufacturer, lot_number, ticket_number_enc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** Corrects one dose (matched by its id, inside this municipality and resident). */
    public boolean update(Tx tx, TenantCipher tenant, String residentId, Vaccination dose) throws SQLException {
        return tx.update("UPDATE vaccination SET dose_number = ?, vaccinated_on = ?, product = ?, manufacturer = ?, "
                        + "lot_number = ?, ticket_number_enc = ?, updated_at = ? "
                        + "WHERE municipality_code = ? AND resident_id = ? AND id = ?",
                dose.doseNumber(), dose.date().toString(), dose.product(), dose.manufacturer(), dose.lotNumber(),
                tenant.seal(TABLE, "ticket_number_enc", dose.id(), dose.ticketNumber()), System.currentTimeMillis(),
                tenant.municipality().value(), residentId, dose.id()) == 1;
    }

    /** Removes every dose of the resident (an import replaces them). */
    public int deleteAll(Tx tx, TenantCipher tenant, String residentId) throws SQLException {
        return tx.update("DELETE FROM vaccination WHERE municipality_code = ? AND resident_id = ?",
                tenant.municipality().value(), residentId);
    }
}
