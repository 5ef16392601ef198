package dev.shomei.record.store;

import dev.shomei.protocol.cert.AlternativeName;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Tx;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A resident's former or alternative name (旧姓・別姓・別名), at most one, in its own table so the
 * resident row and every reader of it stay as they are. Kind, name and Roman form are each sealed
 * with the municipality's key (associated data: table, column, resident id), like the other names.
 */
public final class AlternativeNameRepository {
    static final String TABLE = "resident_alternative_name";

    /** Stores the resident's alternative name, replacing any; {@code null} removes it. */
    public void replace(Tx tx, TenantCipher tenant, String residentId, AlternativeName name) throws SQLException {
        String code = tenant.municipality().value();
        tx.update("DELETE FROM resident_alternative_name WHERE municipality_code = ? AND resident_id = ?", code, residentId);
        if (name != null) {
            tx.update("INSERT INTO resident_alternative_name (municipality_code, resident_id, kind_enc, name_enc, roman_enc) "
                            + "VALUES (?, ?, ?, ?, ?)", code, residentId,
                    tenant.seal(TABLE, "kind_enc", residentId, name.kind().name()),
                    tenant.seal(TABLE, "name_enc", residentId, name.name()),
                    tenant.seal(TABLE, "roman_enc", residentId, name.roman()));
        }
    }

    public Optional<AlternativeName> find(Tx tx, TenantCipher tenant, String residentId) throws SQLException {
        return tx.queryOne("SELECT kind_enc, name_enc, roman_enc FROM resident_alternative_name "
                        + "WHERE municipality_code = ? AND resident_id = ?",
                row -> new AlternativeName(
                        AlternativeName.Kind.valueOf(tenant.open(TABLE, "kind_enc", residentId, row.getBytes(1))),
                        tenant.open(TABLE, "name_enc", residentId, row.getBytes(2)),
                        tenant.open(TABLE, "roman_enc", residentId, row.getBytes(3))),
                tenant.municipality().value(), residentId);
    }

    /** Removes it (before the resident row is deleted). */
    void delete(Tx tx, String municipalityCode, String residentId) throws SQLException {
        tx.update("DELETE FROM resident_alternative_name WHERE municipality_code = ? AND resident_id = ?",
                municipalityCode, residentId);
    }
}
