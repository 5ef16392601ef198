package dev.shomei.record.store;

import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.Vaccination;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Doses of one municipality's residents. Date, product, manufacturer, lot and ticket number (接種券番号)
 * are sealed under the municipality's data key, each bound to its column and dose id; only the dose
 * number stays in clear (the unique key and the order).
 */
public final class VaccinationRepository {
    static final String TABLE = "vaccination";
    private static final String INSERT = "INSERT INTO vaccination (municipality_code, id, resident_id, dose_number, "
            + "vaccinated_on_enc, product_enc, manufacturer_enc, lot_number_enc, ticket_number_enc, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String COLUMNS = columns(null);

    /** The columns {@link #map} reads, in its order, each prefixed with {@code alias.} unless it is null. */
    static String columns(String alias) {
        String prefix = alias == null ? "" : alias + ".";
        return Stream.of("id", "dose_number", "vaccinated_on_enc", "product_enc", "manufacturer_enc",
                "lot_number_enc", "ticket_number_enc").map(column -> prefix + column).collect(Collectors.joining(", "));
    }

    /** The resident's doses, by dose number. */
    public List<Vaccination> list(Tx tx, TenantCipher tenant, String residentId) throws SQLException {
        return tx.query("SELECT " + COLUMNS + " FROM vaccination WHERE municipality_code = ? AND resident_id = ? "
                + "ORDER BY dose_number", row -> map(tenant, row, 1), tenant.municipality().value(), residentId);
    }

    /** {@link #list} for many residents in one query: their doses by dose number, by resident id (none: absent). */
    public Map<String, List<Vaccination>> listAll(Tx tx, TenantCipher tenant, Collection<String> residentIds)
            throws SQLException {
        Map<String, List<Vaccination>> doses = new HashMap<>();
        if (residentIds.isEmpty()) {
            return doses;
        }
        for (Map.Entry<String, Vaccination> dose : tx.query("SELECT resident_id, " + COLUMNS + " FROM vaccination "
                        + "WHERE municipality_code = ? AND resident_id IN (" + Tx.placeholders(residentIds.size()) + ") "
                        + "ORDER BY resident_id, dose_number", row -> Map.entry(row.getString(1), map(tenant, row, 2)),
                Tx.municipalityAnd(tenant.municipality().value(), residentIds))) {
            doses.computeIfAbsent(dose.getKey(), id -> new ArrayList<>()).add(dose.getValue());
        }
        return doses;
    }

    /** The dose whose {@link #COLUMNS} start at column {@code first} of the row. */
    static Vaccination map(TenantCipher tenant, ResultSet row, int first) throws SQLException {
        String id = row.getString(first);
        return new Vaccination(id, row.getInt(first + 1),
                LocalDate.parse(tenant.open(TABLE, "vaccinated_on_enc", id, row.getBytes(first + 2))),
                tenant.open(TABLE, "product_enc", id, row.getBytes(first + 3)),
                tenant.open(TABLE, "manufacturer_enc", id, row.getBytes(first + 4)),
                tenant.open(TABLE, "lot_number_enc", id, row.getBytes(first + 5)),
                tenant.open(TABLE, "ticket_number_enc", id, row.getBytes(first + 6)));
    }

    public Optional<Vaccination> find(Tx tx, TenantCipher tenant, String residentId, int doseNumber) throws SQLException {
        return list(tx, tenant, residentId).stream().filter(v -> v.doseNumber() == doseNumber).findFirst();
    }

    public void insert(Tx tx, TenantCipher tenant, String residentId, Vaccination dose) throws SQLException {
        insertAll(tx, tenant, residentId, List.of(dose));
    }

    /** Inserts several doses of one resident as one batch. */
    public void insertAll(Tx tx, TenantCipher tenant, String residentId, List<Vaccination> doses) throws SQLException {
        insertAll(tx, tenant, Map.of(residentId, doses));
    }

    /** Inserts the doses of several residents (by resident id) as one batch. */
    public void insertAll(Tx tx, TenantCipher tenant, Map<String, List<Vaccination>> dosesByResident) throws SQLException {
        long now = System.currentTimeMillis();
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, List<Vaccination>> resident : dosesByResident.entrySet()) {
            for (Vaccination dose : resident.getValue()) {
                rows.add(sealedRow(tenant, resident.getKey(), dose, now, now));
            }
        }
        tx.batch(INSERT, rows);
    }

    /** Inserts doses keeping their recorded times (the sealing of doses stored before V100). */
    void insertSealed(Tx tx, List<Object[]> sealedRows) throws SQLException {
        tx.batch(INSERT, sealedRows);
    }

    /** The parameters of {@link #INSERT} for one dose, its fields sealed. */
    static Object[] sealedRow(TenantCipher tenant, String residentId, Vaccination dose, long createdAt, long updatedAt) {
        return new Object[] {tenant.municipality().value(), dose.id(), residentId, dose.doseNumber(),
                tenant.seal(TABLE, "vaccinated_on_enc", dose.id(), dose.date().toString()),
                tenant.seal(TABLE, "product_enc", dose.id(), dose.product()),
                tenant.seal(TABLE, "manufacturer_enc", dose.id(), dose.manufacturer()),
                tenant.seal(TABLE, "lot_number_enc", dose.id(), dose.lotNumber()),
                tenant.seal(TABLE, "ticket_number_enc", dose.id(), dose.ticketNumber()), createdAt, updatedAt};
    }

    /** Corrects one dose (matched by its id, inside this municipality and resident). */
    public boolean update(Tx tx, TenantCipher tenant, String residentId, Vaccination dose) throws SQLException {
        return tx.update("UPDATE vaccination SET dose_number = ?, vaccinated_on_enc = ?, product_enc = ?, "
                        + "manufacturer_enc = ?, lot_number_enc = ?, ticket_number_enc = ?, updated_at = ? "
                        + "WHERE municipality_code = ? AND resident_id = ? AND id = ?",
                dose.doseNumber(), tenant.seal(TABLE, "vaccinated_on_enc", dose.id(), dose.date().toString()),
                tenant.seal(TABLE, "product_enc", dose.id(), dose.product()),
                tenant.seal(TABLE, "manufacturer_enc", dose.id(), dose.manufacturer()),
                tenant.seal(TABLE, "lot_number_enc", dose.id(), dose.lotNumber()),
                tenant.seal(TABLE, "ticket_number_enc", dose.id(), dose.ticketNumber()), System.currentTimeMillis(),
                tenant.municipality().value(), residentId, dose.id()) == 1;
    }

    /** Removes every dose of the resident (an import replaces them). */
    public int deleteAll(Tx tx, TenantCipher tenant, String residentId) throws SQLException {
        return tx.update("DELETE FROM vaccination WHERE municipality_code = ? AND resident_id = ?",
                tenant.municipality().value(), residentId);
    }
}
