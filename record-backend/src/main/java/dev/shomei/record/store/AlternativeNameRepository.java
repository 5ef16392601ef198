package dev.shomei.record.store;

import dev.shomei.protocol.cert.AlternativeName;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resident's former or alternative name (旧姓・別姓・別名), at most one, in its own table so the
 * resident row and every reader of it stay as they are. Kind, name and Roman form are each sealed
 * with the municipality's key (associated data: table, column, resident id), like the other names.
 */
public final class AlternativeNameRepository {
    static final String TABLE = "resident_alternative_name";

    private static final String INSERT = "INSERT INTO resident_alternative_name (municipality_code, resident_id, kind_enc, "
            + "name_enc, roman_enc) VALUES (?, ?, ?, ?, ?)";

    /** Stores the resident's alternative name, replacing any; {@code null} removes it. */
    public void replace(Tx tx, TenantCipher tenant, String residentId, AlternativeName name) throws SQLException {
        tx.update("DELETE FROM resident_alternative_name WHERE municipality_code = ? AND resident_id = ?",
                tenant.municipality().value(), residentId);
        if (name != null) {
            tx.update(INSERT, row(tenant, residentId, name));
        }
    }

    /** Stores the names of residents that have none yet (new residents), by resident id, as one batch. */
    public void insertAll(Tx tx, TenantCipher tenant, Map<String, AlternativeName> namesByResident) throws SQLException {
        List<Object[]> rows = new ArrayList<>(namesByResident.size());
        namesByResident.forEach((residentId, name) -> rows.add(row(tenant, residentId, name)));
        tx.batch(INSERT, rows);
    }

    private static Object[] row(TenantCipher tenant, String residentId, AlternativeName name) {
        return new Object[] {tenant.municipality().value(), residentId,
                tenant.seal(TABLE, "kind_enc", residentId, name.kind().name()),
                tenant.seal(TABLE, "name_enc", residentId, name.name()),
                tenant.seal(TABLE, "roman_enc", residentId, name.roman())};
    }

    public Optional<AlternativeName> find(Tx tx, TenantCipher tenant, String residentId) throws SQLException {
        return tx.queryOne("SELECT kind_enc, name_enc, roman_enc FROM resident_alternative_name "
                        + "WHERE municipality_code = ? AND resident_id = ?",
                row -> map(tenant, residentId, row, 1), tenant.municipality().value(), residentId);
    }

    /** {@link #find} for many residents in one query: the names found, by resident id. */
    public Map<String, AlternativeName> findAll(Tx tx, TenantCipher tenant, Collection<String> residentIds)
            throws SQLException {
        Map<String, AlternativeName> found = new HashMap<>();
        if (residentIds.isEmpty()) {
            return found;
        }
        for (Map.Entry<String, AlternativeName> name : tx.query("SELECT resident_id, kind_enc, name_enc, roman_enc "
                        + "FROM resident_alternative_name WHERE municipality_code = ? AND resident_id IN ("
                        + Tx.placeholders(residentIds.size()) + ")",
                row -> Map.entry(row.getString(1), map(tenant, row.getString(1), row, 2)),
                Tx.municipalityAnd(tenant.municipality().value(), residentIds))) {
            found.put(name.getKey(), name.getValue());
        }
        return found;
    }

    /** {@link #map}, or null when the columns are null (a resident without one, read through a left join). */
    static AlternativeName mapOrNull(TenantCipher tenant, String residentId, ResultSet row, int first) throws SQLException {
        return row.getBytes(first) == null ? null : map(tenant, residentId, row, first);
    }

    private static AlternativeName map(TenantCipher tenant, String residentId, ResultSet row, int first)
            throws SQLException {
        return new AlternativeName(AlternativeName.Kind.valueOf(tenant.open(TABLE, "kind_enc", residentId, row.getBytes(first))),
                tenant.open(TABLE, "name_enc", residentId, row.getBytes(first + 1)),
                tenant.open(TABLE, "roman_enc", residentId, row.getBytes(first + 2)));
    }

    /** Removes it (before the resident row is deleted). */
    void delete(Tx tx, String municipalityCode, String residentId) throws SQLException {
        tx.update("DELETE FROM resident_alternative_name WHERE municipality_code = ? AND resident_id = ?",
                municipalityCode, residentId);
    }
}
