package dev.shomei.record.store;

import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.ResidentStatus;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Residents whose retention period has passed (issue 21): no longer ACTIVE (moved out or deceased),
 * unchanged since before the cut-off, and without issuance records (those must stay, see
 * {@link ResidentRepository#delete}). Inside one municipality only; reads no personal column.
 */
public final class RetentionRepository {
    /** One resident past retention: ids and status only. */
    public record Expired(String id, String atenaNumber, ResidentStatus status, Instant lastChanged) {
    }

    public List<Expired> expired(Tx tx, MunicipalityCode code, Instant cutOff, int limit) throws SQLException {
        return tx.query("SELECT r.id, r.atena_number, r.status, r.updated_at FROM resident r "
                        + "WHERE r.municipality_code = ? AND r.status <> 'ACTIVE' AND r.updated_at < ? "
                        + "AND NOT EXISTS (SELECT 1 FROM issuance i WHERE i.municipality_code = r.municipality_code "
                        + "AND i.resident_id = r.id) ORDER BY r.atena_number LIMIT ?",
                row -> new Expired(row.getString(1), row.getString(2), ResidentStatus.valueOf(row.getString(3)),
                        Instant.ofEpochMilli(row.getLong(4))), code.value(), cutOff.toEpochMilli(), limit);
    }
}
